using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrReplyConfiguration : IEntityTypeConfiguration<SdrReply>
{
    public void Configure(EntityTypeBuilder<SdrReply> builder)
    {
        builder.ToTable("sdr_replies");
        builder.Property(r => r.ContactId).HasMaxLength(64);
        builder.Property(r => r.LocationId).HasMaxLength(64);
        builder.Property(r => r.MessageId).HasMaxLength(64);
        builder.Property(r => r.Category).HasMaxLength(32);
        builder.Property(r => r.DecidedBy).HasMaxLength(16);
        builder.Property(r => r.Rule).HasMaxLength(64);
        builder.Property(r => r.AlsoDetected).HasMaxLength(200);
        builder.Property(r => r.Action).HasMaxLength(200);
        builder.Property(r => r.MessageType).HasMaxLength(16);
        builder.HasIndex(r => r.MessageId);
        builder.HasIndex(r => r.WebhookEventId);
        builder.HasIndex(r => r.SequenceId);
        builder.HasIndex(r => new { r.ContactId, r.LocationId });
        builder.HasIndex(r => r.ReceivedAt); // the stats windows
    }
}
