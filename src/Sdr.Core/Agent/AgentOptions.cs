using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Agent;

/// <summary>
/// <c>sdr:agent</c>: how the agent answers replies. Answer templates are per reply category and variant
/// (<c>default</c> when the sequence's variant has none); placeholders {first_name}, {sender_name}, {company}.
/// </summary>
public sealed class AgentOptions : IValidatableObject
{
    public const string SectionName = "sdr:agent";

    /// <summary>The categories an answer template may exist for (the others opt out, pause or are answered elsewhere).</summary>
    public static readonly IReadOnlyList<string> AnsweredCategories = ["already_agent", "timing", "price", "info_request", "engagement"];

    /// <summary>At most this many automatic answers (answers, questions, offers) per contact in 24 hours.</summary>
    [ConfigurationKeyName("max_auto_replies_per_day")]
    [Range(0, 20, ErrorMessage = "sdr:agent:max_auto_replies_per_day must be between {1} and {2}.")]
    public int MaxAutoRepliesPerDay { get; set; } = 3;

    /// <summary>A conversation that goes quiet this long hands the contact back to the cadence.</summary>
    [ConfigurationKeyName("resume_after_silence_hours")]
    [Range(1, 24 * 60, ErrorMessage = "sdr:agent:resume_after_silence_hours must be between {1} and {2}.")]
    public int ResumeAfterSilenceHours { get; set; } = 48;

    /// <summary>An answered objection with no move from the prospect for this long is recorded as <c>silent</c>.</summary>
    [ConfigurationKeyName("objection_silent_after_days")]
    [Range(1, 90, ErrorMessage = "sdr:agent:objection_silent_after_days must be between {1} and {2}.")]
    public int ObjectionSilentAfterDays { get; set; } = 7;

    /// <summary>Pattern verdicts below this confidence are checked by the LLM when one is configured.</summary>
    [ConfigurationKeyName("llm_classification_below_confidence")]
    [Range(0.0, 1.0, ErrorMessage = "sdr:agent:llm_classification_below_confidence must be between {1} and {2}.")]
    public double LlmClassificationBelowConfidence { get; set; } = 0.6;

    /// <summary>The one polite closing text to a contact who said they are not interested (they are opted out like STOP).</summary>
    [ConfigurationKeyName("not_interested_closing_text")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:agent:not_interested_closing_text is required.")]
    [StringLength(160, ErrorMessage = "sdr:agent:not_interested_closing_text must be at most {1} characters (one SMS).")]
    public string NotInterestedClosingText { get; set; } = "Understood, I won't reach out again. Thanks for letting me know. - {sender_name}, {company}";

    /// <summary>Answer templates: category, then variant (or <c>default</c>), then the text (one SMS).</summary>
    [ConfigurationKeyName("answers")]
    public Dictionary<string, Dictionary<string, string>> Answers { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["already_agent"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["default"] = "Glad you're in good hands, {first_name}! If you ever want a second opinion on pricing, I'm happy to help. - {sender_name}",
            ["direct"] = "Great that you have an agent. If it doesn't work out, my buyers are still interested. - {sender_name}",
        },
        ["timing"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["default"] = "Totally understand, {first_name}. I'll check back in a few months; reply anytime if plans change. - {sender_name}",
        },
        ["price"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["default"] = "I hear you, prices are a lot right now. Want a quick look at what homes near you actually sold for? - {sender_name}",
        },
        ["info_request"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["default"] = "Hi {first_name}, {sender_name} with {company} here. We help local owners buy and sell. Are you thinking about a move?",
        },
        ["engagement"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["default"] = "Thanks for getting back to me, {first_name}! What would be most helpful for you right now? - {sender_name}",
        },
    };

    /// <summary>The answer for <paramref name="category"/> in <paramref name="variant"/>, its <c>default</c>, or null.</summary>
    public (string Key, string Template)? AnswerFor(string category, string variant) =>
        Answers.TryGetValue(category, out var byVariant)
            ? byVariant.TryGetValue(variant, out var text) ? ($"{category}.{variant}", text)
                : byVariant.TryGetValue("default", out var fallback) ? ($"{category}.default", fallback)
                : null
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (category, byVariant) in Answers)
        {
            if (!AnsweredCategories.Contains(category))
            {
                yield return new($"sdr:agent:answers:{category} is not a category with answers (known: {string.Join(", ", AnsweredCategories)}).");
                continue;
            }

            foreach (var (variant, text) in byVariant)
            {
                if (string.IsNullOrWhiteSpace(text) || text.Length > 160)
                {
                    yield return new($"sdr:agent:answers:{category}:{variant} must be one SMS (1-160 characters).");
                }
            }
        }
    }
}
