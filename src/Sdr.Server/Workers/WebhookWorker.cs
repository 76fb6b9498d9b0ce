using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Webhooks;

namespace Sdr.Server.Workers;

/// <summary>
/// Processes the webhook inbox as events arrive (woken by the intake, then letting a batch gather for
/// <c>Webhooks:ProcessingDelayMilliseconds</c>; every second anyway). The GHL writes the events queue
/// are carried out by the <see cref="OutboxWorker"/> on its own loop. On PostgreSQL only
/// the instance holding the <see cref="WebhookProcessingLease"/> processes; the others stand by. An
/// instance that does not process (standing by, or <c>Webhooks:ProcessingEnabled=false</c>, an
/// intake-only replica) re-reads the backlog its intake answers 429 by.
/// </summary>
internal sealed partial class WebhookWorker(
    WebhookProcessor processor,
    WebhookBacklog backlog,
    WebhookProcessingLease lease,
    IOptions<WebhookOptions> options,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>How often an instance that does not process re-reads the backlog and tries for the lease.</summary>
    private static readonly TimeSpan StandbyPoll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gather = TimeSpan.FromMilliseconds(options.Value.ProcessingDelayMilliseconds);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                if (!options.Value.ProcessingEnabled || !await lease.TryHoldAsync(stoppingToken))
                {
                    await processor.RefreshBacklogAsync(stoppingToken);
                    await Task.Delay(StandbyPoll, stoppingToken);
                    continue;
                }

                busy = await processor.ProcessDueAsync(BatchSize, stoppingToken) == BatchSize;
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
                    var woken = await backlog.WaitForWorkAsync(TimeSpan.FromSeconds(1), stoppingToken);
                    if (woken && gather > TimeSpan.Zero && backlog.Pending < BatchSize)
                    {
                        // Real time: lets a batch gather (WebhookOptions.ProcessingDelayMilliseconds).
                        await Task.Delay(gather, stoppingToken);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook processing pass failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
