using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrGhlActionConfiguration : IEntityTypeConfiguration<SdrGhlAction>
{
    public void Configure(EntityTypeBuilder<SdrGhlAction> builder)
    {
        builder.ToTable("sdr_ghl_actions");
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.LocationId).HasMaxLength(64);
        builder.Property(a => a.ContactId).HasMaxLength(64);
        builder.Property(a => a.DedupeKey).HasMaxLength(250);
        builder.Property(a => a.Status).HasMaxLength(16);
        builder.Property(a => a.GhlMessageId).HasMaxLength(64);
        builder.Property(a => a.LastError).HasMaxLength(500);
        builder.HasIndex(a => a.DedupeKey).IsUnique();
        builder.HasIndex(a => new { a.Status, a.NextAttemptAt });
        builder.HasIndex(a => new { a.ContactId, a.ClaimedUntil }).HasFilter("claimed_until IS NOT NULL");
    }
}
