using Microsoft.Extensions.Options;
using Sdr.Core.Alerts;

namespace Sdr.Server.Workers;

/// <summary>
/// Evaluates the alert conditions every <c>sdr:alerts:evaluation_interval_seconds</c> on every instance (the database
/// keeps them from opening or announcing an alert twice); a failed evaluation is logged, never fatal.
/// </summary>
internal sealed partial class AlertWorker(
    SdrMetricsCollector collector,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Task.Delay, not a PeriodicTimer: a timer catches up every period a clock jump skipped (a test's fake
        // clock moved 400 days ran the evaluation half a million times); a delay runs once and starts again. On stop
        // the delay is cancelled and the service ends, as SqliteCheckpointer does.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var evaluation = await collector.EvaluateAsync(stoppingToken);
                if (evaluation.Opened + evaluation.Resolved + evaluation.NoticesFailed > 0)
                {
                    LogEvaluation(logger, evaluation.Opened, evaluation.Resolved, evaluation.Open, evaluation.NoticesSent, evaluation.NoticesFailed);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogEvaluationFailed(logger, exception);
            }

            await Task.Delay(settings.EvaluationInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts: {Opened} opened, {Resolved} resolved, {Open} open; notices {Sent} sent, {Failed} not delivered")]
    private static partial void LogEvaluation(ILogger logger, int opened, int resolved, int open, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert evaluation failed; the next tick will try again")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception);
}
