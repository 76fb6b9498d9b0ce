using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrObjectionLogConfiguration : IEntityTypeConfiguration<SdrObjectionLog>
{
    public void Configure(EntityTypeBuilder<SdrObjectionLog> builder)
    {
        builder.ToTable("sdr_objection_logs");
        builder.Property(o => o.ContactId).HasMaxLength(64);
        builder.Property(o => o.LocationId).HasMaxLength(64);
        builder.Property(o => o.ObjectionType).HasMaxLength(32);
        builder.Property(o => o.Outcome).HasMaxLength(32);
        builder.Property(o => o.AbVariant).HasMaxLength(64);
        builder.Property(o => o.RebuttalSource).HasMaxLength(100);
        builder.HasIndex(o => o.ContactId);
        builder.HasIndex(o => new { o.LocationId, o.CreatedAt });
    }
}
