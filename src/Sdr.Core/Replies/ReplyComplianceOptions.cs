using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Replies;

/// <summary><c>sdr:compliance:replies</c>: the texts sent in answer to STOP and HELP. Placeholders: {sender_name}, {company}.</summary>
public sealed class ReplyComplianceOptions
{
    public const string SectionName = "sdr:compliance:replies";

    /// <summary>One confirmation after an opt-out by text (carriers expect it; never more than one).</summary>
    [ConfigurationKeyName("send_opt_out_confirmation")]
    public bool SendOptOutConfirmation { get; set; } = true;

    [ConfigurationKeyName("opt_out_confirmation_text")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:compliance:replies:opt_out_confirmation_text is required.")]
    [StringLength(160, ErrorMessage = "sdr:compliance:replies:opt_out_confirmation_text must be at most {1} characters (one SMS).")]
    public string OptOutConfirmationText { get; set; } = "{company}: you're unsubscribed and will get no more texts from {sender_name}. Reply START to resubscribe.";

    [ConfigurationKeyName("help_text")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:compliance:replies:help_text is required.")]
    [StringLength(160, ErrorMessage = "sdr:compliance:replies:help_text must be at most {1} characters (one SMS).")]
    public string HelpText { get; set; } = "{sender_name} at {company} here. Reply with your question and I'll get back to you. Reply STOP to opt out.";

    /// <summary>The tag added in GHL to an opted-out contact (added, never a replacement of the tag list).</summary>
    [ConfigurationKeyName("opt_out_tag")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:compliance:replies:opt_out_tag is required.")]
    public string OptOutTag { get; set; } = "SDR-Opted-Out";
}
