using Microsoft.Extensions.Options;
using Sdr.Core.Experiments;

namespace Sdr.Server.Workers;

/// <summary>
/// Brings the A/B tests of sdr:experiments:tests into the database once the migrations have run, then applies the
/// opt-out guardrail to every running test every <c>guardrail_interval_minutes</c>; a failed tick is logged, never fatal.
/// </summary>
internal sealed partial class ExperimentWorker(
    IServiceScopeFactory scopes,
    IOptions<ExperimentOptions> options,
    TimeProvider time,
    ILogger<ExperimentWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ExperimentConfigSync>().SyncAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogSyncFailed(logger, exception);
        }

        // Task.Delay, not a PeriodicTimer: after a clock jump a timer would run every skipped period (see AlertWorker).
        var interval = TimeSpan.FromMinutes(options.Value.GuardrailIntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, time, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var stopped = await scope.ServiceProvider.GetRequiredService<ExperimentGuardrail>().EnforceGuardrailsAsync(stoppingToken);
                if (stopped > 0)
                {
                    LogStopped(logger, stopped);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The A/B tests of sdr:experiments could not be brought into the database; the next start will try again")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The opt-out guardrail stopped {Count} A/B test variant(s)")]
    private static partial void LogStopped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The A/B test guardrail failed; the next tick will try again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
