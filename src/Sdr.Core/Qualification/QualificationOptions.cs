using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>
/// <c>sdr:qualification</c>: the gate's thresholds and everything the <see cref="LeadIntentDecoder"/>
/// reads (signals, their weights, the qualifying questions, the handoff tags). Lists and signals have
/// no defaults here: config/sdr_config.yaml ships them, so that a user can remove one.
/// </summary>
public sealed class QualificationOptions : IValidatableObject
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

    /// <summary>Words that cancel a signal when they stand at most <see cref="NegationWindow"/> words before it, in the same clause.</summary>
    [ConfigurationKeyName("negation_words")]
    public List<string> NegationWords { get; set; } = [];

    [ConfigurationKeyName("negation_window")]
    [Range(1, 10, ErrorMessage = "sdr:qualification:negation_window must be between {1} and {2}.")]
    public int NegationWindow { get; set; } = 3;

    /// <summary>A reply of nothing but these ("yes", "yep", "si") affirms the question we asked just before it.</summary>
    [ConfigurationKeyName("affirmative_words")]
    public List<string> AffirmativeWords { get; set; } = [];

    /// <summary>Signal name (snake_case, shown on the timeline) to its patterns and weight.</summary>
    [ConfigurationKeyName("signals")]
    public Dictionary<string, SignalOptions> Signals { get; set; } = new(StringComparer.Ordinal);

    [ConfigurationKeyName("timeline")]
    public TimelineOptions Timeline { get; set; } = new();

    [ConfigurationKeyName("budget")]
    public BudgetOptions Budget { get; set; } = new();

    [ConfigurationKeyName("engagement")]
    public EngagementOptions Engagement { get; set; } = new();

    [ConfigurationKeyName("lead_type")]
    public LeadTypeOptions LeadType { get; set; } = new();

    [ConfigurationKeyName("confidence")]
    public ConfidenceOptions Confidence { get; set; } = new();

    [ConfigurationKeyName("handoff")]
    public HandoffOptions Handoff { get; set; } = new();

    /// <summary>Lead type (buyer, seller, ambiguous) to the one question asked for each gap.</summary>
    [ConfigurationKeyName("questions")]
    public Dictionary<string, QuestionSetOptions> Questions { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        QualificationOptionsValidation.Failures(this).Select(message => new ValidationResult(message));
}
