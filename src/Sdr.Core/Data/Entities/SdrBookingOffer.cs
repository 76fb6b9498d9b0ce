namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_booking_offers</c>: times offered to a HOT lead, and what became of them. At most one offer of a
/// sequence is open; the prospect's next reply is read against it.
/// </summary>
public sealed class SdrBookingOffer
{
    public long Id { get; set; }
    public long SequenceId { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public required string CalendarId { get; set; }

    /// <summary>The offered slots in UTC, ISO 8601, space-separated, in the order offered.</summary>
    public required string Slots { get; set; }

    /// <summary>1 for the first offer; each "none of those work" or slot taken makes a new round.</summary>
    public int Round { get; set; }

    /// <summary>One of <see cref="BookingOfferStatus"/>.</summary>
    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? BookedSlot { get; set; }
    public string? AppointmentId { get; set; }

    public IReadOnlyList<DateTimeOffset> OfferedSlots() => ParseSlots(Slots);

    public static IReadOnlyList<DateTimeOffset> ParseSlots(string slots) =>
        [.. slots.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal))];

    public static string FormatSlots(IEnumerable<DateTimeOffset> slots) =>
        string.Join(' ', slots.Select(s => s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));
}

public static class BookingOfferStatus
{
    public const string Open = "open";
    public const string Booked = "booked";
    public const string Declined = "declined";
    public const string Superseded = "superseded";
    public const string Expired = "expired";
}
