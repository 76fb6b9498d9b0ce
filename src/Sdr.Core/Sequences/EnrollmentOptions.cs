using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Sequences;

/// <summary><c>sdr:enrollment</c> in config/sdr_config.yaml: how enrolments run and how their first touches are paced.</summary>
public sealed class EnrollmentOptions
{
    public const string SectionName = "sdr:enrollment";

    /// <summary>Requests with at most this many ids are answered with their results; larger ones become a job (202).</summary>
    [ConfigurationKeyName("sync_max_contacts")]
    [Range(1, 500, ErrorMessage = "sdr:enrollment:sync_max_contacts must be between {1} and {2}.")]
    public int SyncMaxContacts { get; set; } = 25;

    /// <summary>The share of a location's GHL budget (requests per window and per day) first touches may plan on; the rest is left to replies and other work.</summary>
    [ConfigurationKeyName("first_touch_ghl_share")]
    [Range(0.01, 1.0, ErrorMessage = "sdr:enrollment:first_touch_ghl_share must be between {1} and {2}.")]
    public double FirstTouchGhlShare { get; set; } = 0.5;

    /// <summary>GHL requests one first touch costs (the SMS itself, the contact read and the tag write).</summary>
    [ConfigurationKeyName("ghl_calls_per_first_touch")]
    [Range(1, 20, ErrorMessage = "sdr:enrollment:ghl_calls_per_first_touch must be between {1} and {2}.")]
    public int GhlCallsPerFirstTouch { get; set; } = 3;

    /// <summary>Length of one planning slot; each slot of a location holds as many first touches as its share of the budget allows.</summary>
    [ConfigurationKeyName("first_touch_slot_seconds")]
    [Range(1, 3600, ErrorMessage = "sdr:enrollment:first_touch_slot_seconds must be between {1} and {2}.")]
    public int FirstTouchSlotSeconds { get; set; } = 60;

    /// <summary>How long a worker holds an enrolment job without renewing before another instance may take it over.</summary>
    [ConfigurationKeyName("job_lease_seconds")]
    [Range(5, 3600, ErrorMessage = "sdr:enrollment:job_lease_seconds must be between {1} and {2}.")]
    public int JobLeaseSeconds { get; set; } = 60;

    /// <summary>How often the job worker looks for jobs left by other instances (a new job on this instance starts at once).</summary>
    [ConfigurationKeyName("job_poll_seconds")]
    [Range(1, 3600, ErrorMessage = "sdr:enrollment:job_poll_seconds must be between {1} and {2}.")]
    public int JobPollSeconds { get; set; } = 10;

    /// <summary>How often the cadence worker checks for touches that came due between its batches (planned first touches).</summary>
    [ConfigurationKeyName("due_check_seconds")]
    [Range(1, 3600, ErrorMessage = "sdr:enrollment:due_check_seconds must be between {1} and {2}.")]
    public int DueCheckSeconds { get; set; } = 5;

    public TimeSpan Slot => TimeSpan.FromSeconds(FirstTouchSlotSeconds);

    public TimeSpan JobLease => TimeSpan.FromSeconds(JobLeaseSeconds);
}
