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
        builder.Property(t => t.Step).HasConversion(StoredNameConverters.Step).HasMaxLength(32);
        builder.Property(t => t.Channel).HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion(StoredNameConverters.TouchStatus).HasMaxLength(16);
        builder.Property(t => t.GhlMessageId).HasMaxLength(64);
        builder.Property(t => t.Error).HasMaxLength(500);
        builder.Property(t => t.TemplateId).HasMaxLength(200);
        builder.Property(t => t.TemplateVariant).HasMaxLength(32);
        builder.Property(t => t.ComposedByModel).HasMaxLength(100);

        // The seed's idempotency key: contact_id + step + sent_at::date.
        builder.HasIndex(t => new { t.ContactId, t.Step, t.TouchDate })
            .IsUnique()
            .HasDatabaseName("ux_sdr_outreach_touches_idempotency");

        // A sequence reserves each of its steps once, whatever the day.
        builder.HasIndex(t => new { t.SequenceId, t.Step }).IsUnique();

        // A location's sent touches by time. Partial: a touch enters it once, when it is confirmed, not
        // also while it is reserved.
        builder.HasIndex(t => new { t.LocationId, t.SentAt }).HasFilter("sent_at IS NOT NULL");

        // The stats windows over every location (GET /sdr/stats without location_id).
        builder.HasIndex(t => t.SentAt).HasFilter("sent_at IS NOT NULL");

        // TouchReconciler's query: unconfirmed touches, oldest first. Partial: sent touches (nearly all)
        // leave it, so it stays as small as the touches in doubt. The query repeats the filter's term
        // (status <> 'sent') so that SQLite's planner may use the index.
        builder.HasIndex(t => new { t.Status, t.ReservedAt }).HasFilter("status <> 'sent'");
    }
}
