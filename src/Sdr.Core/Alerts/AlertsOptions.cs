using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Alerts;

/// <summary>
/// <c>sdr:alerts</c>: when a watched condition raises an alert, how long it must stay clear before it recovers, and where
/// the notices go. The webhook URL may also come from the environment (<see cref="WebhookUrlVariable"/>), which wins.
/// </summary>
public sealed class AlertsOptions : IValidatableObject
{
    public const string SectionName = "sdr:alerts";

    /// <summary>The environment variable that sets <see cref="WebhookUrl"/> (a Slack webhook URL is a secret).</summary>
    public const string WebhookUrlVariable = "SDR_ALERT_WEBHOOK_URL";

    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("evaluation_interval_seconds")]
    [Range(5, 3600, ErrorMessage = "sdr:alerts:evaluation_interval_seconds must be between {1} and {2}.")]
    public int EvaluationIntervalSeconds { get; set; } = 60;

    [ConfigurationKeyName("cool_down_minutes")]
    [Range(0, 1440, ErrorMessage = "sdr:alerts:cool_down_minutes must be between {1} and {2}.")]
    public double CoolDownMinutes { get; set; } = 5;

    [ConfigurationKeyName("webhook_url")]
    public string WebhookUrl { get; set; } = "";

    [ConfigurationKeyName("delivery_max_attempts")]
    [Range(1, 50, ErrorMessage = "sdr:alerts:delivery_max_attempts must be between {1} and {2}.")]
    public int DeliveryMaxAttempts { get; set; } = 6;

    [ConfigurationKeyName("delivery_retry_seconds")]
    [Range(1, 3600, ErrorMessage = "sdr:alerts:delivery_retry_seconds must be between {1} and {2}.")]
    public int DeliveryRetrySeconds { get; set; } = 30;

    [ConfigurationKeyName("dispatch_failure_rate")]
    [Range(0.01, 1.0, ErrorMessage = "sdr:alerts:dispatch_failure_rate must be between {1} and {2}.")]
    public double DispatchFailureRate { get; set; } = 0.2;

    [ConfigurationKeyName("dispatch_failure_min_attempts")]
    [Range(1, 100_000, ErrorMessage = "sdr:alerts:dispatch_failure_min_attempts must be between {1} and {2}.")]
    public int DispatchFailureMinAttempts { get; set; } = 10;

    [ConfigurationKeyName("dispatch_failure_window_minutes")]
    [Range(1, 1440, ErrorMessage = "sdr:alerts:dispatch_failure_window_minutes must be between {1} and {2}.")]
    public int DispatchFailureWindowMinutes { get; set; } = 60;

    [ConfigurationKeyName("webhook_backlog_max_events")]
    [Range(1, 10_000_000, ErrorMessage = "sdr:alerts:webhook_backlog_max_events must be between {1} and {2}.")]
    public int WebhookBacklogMaxEvents { get; set; } = 1000;

    [ConfigurationKeyName("webhook_backlog_max_age_minutes")]
    [Range(1, 1440, ErrorMessage = "sdr:alerts:webhook_backlog_max_age_minutes must be between {1} and {2}.")]
    public double WebhookBacklogMaxAgeMinutes { get; set; } = 10;

    [ConfigurationKeyName("ghl_queue_max_age_minutes")]
    [Range(1, 10_080, ErrorMessage = "sdr:alerts:ghl_queue_max_age_minutes must be between {1} and {2}.")]
    public double GhlQueueMaxAgeMinutes { get; set; } = 30;

    [ConfigurationKeyName("llm_failure_rate")]
    [Range(0.01, 1.0, ErrorMessage = "sdr:alerts:llm_failure_rate must be between {1} and {2}.")]
    public double LlmFailureRate { get; set; } = 0.5;

    [ConfigurationKeyName("llm_failure_min_calls")]
    [Range(1, 100_000, ErrorMessage = "sdr:alerts:llm_failure_min_calls must be between {1} and {2}.")]
    public int LlmFailureMinCalls { get; set; } = 5;

    [ConfigurationKeyName("llm_failure_window_minutes")]
    [Range(1, 1440, ErrorMessage = "sdr:alerts:llm_failure_window_minutes must be between {1} and {2}.")]
    public int LlmFailureWindowMinutes { get; set; } = 15;

    public TimeSpan EvaluationInterval => TimeSpan.FromSeconds(EvaluationIntervalSeconds);
    public TimeSpan CoolDown => TimeSpan.FromMinutes(CoolDownMinutes);
    public TimeSpan DispatchFailureWindow => TimeSpan.FromMinutes(DispatchFailureWindowMinutes);
    public TimeSpan WebhookBacklogMaxAge => TimeSpan.FromMinutes(WebhookBacklogMaxAgeMinutes);
    public TimeSpan GhlQueueMaxAge => TimeSpan.FromMinutes(GhlQueueMaxAgeMinutes);
    public TimeSpan LlmFailureWindow => TimeSpan.FromMinutes(LlmFailureWindowMinutes);

    /// <summary>The webhook to post notices to; null when none is configured (notices go to the log only).</summary>
    public Uri? Webhook => string.IsNullOrWhiteSpace(WebhookUrl) ? null : new Uri(WebhookUrl.Trim(), UriKind.Absolute);

    /// <summary>The wait before the post after <paramref name="failures"/> failed ones: doubling from the retry delay, at most an hour.</summary>
    public TimeSpan DeliveryBackoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(3600, DeliveryRetrySeconds * Math.Pow(2, Math.Max(0, failures - 1))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl)
            && (!Uri.TryCreate(WebhookUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            // The URL itself is not repeated: a Slack webhook URL carries its secret.
            yield return new ValidationResult($"sdr:alerts:webhook_url (or {WebhookUrlVariable}) must be an absolute http(s) URL.", [nameof(WebhookUrl)]);
        }
    }
}
