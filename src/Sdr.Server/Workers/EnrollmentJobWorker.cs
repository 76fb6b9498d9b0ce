using Microsoft.Extensions.Options;
using Sdr.Core.Sequences;

namespace Sdr.Server.Workers;

/// <summary>
/// Works the stored enrolment jobs (every instance; leases keep two from working one job): at once when this instance
/// stores a job, else every <c>sdr:enrollment:job_poll_seconds</c>, which also picks up jobs whose worker died. A
/// failed pass is logged, never fatal. Off with <c>Sdr:EnrollmentWorker:Enabled=false</c> (tests drain jobs themselves).
/// </summary>
internal sealed partial class EnrollmentJobWorker(
    EnrollmentJobs jobs,
    EnrollmentJobSignal signal,
    IOptions<EnrollmentOptions> options,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<EnrollmentJobWorker> logger) : BackgroundService
{
    public const string EnabledKey = "Sdr:EnrollmentWorker:Enabled";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(options.Value.JobPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await jobs.RunPendingAsync(stoppingToken);
                await signal.WaitAsync(poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception);
                try
                {
                    await Task.Delay(poll, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Enrolment job pass failed; the next pass will resume the jobs")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
