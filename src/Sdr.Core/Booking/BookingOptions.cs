using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Booking;

/// <summary>
/// <c>sdr:booking</c>: how a HOT lead is offered call times and booked. The local hours are the
/// prospect's: an appointment starts at or after <see cref="EarliestLocal"/> and ends by <see cref="LatestLocal"/>.
/// </summary>
public sealed class BookingOptions : IValidatableObject
{
    public const string SectionName = "sdr:booking";

    [ConfigurationKeyName("offer_count")]
    [Range(2, 3, ErrorMessage = "sdr:booking:offer_count must be between {1} and {2}.")]
    public int OfferCount { get; set; } = 3;

    [ConfigurationKeyName("search_days")]
    [Range(1, 31, ErrorMessage = "sdr:booking:search_days must be between {1} and {2}.")]
    public int SearchDays { get; set; } = 7;

    [ConfigurationKeyName("minimum_notice_minutes")]
    [Range(0, 10080, ErrorMessage = "sdr:booking:minimum_notice_minutes must be between {1} and {2}.")]
    public int MinimumNoticeMinutes { get; set; } = 120;

    [ConfigurationKeyName("appointment_title")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:booking:appointment_title is required.")]
    [StringLength(100, ErrorMessage = "sdr:booking:appointment_title must be at most {1} characters.")]
    public string AppointmentTitle { get; set; } = "Call with {sender_name}";

    [ConfigurationKeyName("appointment_minutes")]
    [Range(5, 240, ErrorMessage = "sdr:booking:appointment_minutes must be between {1} and {2}.")]
    public int AppointmentMinutes { get; set; } = 30;

    [ConfigurationKeyName("max_offer_rounds")]
    [Range(1, 10, ErrorMessage = "sdr:booking:max_offer_rounds must be between {1} and {2}.")]
    public int MaxOfferRounds { get; set; } = 3;

    [ConfigurationKeyName("offer_expiry_hours")]
    [Range(1, 336, ErrorMessage = "sdr:booking:offer_expiry_hours must be between {1} and {2}.")]
    public int OfferExpiryHours { get; set; } = 48;

    [ConfigurationKeyName("earliest_local")]
    public string EarliestLocal { get; set; } = "09:00";

    [ConfigurationKeyName("latest_local")]
    public string LatestLocal { get; set; } = "18:00";

    /// <summary>The local hours as times of day; only meaningful once the options have validated.</summary>
    internal (TimeOnly Earliest, TimeOnly Latest) LocalHours() =>
        (ParseTime(EarliestLocal) ?? new TimeOnly(9, 0), ParseTime(LatestLocal) ?? new TimeOnly(18, 0));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var earliest = ParseTime(EarliestLocal);
        var latest = ParseTime(LatestLocal);
        if (earliest is null)
        {
            yield return new ValidationResult($"{SectionName}:earliest_local '{EarliestLocal}' is not a time of day (HH:mm, 24-hour, e.g. 09:00).");
        }

        if (latest is null)
        {
            yield return new ValidationResult($"{SectionName}:latest_local '{LatestLocal}' is not a time of day (HH:mm, 24-hour, e.g. 18:00).");
        }

        if (earliest is { } start && latest is { } end && (end <= start || (end - start).TotalMinutes < AppointmentMinutes))
        {
            yield return new ValidationResult(
                $"{SectionName}: earliest_local {EarliestLocal} to latest_local {LatestLocal} must leave room for one appointment of appointment_minutes {AppointmentMinutes}.");
        }
    }

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
