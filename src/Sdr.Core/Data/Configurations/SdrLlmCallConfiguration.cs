using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrLlmCallConfiguration : IEntityTypeConfiguration<SdrLlmCall>
{
    public void Configure(EntityTypeBuilder<SdrLlmCall> builder)
    {
        builder.ToTable("sdr_llm_calls");
        builder.Property(c => c.ContactId).HasMaxLength(64);
        builder.Property(c => c.LocationId).HasMaxLength(64);
        builder.Property(c => c.Purpose).HasMaxLength(16);
        builder.Property(c => c.Model).HasMaxLength(100);
        builder.Property(c => c.FallbackReason).HasMaxLength(100);
        builder.HasIndex(c => c.At);
        builder.HasIndex(c => c.ReplyId);
    }
}
