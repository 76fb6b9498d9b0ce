using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>sdr:qualification</c>.</summary>
public sealed class QualificationOptions
{
    public const string SectionName = "sdr:qualification";

    [ConfigurationKeyName("frs_threshold")]
    [Range(0.0, 100.0, ErrorMessage = "sdr:qualification:frs_threshold must be between {1} and {2}.")]
    public double FrsThreshold { get; set; } = 60.0;

    [ConfigurationKeyName("intent_confidence_threshold")]
    [Range(0.0, 1.0, ErrorMessage = "sdr:qualification:intent_confidence_threshold must be between {1} and {2}.")]
    public double IntentConfidenceThreshold { get; set; } = 0.70;

    [ConfigurationKeyName("hot_lead_frs_threshold")]
    [Range(0.0, 100.0, ErrorMessage = "sdr:qualification:hot_lead_frs_threshold must be between {1} and {2}.")]
    public double HotLeadFrsThreshold { get; set; } = 80.0;
}
