using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Messaging;
using Sdr.Core.Qualification;
using Sdr.Core.Replies;
using Sdr.Core.Sequences;
using Sdr.Core.Webhooks;

namespace Sdr.Tests.Integration.Configuration;

/// <summary>The shipped config/sdr_config.yaml with one setting overridden, as an environment variable would.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("sdr:rate_limits:daily_sms_cap", "-5", "sdr:rate_limits:daily_sms_cap")]
    [InlineData("sdr:rate_limits:daily_sms_cap", "lots", "sdr:rate_limits:daily_sms_cap")]
    [InlineData("sdr:performance:cron_interval_minutes", "0", "sdr:performance:cron_interval_minutes")]
    [InlineData("sdr:sequence:steps:email_1:channel", "fax", "sdr:sequence:steps:email_1:channel")]
    [InlineData("sdr:sequence:steps:sms_2:min_hours", "10", "sdr:sequence:steps:sms_2:min_hours")]
    [InlineData("sdr:sequence:send_time:min_gain", "-0.5", "sdr:sequence:send_time:min_gain")]
    [InlineData("sdr:sequence:send_time:confidence", "1.5", "sdr:sequence:send_time:confidence")]
    [InlineData("sdr:sequence:send_time:grid_minutes", "0", "sdr:sequence:send_time:grid_minutes")]
    [InlineData("sdr:sequence:send_time:prior_strenght", "20", "sdr:sequence:send_time:prior_strenght")]
    [InlineData("sdr:rate_limits:daily_sms_capp", "100", "sdr:rate_limits:daily_sms_capp")]
    [InlineData("sdr:qualification:frs_threshold", "140", "sdr:qualification:frs_threshold")]
    [InlineData("sdr:qualification:signals:pre_approved:weight", "500", "sdr:qualification:signals:pre_approved:weight")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Database:CheckpointIntervalMilliseconds", "0", "Database:CheckpointIntervalMilliseconds")]
    [InlineData("Webhooks:ProcessingDelayMilliseconds", "-1", "Webhooks:ProcessingDelayMilliseconds")]
    [InlineData("Webhooks:GroupCommitMilliseconds", "500", "Webhooks:GroupCommitMilliseconds")]
    [InlineData("sdr:compliance:hours:states:FL:end", "8pm", "sdr:compliance:hours:states:FL:end")]
    [InlineData("sdr:performance:circuit_breaker_retry_delay_minutes", "0", "sdr:performance:circuit_breaker_retry_delay_minutes")]
    [InlineData("sdr:performance:circuit_breaker_retry_delay_minutes", "-1", "sdr:performance:circuit_breaker_retry_delay_minutes")]
    [InlineData("sdr:performance:circuit_breaker_retry_delay_minutes", "soon", "sdr:performance:circuit_breaker_retry_delay_minutes")]
    public async Task BadSetting_StopsStartUp_NamingTheKey(string key, string value, string named)
    {
        using var host = Build(key, value);

        var exception = await Should.ThrowAsync<Exception>(() => host.StartAsync());

        Flatten(exception).ShouldContain(named, Case.Insensitive);
    }

    [Fact]
    public async Task ShippedConfiguration_IsValid_AndOverridesApply()
    {
        using var host = Build("sdr:performance:cron_batch_size", "7");

        await host.StartAsync();

        host.Services.GetRequiredService<IOptions<PerformanceOptions>>().Value.CronBatchSize.ShouldBe(7);
        host.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.DailySmsCap.ShouldBe(500);
        host.Services.GetRequiredService<IOptions<SequenceOptions>>().Value.Steps["voicemail_2"].MaxHours.ShouldBe(340);
        await host.StopAsync();
    }

    [Fact]
    public async Task RetryDelay_InDecimalMinutes_Starts_AndSetsTheGhlBreaker()
    {
        using var host = Build("sdr:performance:circuit_breaker_retry_delay_minutes", "0.25");

        await host.StartAsync();

        host.Services.GetRequiredService<IOptions<PerformanceOptions>>().Value.CircuitBreakerRetryDelayMinutes.ShouldBe(0.25m);
        host.Services.GetRequiredService<IOptions<GhlOptions>>().Value.CircuitBreakerBreakDuration.ShouldBe(TimeSpan.FromSeconds(15));
        await host.StopAsync();
    }

    private static IHost Build(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["Sdr:DataDirectory"] = Path.Combine(Path.GetTempPath(), "sdr-config-test"),
        });
        builder.AddSdrSettings();
        builder.AddPersistence();
        builder.AddGoHighLevel();
        builder.AddMessaging();
        builder.AddReplies();
        builder.AddQualification();
        builder.AddCompliance();
        builder.AddSequences();
        builder.AddWebhooks();
        return builder.Build();
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
