using Sdr.Core.Phones;
namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_suppressions</c>: the suppression ledger. A row blocks every later touch of the contact
/// (or of the phone number) on its channel, in every location of this install unless a location is named.
/// </summary>
public sealed class SdrSuppression
{
    public long Id { get; set; }
    public string? ContactId { get; set; }

    /// <summary>Null: every location.</summary>
    public string? LocationId { get; set; }

    /// <summary>Lookup hash of the E.164 number (see <see cref="PhoneHash"/>), for do-not-call lists.</summary>
    public string? PhoneHash { get; set; }

    /// <summary>Null: every channel.</summary>
    public string? Channel { get; set; }

    public required string Reason { get; set; }
    public required string Source { get; set; }
    public DateTime CreatedAt { get; set; }
}
