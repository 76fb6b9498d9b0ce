using Sdr.Core.Outbox;

namespace Sdr.Server.Workers;

/// <summary>
/// Carries queued GHL writes out (DND, tags) on its own loop, on every
/// instance: woken when this instance queues an action, every second anyway. Separate from the
/// <see cref="WebhookWorker"/>, so rate-limited GHL calls never hold up the next webhook event; the
/// runner claims its rows, so instances never do the same write.
/// </summary>
internal sealed partial class OutboxWorker(GhlActionRunner runner, OutboxSignal signal, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await runner.RunDueAsync(BatchSize, stoppingToken) > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }

            if (!busy)
            {
                try
                {
                    await signal.WaitAsync(Poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GHL outbox pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
