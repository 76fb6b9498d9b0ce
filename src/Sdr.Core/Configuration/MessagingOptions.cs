using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>sdr:messaging</c>: who the texts say they come from.</summary>
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
}
