namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_listing_feed_checkpoints</c>: where the last read of a location's RESO feed stopped (the last
/// listing's ModificationTimestamp and ListingKey), so the next read asks only for what changed since.
/// </summary>
public sealed class SdrListingFeedCheckpoint
{
    public long Id { get; set; }
    public required string LocationId { get; set; }
    public required string Source { get; set; }
    public DateTime? LastModificationTimestamp { get; set; }
    public string? LastListingKey { get; set; }
    public DateTime UpdatedAt { get; set; }
}
