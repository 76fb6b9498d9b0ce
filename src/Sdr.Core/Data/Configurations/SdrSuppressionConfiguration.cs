using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrSuppressionConfiguration : IEntityTypeConfiguration<SdrSuppression>
{
    public void Configure(EntityTypeBuilder<SdrSuppression> builder)
    {
        builder.ToTable("sdr_suppressions");
        builder.Property(s => s.ContactId).HasMaxLength(64);
        builder.Property(s => s.LocationId).HasMaxLength(64);
        builder.Property(s => s.PhoneHash).HasMaxLength(64);
        builder.Property(s => s.Channel).HasMaxLength(16);
        builder.Property(s => s.Reason).HasMaxLength(200);
        builder.Property(s => s.Source).HasMaxLength(32);
        builder.HasIndex(s => s.ContactId);
        builder.HasIndex(s => s.PhoneHash);
    }
}
