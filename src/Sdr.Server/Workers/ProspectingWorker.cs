using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Sourcing;

namespace Sdr.Server.Workers;

/// <summary>
/// Runs prospecting cycles in the background on every instance: the queued ones (an API-started cycle runs even when
/// its client went away), the abandoned ones whose lease ran out (resumed from their candidates), and those
/// <c>sdr:prospecting:schedule</c> makes due. Looks again when a cycle is queued here, and every
/// <c>poll_seconds</c>; a failed pass is logged, never fatal. Off with <c>Sdr:ProspectingWorker:Enabled=false</c>.
/// </summary>
internal sealed partial class ProspectingWorker(
    ProspectingCycleRunner runner,
    ProspectingSchedule schedule,
    ProspectingSignal signal,
    IOptions<ProspectingOptions> options,
    IConfiguration configuration,
    ILogger<ProspectingWorker> logger) : BackgroundService
{
    public const string EnabledKey = "Sdr:ProspectingWorker:Enabled";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return;
        }

        await Task.Yield();
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schedule.StartDueAsync(stoppingToken);
                while (await runner.RunNextAsync(cancellationToken: stoppingToken))
                {
                    // One cycle after another until none is left to take.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }

            try
            {
                // Real time on purpose: the schedule compares the injected clock on each pass, so a clock that jumps
                // (a test's fake one) starts one due cycle, never one per missed period.
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Prospecting pass failed; the next pass will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
