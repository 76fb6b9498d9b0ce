using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrListingFeedCheckpointConfiguration : IEntityTypeConfiguration<SdrListingFeedCheckpoint>
{
    public void Configure(EntityTypeBuilder<SdrListingFeedCheckpoint> builder)
    {
        builder.ToTable("sdr_listing_feed_checkpoints");
        builder.Property(c => c.LocationId).HasMaxLength(64);
        builder.Property(c => c.Source).HasMaxLength(32);
        builder.Property(c => c.LastListingKey).HasMaxLength(128);
        builder.HasIndex(c => new { c.LocationId, c.Source }).IsUnique();
    }
}
