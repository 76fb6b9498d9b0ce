using System.CommandLine;

namespace Sdr.Server.Commands;

/// <summary><c>sdr [serve]</c> runs the service; <c>sdr migrate</c> applies database migrations.</summary>
internal static class SdrCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var serve = new Command("serve", "Run the SDR agent: API, webhooks and the cadence worker (default).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, ct) => ServeCommand.RunAsync([.. result.UnmatchedTokens], ct));

        var migrate = new Command("migrate", "Apply pending database migrations and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction((result, ct) => MigrateCommand.RunAsync([.. result.UnmatchedTokens], ct));

        var root = new RootCommand("SDR Agent: an autonomous sales development rep for GoHighLevel.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        root.SetAction((result, ct) => ServeCommand.RunAsync([.. result.UnmatchedTokens], ct));
        return InvokeAsync(root, args);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception exception) when (exception is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException or IOException or FormatException)
        {
            // A bad setting: say which, without a stack trace.
            await Console.Error.WriteLineAsync($"sdr: start-up failed: {exception.Message}");
            return 1;
        }
    }
}
