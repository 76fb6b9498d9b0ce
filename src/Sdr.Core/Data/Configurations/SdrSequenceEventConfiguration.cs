using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrSequenceEventConfiguration : IEntityTypeConfiguration<SdrSequenceEvent>
{
    public void Configure(EntityTypeBuilder<SdrSequenceEvent> builder)
    {
        builder.ToTable("sdr_sequence_events");
        builder.Property(e => e.ContactId).HasMaxLength(64);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasOne<SdrOutreachSequence>().WithMany().HasForeignKey(e => e.SequenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SequenceId, e.At });
    }
}
