using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrListingConfiguration : IEntityTypeConfiguration<SdrListing>
{
    public void Configure(EntityTypeBuilder<SdrListing> builder)
    {
        builder.ToTable("sdr_listings");
        builder.Property(l => l.LocationId).HasMaxLength(64);
        builder.Property(l => l.Source).HasMaxLength(32);
        builder.Property(l => l.ListingKey).HasMaxLength(128);
        builder.Property(l => l.StandardStatus).HasMaxLength(32);
        builder.Property(l => l.ListPrice).HasPrecision(14, 2);
        builder.Property(l => l.OriginalListPrice).HasPrecision(14, 2);
        builder.Property(l => l.PreviousListPrice).HasPrecision(14, 2);
        builder.Property(l => l.PropertyType).HasMaxLength(64);
        builder.Property(l => l.UnparsedAddress).HasMaxLength(256);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.Property(l => l.StateOrProvince).HasMaxLength(32);
        builder.Property(l => l.PostalCode).HasMaxLength(16);
        builder.Property(l => l.OwnerPhoneHash).HasMaxLength(64);
        builder.Property(l => l.State).HasMaxLength(16).HasConversion(StoredNameConverters.ListingState);
        builder.Property(l => l.StateReason).HasMaxLength(200);
        builder.Property(l => l.ContactId).HasMaxLength(64);
        builder.Property(l => l.BatchId).HasMaxLength(64);
        builder.HasIndex(l => new { l.LocationId, l.Source, l.ListingKey }).IsUnique();
        builder.HasIndex(l => new { l.LocationId, l.Source, l.State, l.Id });
        builder.HasIndex(l => new { l.LocationId, l.OwnerPhoneHash });
    }
}
