using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Alerts;

namespace Sdr.Tests.Unit.Alerts;

/// <summary>sdr:alerts as shipped in config/sdr_config.yaml, the webhook URL from the environment, and the settings that must stop the start.</summary>
public sealed class AlertsOptionsTests
{
    [Fact]
    public void ShippedConfiguration_HasTheDefaults()
    {
        using var host = Build();

        var options = host.Services.GetRequiredService<IOptions<AlertsOptions>>().Value;

        options.Enabled.ShouldBeTrue();
        options.EvaluationInterval.ShouldBe(TimeSpan.FromSeconds(60));
        options.CoolDown.ShouldBe(TimeSpan.FromMinutes(5));
        options.Webhook.ShouldBeNull();
        options.DispatchFailureRate.ShouldBe(0.2);
        options.WebhookBacklogMaxEvents.ShouldBe(1000);
        options.GhlQueueMaxAge.ShouldBe(TimeSpan.FromMinutes(30));
        options.LlmFailureWindow.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void WebhookUrl_FromTheEnvironment_WinsOverTheFile()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["sdr:alerts:webhook_url"] = "https://hooks.example.com/from-file",
            [AlertsOptions.WebhookUrlVariable] = "https://hooks.slack.com/services/T0/B0/from-env",
        });

        host.Services.GetRequiredService<IOptions<AlertsOptions>>().Value.Webhook.ShouldBe(new Uri("https://hooks.slack.com/services/T0/B0/from-env"));
    }

    [Fact]
    public void DeliveryBackoff_DoublesFromTheRetryDelay_UpToAnHour()
    {
        var options = new AlertsOptions { DeliveryRetrySeconds = 30 };

        options.DeliveryBackoff(1).ShouldBe(TimeSpan.FromSeconds(30));
        options.DeliveryBackoff(2).ShouldBe(TimeSpan.FromSeconds(60));
        options.DeliveryBackoff(3).ShouldBe(TimeSpan.FromSeconds(120));
        options.DeliveryBackoff(20).ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("sdr:alerts:evaluation_interval_seconds", "1")]
    [InlineData("sdr:alerts:dispatch_failure_rate", "1.5")]
    [InlineData("sdr:alerts:webhook_backlog_max_events", "0")]
    [InlineData("sdr:alerts:delivery_max_attempts", "0")]
    [InlineData("sdr:alerts:webhook_url", "hooks.slack.com/services/T0/B0/x")]
    [InlineData("sdr:alerts:webhook_url", "ftp://hooks.example.com/x")]
    [InlineData("sdr:alerts:webhook_urls", "https://hooks.example.com/x")]
    public void BadSetting_IsRefused_NamingTheKey(string key, string value)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var exception = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AlertsOptions>>().Value);

        var message = string.Join(" ", exception.Failures);
        message.ShouldContain(key);
        if (key == "sdr:alerts:webhook_url")
        {
            message.ShouldNotContain(value, Case.Insensitive);
        }
    }

    private static IHost Build(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddAlerts();
        return builder.Build();
    }
}
