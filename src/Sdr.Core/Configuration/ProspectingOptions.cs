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
}
