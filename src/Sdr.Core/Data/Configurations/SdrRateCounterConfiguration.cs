using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrRateCounterConfiguration : IEntityTypeConfiguration<SdrRateCounter>
{
    public void Configure(EntityTypeBuilder<SdrRateCounter> builder)
    {
        builder.ToTable("sdr_rate_counters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.HasIndex(c => c.WindowEndsAt);
    }
}
