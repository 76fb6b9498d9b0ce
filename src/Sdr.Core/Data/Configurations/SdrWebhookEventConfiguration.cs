using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrWebhookEventConfiguration : IEntityTypeConfiguration<SdrWebhookEvent>
{
    public void Configure(EntityTypeBuilder<SdrWebhookEvent> builder)
    {
        builder.ToTable("sdr_webhook_events");
        builder.Property(e => e.DedupeKey).HasMaxLength(200);
        builder.Property(e => e.Endpoint).HasMaxLength(32);
        builder.Property(e => e.EventType).HasMaxLength(64);
        builder.Property(e => e.LocationId).HasMaxLength(64);
        builder.Property(e => e.ContactId).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.Outcome).HasMaxLength(300);
        builder.Property(e => e.Error).HasMaxLength(500);
        builder.HasIndex(e => e.DedupeKey).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.ContactId, e.Status });
    }
}
