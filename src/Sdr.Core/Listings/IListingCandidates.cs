using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Listings;

/// <summary>
/// The listing sources (<c>expired_mls</c>, <c>fsbo</c>) as a prospecting cycle sees them: staged
/// listings of a location, the owner made a real GHL contact just before enrolment, and the outcome
/// recorded so a listing is never offered twice.
/// </summary>
public interface IListingCandidates
{
    /// <summary>
    /// Staged listings of <paramref name="locationId"/> and <paramref name="source"/> not yet enrolled
    /// or ruled out, oldest first, at most <paramref name="max"/>; the location's configured feed is read
    /// first (new and changed listings since the last read are staged).
    /// </summary>
    Task<IReadOnlyList<ListingCandidate>> ReadAsync(string locationId, string source, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts the owner as a GHL contact (<c>POST /contacts/upsert</c> with phone, address and the
    /// listing's facts in custom fields, no tags; then the source tag with <c>POST /contacts/{id}/tags</c>)
    /// and records the contact id on the staged listing. Idempotent: a listing already upserted returns
    /// its contact without calling GHL again.
    /// </summary>
    Task<GhlContact> UpsertOwnerAsync(ListingCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>Records what the cycle did with the listing: <c>enrolled</c> or the skip reason.</summary>
    Task MarkAsync(long listingId, string outcome, CancellationToken cancellationToken = default);
}
