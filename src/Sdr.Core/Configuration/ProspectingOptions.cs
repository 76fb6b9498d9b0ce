using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>sdr:prospecting</c>.</summary>
public sealed class ProspectingOptions
{
    public const string SectionName = "sdr:prospecting";

    [ConfigurationKeyName("sources")]
    public List<string> Sources { get; set; } = [];

    [ConfigurationKeyName("stale_lead_inactive_days")]
    [Range(1, 3650, ErrorMessage = "sdr:prospecting:stale_lead_inactive_days must be between {1} and {2}.")]
    public int StaleLeadInactiveDays { get; set; } = 14;

    [ConfigurationKeyName("max_prospects_per_cycle")]
    [Range(1, 100_000, ErrorMessage = "sdr:prospecting:max_prospects_per_cycle must be between {1} and {2}.")]
    public int MaxProspectsPerCycle { get; set; } = 200;

    [ConfigurationKeyName("ghl_pipeline_stage_ids")]
    public List<string> GhlPipelineStageIds { get; set; } = [];

    /// <summary>Pipeline stages that end a contact's active sequence (an OpportunityStageUpdate into one stops the cadence).</summary>
    [ConfigurationKeyName("stop_stage_ids")]
    public List<string> StopStageIds { get; set; } = [];

    /// <summary>A contact whose sequence ended less than this many days ago is not enrolled again by a cycle.</summary>
    [ConfigurationKeyName("cooldown_days")]
    [Range(0, 3650, ErrorMessage = "sdr:prospecting:cooldown_days must be between {1} and {2}.")]
    public int CooldownDays { get; set; } = 30;

    /// <summary>Enrolments per source in one cycle, unless the cycle names its own (max_per_source in the request).</summary>
    [ConfigurationKeyName("max_per_source")]
    [Range(1, 100_000, ErrorMessage = "sdr:prospecting:max_per_source must be between {1} and {2}.")]
    public int MaxPerSource { get; set; } = 100;

    /// <summary>Candidates handed to enrolment at once; the cycle's progress is saved after each chunk.</summary>
    [ConfigurationKeyName("enroll_chunk_size")]
    [Range(1, 500, ErrorMessage = "sdr:prospecting:enroll_chunk_size must be between {1} and {2}.")]
    public int EnrollChunkSize { get; set; } = 25;

    /// <summary>How long a worker's hold on a running cycle lasts without renewal; another worker resumes the cycle after it.</summary>
    [ConfigurationKeyName("lease_seconds")]
    [Range(10, 3600, ErrorMessage = "sdr:prospecting:lease_seconds must be between {1} and {2}.")]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often (real seconds) the prospecting worker looks for queued, abandoned and scheduled cycles.</summary>
    [ConfigurationKeyName("poll_seconds")]
    [Range(1, 3600, ErrorMessage = "sdr:prospecting:poll_seconds must be between {1} and {2}.")]
    public int PollSeconds { get; set; } = 5;

    [ConfigurationKeyName("schedule")]
    public List<ProspectingScheduleOptions> Schedule { get; set; } = [];

    /// <summary>Per location id: where it works. A location without one takes prospects from everywhere.</summary>
    [ConfigurationKeyName("service_areas")]
    public Dictionary<string, ServiceAreaOptions> ServiceAreas { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One entry of <c>sdr:prospecting:schedule</c>: cycles of a location (or of every location) every few hours.</summary>
public sealed class ProspectingScheduleOptions
{
    /// <summary>Names the entry in the cycles it starts; the entry's position when empty.</summary>
    [ConfigurationKeyName("name")]
    public string? Name { get; set; }

    /// <summary>Empty: every configured location.</summary>
    [ConfigurationKeyName("location_id")]
    public string? LocationId { get; set; }

    /// <summary>Empty: sdr:prospecting:sources.</summary>
    [ConfigurationKeyName("sources")]
    public List<string> Sources { get; set; } = [];

    [ConfigurationKeyName("every_hours")]
    public double EveryHours { get; set; } = 24;

    /// <summary>Empty: sdr:prospecting:max_per_source.</summary>
    [ConfigurationKeyName("max_per_source")]
    public int? MaxPerSource { get; set; }
}

/// <summary>A location's service area: a contact matches when any one list matches (state, postal-code prefix or city).</summary>
public sealed class ServiceAreaOptions
{
    /// <summary>Two-letter US states (TX, FL).</summary>
    [ConfigurationKeyName("states")]
    public List<string> States { get; set; } = [];

    /// <summary>Leading digits of ZIP codes (750, 7520).</summary>
    [ConfigurationKeyName("postal_code_prefixes")]
    public List<string> PostalCodePrefixes { get; set; } = [];

    /// <summary>City names, compared without case.</summary>
    [ConfigurationKeyName("cities")]
    public List<string> Cities { get; set; } = [];

    public bool IsEmpty => States.Count == 0 && PostalCodePrefixes.Count == 0 && Cities.Count == 0;
}
