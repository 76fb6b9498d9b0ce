using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// <c>sdr:compliance:hours</c>: the federal window (TCPA, 47 CFR 64.1200(c)(1)) and the stricter
/// state windows, all in the recipient's local time. A touch goes out only inside every window that
/// applies; the end time is exclusive (21:00 means the last allowed minute is 20:59).
/// </summary>
public sealed class HoursOptions : IValidatableObject
{
    public const string SectionName = "sdr:compliance:hours";

    [ConfigurationKeyName("start")]
    public string Start { get; set; } = "08:00";

    [ConfigurationKeyName("end")]
    public string End { get; set; } = "21:00";

    /// <summary>US state code (FL, TX ...) to the state's own window, day windows and banned days.</summary>
    [ConfigurationKeyName("states")]
    public Dictionary<string, StateHoursOptions> States { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        HoursOptionsValidation.Failures(this).Select(message => new ValidationResult(message));
}
