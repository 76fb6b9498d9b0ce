using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Experiments;
using Sdr.Core.Outbox;

namespace Sdr.Core.Sequences;

public static class ServiceCollectionExtensions
{
    /// <summary>The cadence: its steps (sdr:sequence), the engine, the scheduler, enrolment (its jobs and the pacing of first touches), and the A/B tests that vary them.</summary>
    public static IHostApplicationBuilder AddSequences(this IHostApplicationBuilder builder)
    {
        builder.AddExperiments();
        var services = builder.Services;
        services.AddSdrOptions<SequenceOptions>(SequenceOptions.SectionName);
        services.AddSdrOptions<EnrollmentOptions>(EnrollmentOptions.SectionName);
        services.AddSingleton<IValidateOptions<SequenceOptions>, SequenceOptionsValidator>();
        services.AddSingleton(provider => new TouchReservationSettings(
            TimeSpan.FromMinutes(provider.GetRequiredService<IOptions<SequenceOptions>>().Value.ReservationTimeoutMinutes)));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SendTimeChooser>();
        services.AddSingleton<ReplyRateModels>();
        services.AddSingleton<CadenceWindows>();
        services.AddSingleton<CadenceScheduler>();
        services.AddSingleton<SequenceEnrollment>();
        services.AddSingleton<FirstTouchPacer>();
        services.AddSingleton<CadenceWakeSignal>();
        services.AddSingleton<EnrollmentJobSignal>();
        services.AddSingleton<EnrollmentJobs>();
        services.AddSingleton<Eligibility.ProspectEligibility>();
        services.AddSingleton<IOutboxActionHandler, StageEnrollmentAction>();
        services.AddScoped<OutreachSequenceEngine>();
        services.AddScoped<TouchReconciler>();
        services.AddScoped<SequenceQueries>();
        services.AddScoped<SequenceCommands>();
        return builder;
    }
}
