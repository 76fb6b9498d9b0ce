using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrOutreachSequenceConfiguration : IEntityTypeConfiguration<SdrOutreachSequence>
{
    public void Configure(EntityTypeBuilder<SdrOutreachSequence> builder)
    {
        builder.ToTable("sdr_outreach_sequences");
        builder.Property(s => s.ContactId).HasMaxLength(64);
        builder.Property(s => s.LocationId).HasMaxLength(64);
        builder.Property(s => s.CurrentStep).HasConversion(StoredNameConverters.Step).HasMaxLength(32);
        builder.Property(s => s.AbVariant).HasMaxLength(64);
        builder.Property(s => s.EndReason).HasMaxLength(200);
        builder.Property(s => s.LastError).HasMaxLength(500);
        builder.Property(s => s.PauseReason).HasMaxLength(200);
        builder.HasOne(s => s.Prospect).WithMany().HasForeignKey(s => s.ProspectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Touches).WithOne().HasForeignKey(t => t.SequenceId).OnDelete(DeleteBehavior.Cascade);

        // At most one active sequence per contact and location, enforced by the database.
        builder.HasIndex(s => new { s.ContactId, s.LocationId })
            .IsUnique()
            .HasFilter("is_active = TRUE")
            .HasDatabaseName("ux_sdr_outreach_sequences_active_contact");

        // The due-touch scan: active rows ordered by next_touch_at.
        builder.HasIndex(s => new { s.IsActive, s.NextTouchAt }).HasDatabaseName("ix_sdr_outreach_sequences_due");
        builder.HasIndex(s => new { s.LocationId, s.IsActive, s.NextTouchAt }).HasDatabaseName("ix_sdr_outreach_sequences_location_due");

        // A contact's sequences, ended ones included (the latest sequence for the API and for replies,
        // opt-outs ending every sequence of a contact): the unique index above covers active rows only.
        builder.HasIndex(s => s.ContactId).HasDatabaseName("ix_sdr_outreach_sequences_contact_id");

        // The resume sweep: paused conversations whose prospect went quiet.
        builder.HasIndex(s => new { s.IsActive, s.ResumesAt }).HasDatabaseName("ix_sdr_outreach_sequences_resumes_at");

        // An A/B test's results: the sequences it assigned, by variant.
        builder.HasIndex(s => new { s.AbTestId, s.AbVariant }).HasDatabaseName("ix_sdr_outreach_sequences_ab_test");
    }
}
