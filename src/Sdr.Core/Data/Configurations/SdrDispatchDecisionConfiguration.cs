using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrDispatchDecisionConfiguration : IEntityTypeConfiguration<SdrDispatchDecision>
{
    public void Configure(EntityTypeBuilder<SdrDispatchDecision> builder)
    {
        builder.ToTable("sdr_dispatch_decisions");
        builder.Property(d => d.ContactId).HasMaxLength(64);
        builder.Property(d => d.Step).HasConversion(StoredNameConverters.Step).HasMaxLength(32);
        builder.Property(d => d.Outcome).HasConversion(StoredNameConverters.Outcome).HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.HasIndex(d => d.SequenceId);
        builder.HasIndex(d => d.At);
    }
}
