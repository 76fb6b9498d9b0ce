namespace Sdr.Server.Commands;

internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = SdrApplication.Build(args);
        SdrApplication.CheckSettings(app);
        SdrApplication.PrintBannerOnStart(app);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
