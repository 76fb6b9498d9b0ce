using Sdr.Core.Profiles;

namespace Sdr.Core.Listings;

/// <summary>
/// A staged listing whose owner may be contacted: the owner's phone (E.164, from the feed's owner
/// fields or the CSV, never the listing agent's) and the listing's facts. <see cref="ContactId"/> is set
/// once the owner has been upserted as a GHL contact.
/// </summary>
public sealed record ListingCandidate(
    long ListingId,
    string LocationId,
    string Source,
    string OwnerPhone,
    string? OwnerFirstName,
    string? OwnerLastName,
    string? OwnerEmail,
    string? ContactId,
    ListingFacts Facts);
