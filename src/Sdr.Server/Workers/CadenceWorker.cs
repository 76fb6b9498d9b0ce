using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Sequences;

namespace Sdr.Server.Workers;

/// <summary>Runs process-batch every <c>cron_interval_minutes</c>; a failed tick is logged, never fatal.</summary>
internal sealed partial class CadenceWorker(
    CadenceScheduler scheduler,
    IOptions<PerformanceOptions> options,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<CadenceWorker> logger) : BackgroundService
{
    public const string EnabledKey = "Sdr:CadenceWorker:Enabled";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return;
        }

        var performance = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(performance.CronIntervalMinutes), time);
        do
        {
            try
            {
                BatchResult result;
                do
                {
                    result = await scheduler.ProcessDueTouchesAsync(performance.CronBatchSize, cancellationToken: stoppingToken);
                    if (result.Processed > 0)
                    {
                        LogBatch(logger, result.Processed, result.Dispatched, result.Skipped, result.Errors, result.DurationMs);
                    }
                }
                while (result.Processed == performance.CronBatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cadence batch: {Processed} processed, {Dispatched} dispatched, {Skipped} skipped, {Errors} errors in {DurationMs} ms")]
    private static partial void LogBatch(ILogger logger, int processed, int dispatched, int skipped, int errors, long durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cadence batch failed; the next tick will try again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
