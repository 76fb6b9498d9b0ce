using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrOutreachTouchConfiguration : IEntityTypeConfiguration<SdrOutreachTouch>
{
    public void Configure(EntityTypeBuilder<SdrOutreachTouch> builder)
    {
        builder.ToTable("sdr_outreach_touches");
        builder.Property(t => t.ContactId).HasMaxLength(64);
        builder.Property(t => t.LocationId).HasMaxLength(64);
        builder.Property(t => t.Step).HasMaxLength(32);
        builder.Property(t => t.Channel).HasMaxLength(16);
        builder.Property(t => t.Status).HasMaxLength(16);
        builder.Property(t => t.GhlMessageId).HasMaxLength(64);
        builder.Property(t => t.Error).HasMaxLength(500);

        // The seed's idempotency key: contact_id + step + sent_at::date.
        builder.HasIndex(t => new { t.ContactId, t.Step, t.TouchDate })
            .IsUnique()
            .HasDatabaseName("ux_sdr_outreach_touches_idempotency");

        // A sequence reserves each of its steps once, whatever the day.
        builder.HasIndex(t => new { t.SequenceId, t.Step }).IsUnique();
        builder.HasIndex(t => new { t.LocationId, t.SentAt });

        // TouchReconciler's query: unconfirmed touches, oldest first.
        builder.HasIndex(t => new { t.Status, t.ReservedAt });
    }
}
