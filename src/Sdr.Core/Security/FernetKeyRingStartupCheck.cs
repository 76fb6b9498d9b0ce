using Microsoft.Extensions.Hosting;

namespace Sdr.Core.Security;

/// <summary>
/// Resolves the <see cref="FernetKeyRing"/> when the host starts, so a missing or malformed
/// SDR_FERNET_KEY stops the start-up instead of the first database read.
/// </summary>
internal sealed class FernetKeyRingStartupCheck(FernetKeyRing keyRing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(keyRing);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }
}
