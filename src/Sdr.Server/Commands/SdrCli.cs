using System.CommandLine;
using Sdr.Server.Hosting;

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

        var file = new Argument<FileInfo>("file") { Description = "A text or CSV file with one phone number per line (first column)." };
        var location = new Option<string?>("--location") { Description = "Suppress only in this GHL location (default: every location)." };
        var importDnc = new Command("import-dnc", "Load a do-not-call list into the suppression ledger and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        importDnc.Arguments.Add(file);
        importDnc.Options.Add(location);
        importDnc.SetAction((result, ct) => ImportDncCommand.RunAsync(result.GetValue(file)!, result.GetValue(location), [.. result.UnmatchedTokens], ct));

        var root = new RootCommand("SDR Agent: an autonomous sales development rep for GoHighLevel.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(importDnc);
        root.Subcommands.Add(ImportListingsCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.SetAction((result, ct) => ServeCommand.RunAsync([.. result.UnmatchedTokens], ct));
        return InvokeAsync(root, args);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.CommandResult.Command.Name == "import-listings")
            {
                // Bad usage of an import exits 2, as a file that cannot be imported does.
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"sdr import-listings: {error.Message}");
                }

                return 2;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (StartupFailure.Describe(exception) is { } line)
        {
            // A bad setting: say which, without a stack trace.
            await Console.Error.WriteLineAsync(line);
            return 1;
        }
    }
}
