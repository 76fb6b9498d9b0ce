using Sdr.Core.Compliance.Conversations;

namespace Sdr.Server.Workers;

/// <summary>
/// Sends queued conversational messages (STOP confirmations, HELP replies, answers) through the outbound
/// stages on its own loop, on every instance: woken when this instance queues a message, every second
/// anyway. Separate from the <see cref="WebhookWorker"/> and the <see cref="OutboxWorker"/>, so neither
/// the next webhook event nor a DND write waits for it; the runner claims its rows, so instances never
/// send the same message.
/// </summary>
internal sealed partial class OutboundMessageWorker(OutboundMessageRunner runner, OutboundMessageSignal signal, ILogger<OutboundMessageWorker> logger) : BackgroundService
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound message pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
