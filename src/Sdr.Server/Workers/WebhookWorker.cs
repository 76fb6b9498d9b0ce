using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Webhooks;

namespace Sdr.Server.Workers;

/// <summary>
/// Processes the webhook inbox as events arrive (woken by the intake, then letting a batch gather for
/// <c>Webhooks:ProcessingDelayMilliseconds</c>; every second anyway),
/// then carries queued GHL writes out (DND, tags, confirmation and HELP texts).
/// Off with <c>Webhooks:ProcessingEnabled=false</c> (an intake-only replica).
/// </summary>
internal sealed partial class WebhookWorker(
    WebhookProcessor processor,
    GhlActionRunner actions,
    WebhookBacklog backlog,
    IOptions<WebhookOptions> options,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ProcessingEnabled)
        {
            return;
        }

        var gather = TimeSpan.FromMilliseconds(options.Value.ProcessingDelayMilliseconds);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await processor.ProcessDueAsync(BatchSize, stoppingToken) == BatchSize;
                await actions.RunDueAsync(BatchSize, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
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
