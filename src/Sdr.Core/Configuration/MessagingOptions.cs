using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>sdr:messaging</c>: who the texts say they come from, and where their templates are.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "sdr:messaging";

    [ConfigurationKeyName("sender_name")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:messaging:sender_name is required.")]
    [StringLength(30, ErrorMessage = "sdr:messaging:sender_name must be at most {1} characters.")]
    public string SenderName { get; set; } = "Alex";

    [ConfigurationKeyName("company_name")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:messaging:company_name is required.")]
    [StringLength(40, ErrorMessage = "sdr:messaging:company_name must be at most {1} characters.")]
    public string CompanyName { get; set; } = "Harbor Realty";

    [ConfigurationKeyName("opt_out_notice")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:messaging:opt_out_notice is required.")]
    public string OptOutNotice { get; set; } = "Reply STOP to opt out";

    /// <summary>
    /// The folder of the message templates (config/templates/README.md); a relative path is looked up in the current
    /// directory, then beside the executable (as config/sdr_config.yaml is).
    /// </summary>
    [ConfigurationKeyName("templates_dir")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:messaging:templates_dir is required.")]
    public string TemplatesDir { get; set; } = "config/templates";

    /// <summary>The variant whose templates a step falls back to when the sequence's variant has none for it; it needs every step.</summary>
    [ConfigurationKeyName("fallback_variant")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:messaging:fallback_variant is required.")]
    public string FallbackVariant { get; set; } = "consultative";

    /// <summary>With ANTHROPIC_API_KEY set, the language model rewrites each filled template for its prospect inside the content rules.</summary>
    [ConfigurationKeyName("rewrite_with_llm")]
    public bool RewriteWithLlm { get; set; } = true;

    /// <summary>The templates folder as an absolute path: <see cref="TemplatesDir"/> when rooted, else the first of the current and the executable's directory that has it.</summary>
    public string ResolveTemplatesDir()
    {
        if (Path.IsPathRooted(TemplatesDir))
        {
            return TemplatesDir;
        }

        var candidates = new[] { Path.Combine(Directory.GetCurrentDirectory(), TemplatesDir), Path.Combine(AppContext.BaseDirectory, TemplatesDir) };
        return Path.GetFullPath(candidates.FirstOrDefault(Directory.Exists) ?? candidates[0]);
    }
}
