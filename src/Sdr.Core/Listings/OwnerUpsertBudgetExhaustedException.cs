namespace Sdr.Core.Listings;

/// <summary>
/// The location's daily budget for owner upserts is spent (<c>sdr:listings:max_owner_upserts_per_day</c>,
/// or GHL's own daily request limit): no owner of this location is upserted again before the next UTC day.
/// A prospecting cycle records it and stops offering listings of the location; the listing stays staged.
/// </summary>
public sealed class OwnerUpsertBudgetExhaustedException(string locationId, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string LocationId { get; } = locationId;
}
