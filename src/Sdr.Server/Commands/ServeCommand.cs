namespace Sdr.Server.Commands;

internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = await SdrApplication.BuildAsync(args, cancellationToken);
        await SdrApplication.PrepareAsync(app, cancellationToken);
        await app.RunAsync();
        return 0;
    }
}
