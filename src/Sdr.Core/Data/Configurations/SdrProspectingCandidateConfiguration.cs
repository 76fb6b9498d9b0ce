using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrProspectingCandidateConfiguration : IEntityTypeConfiguration<SdrProspectingCandidate>
{
    public void Configure(EntityTypeBuilder<SdrProspectingCandidate> builder)
    {
        builder.ToTable("sdr_prospecting_candidates");
        builder.Property(c => c.Source).HasMaxLength(32);
        builder.Property(c => c.CandidateKey).HasMaxLength(100);
        builder.Property(c => c.ContactId).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion(status => status.ToName(), name => ProspectingNames.ParseCandidateStatus(name)).HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(300);
        builder.HasOne<SdrProspectingCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(c => new { c.CycleId, c.CandidateKey }).IsUnique();
        builder.HasIndex(c => new { c.CycleId, c.Status, c.Id });
    }
}
