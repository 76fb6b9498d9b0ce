using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary><c>sdr:sequence</c> in config/sdr_config.yaml.</summary>
public sealed class SequenceOptions
{
    public const string SectionName = "sdr:sequence";

    [ConfigurationKeyName("default_variant")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:sequence:default_variant is required.")]
    public string DefaultVariant { get; set; } = "consultative";

    /// <summary>Step name (sms_1 ...) to its channel and window in hours from enrolment.</summary>
    [ConfigurationKeyName("steps")]
    public Dictionary<string, StepWindowOptions> Steps { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [ConfigurationKeyName("max_dispatch_attempts")]
    [Range(1, 50, ErrorMessage = "sdr:sequence:max_dispatch_attempts must be between {1} and {2}.")]
    public int MaxDispatchAttempts { get; set; } = 5;

    [ConfigurationKeyName("retry_base_delay_minutes")]
    [Range(0.01, 1440, ErrorMessage = "sdr:sequence:retry_base_delay_minutes must be between {1} and {2}.")]
    public double RetryBaseDelayMinutes { get; set; } = 5;

    [ConfigurationKeyName("reservation_timeout_minutes")]
    [Range(0.05, 1440, ErrorMessage = "sdr:sequence:reservation_timeout_minutes must be between {1} and {2}.")]
    public double ReservationTimeoutMinutes { get; set; } = 10;

    [ConfigurationKeyName("reconcile_batch_size")]
    [Range(1, 10000, ErrorMessage = "sdr:sequence:reconcile_batch_size must be between {1} and {2}.")]
    public int ReconcileBatchSize { get; set; } = 50;

    [ConfigurationKeyName("reconcile_max_attempts")]
    [Range(1, 50, ErrorMessage = "sdr:sequence:reconcile_max_attempts must be between {1} and {2}.")]
    public int ReconcileMaxAttempts { get; set; } = 5;

    [ConfigurationKeyName("send_time")]
    public SendTimeOptions SendTime { get; set; } = new();

    public StepWindowOptions WindowFor(SequenceStep step) =>
        Steps.TryGetValue(step.ToName(), out var window)
            ? window
            : throw new InvalidOperationException($"sdr:sequence:steps:{step.ToName()} is not configured.");
}

public sealed class StepWindowOptions
{
    [ConfigurationKeyName("channel")]
    public string? Channel { get; set; }

    [ConfigurationKeyName("min_hours")]
    public double MinHours { get; set; }

    [ConfigurationKeyName("max_hours")]
    public double MaxHours { get; set; }

    [ConfigurationKeyName("pause_days")]
    public double PauseDays { get; set; }

    public Channel ParsedChannel => ChannelNames.ParseChannel(Channel);
}
