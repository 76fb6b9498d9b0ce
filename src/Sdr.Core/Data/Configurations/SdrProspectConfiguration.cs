using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrProspectConfiguration : IEntityTypeConfiguration<SdrProspect>
{
    public void Configure(EntityTypeBuilder<SdrProspect> builder)
    {
        builder.ToTable("sdr_prospects");
        builder.Property(p => p.ContactId).HasMaxLength(64);
        builder.Property(p => p.LocationId).HasMaxLength(64);
        builder.Property(p => p.Source).HasMaxLength(32);
        builder.Property(p => p.LeadType).HasMaxLength(16);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.State).HasMaxLength(8);
        builder.Property(p => p.PhoneHash).HasMaxLength(64);
        builder.Property(p => p.PhoneState).HasMaxLength(8);
        builder.Property(p => p.PhoneZones).HasMaxLength(256);
        builder.Property(p => p.PhoneDataVersion).HasMaxLength(32);
        builder.Property(p => p.HandoffTarget).HasMaxLength(32);
        builder.HasIndex(p => new { p.ContactId, p.LocationId }).IsUnique();
        builder.HasIndex(p => p.PhoneHash);
    }
}
