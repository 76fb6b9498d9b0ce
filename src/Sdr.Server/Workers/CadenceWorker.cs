using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Sequences;

namespace Sdr.Server.Workers;

/// <summary>
/// Runs process-batch every <c>cron_interval_minutes</c>, and between ticks whenever a touch has come due (checked every
/// <c>sdr:enrollment:due_check_seconds</c>, at once when enrolment signals a first touch due now); a failed tick is logged, never fatal.
/// </summary>
internal sealed partial class CadenceWorker(
    CadenceScheduler scheduler,
    CadenceWakeSignal wake,
    IOptions<PerformanceOptions> options,
    IOptions<EnrollmentOptions> enrollment,
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
        var interval = TimeSpan.FromMinutes(performance.CronIntervalMinutes);
        var dueCheck = TimeSpan.FromSeconds(enrollment.Value.DueCheckSeconds);
        if (dueCheck > interval)
        {
            dueCheck = interval;
        }

        // Task.Delay on the injected clock, not a PeriodicTimer (see AlertWorker): a fake clock's jump runs one tick.
        var nextTick = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextTick || await scheduler.HasDueTouchesAsync(stoppingToken))
                {
                    nextTick = time.GetUtcNow() + interval;
                    await RunBatchesAsync(performance.CronBatchSize, stoppingToken);
                }

                await wake.WaitAsync(dueCheck, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogTickFailed(logger, exception);
                await WaitAfterFailureAsync(dueCheck, stoppingToken);
            }
        }
    }

    private async Task RunBatchesAsync(int batchSize, CancellationToken stoppingToken)
    {
        BatchResult result;
        do
        {
            result = await scheduler.ProcessDueTouchesAsync(batchSize, cancellationToken: stoppingToken);
            if (result.Processed > 0)
            {
                LogBatch(logger, result.Processed, result.Dispatched, result.Skipped, result.Errors, result.DurationMs);
            }
        }
        while (result.Processed == batchSize && !stoppingToken.IsCancellationRequested);
    }

    private async Task WaitAfterFailureAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cadence batch: {Processed} processed, {Dispatched} dispatched, {Skipped} skipped, {Errors} errors in {DurationMs} ms")]
    private static partial void LogBatch(ILogger logger, int processed, int dispatched, int skipped, int errors, long durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cadence batch failed; the next tick will try again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
