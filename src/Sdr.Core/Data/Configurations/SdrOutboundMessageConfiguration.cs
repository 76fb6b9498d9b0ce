using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrOutboundMessageConfiguration : IEntityTypeConfiguration<SdrOutboundMessage>
{
    public void Configure(EntityTypeBuilder<SdrOutboundMessage> builder)
    {
        builder.ToTable("sdr_outbound_messages");
        builder.Property(m => m.Purpose).HasConversion(StoredNameConverters.Purpose).HasMaxLength(32);
        builder.Property(m => m.LocationId).HasMaxLength(64);
        builder.Property(m => m.ContactId).HasMaxLength(64);
        builder.Property(m => m.Channel).HasConversion(StoredNameConverters.Channel).HasMaxLength(16);
        builder.Property(m => m.DedupeKey).HasMaxLength(250);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Status).HasConversion(StoredNameConverters.MessageStatus).HasMaxLength(16);
        builder.Property(m => m.GhlMessageId).HasMaxLength(64);
        builder.Property(m => m.Reason).HasMaxLength(500);
        builder.HasIndex(m => m.DedupeKey).IsUnique();

        // The worker's claim: pending messages by due time.
        builder.HasIndex(m => new { m.Status, m.NotBefore });

        // The DND write's wait for the contact's confirmation.
        builder.HasIndex(m => new { m.ContactId, m.Purpose });
    }
}
