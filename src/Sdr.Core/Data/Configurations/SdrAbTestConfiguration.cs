using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrAbTestConfiguration : IEntityTypeConfiguration<SdrAbTest>
{
    private static readonly ValueConverter<AbTestStatus, string> Status = new(s => s.ToName(), name => AbTestNames.ParseStatus(name));
    private static readonly ValueConverter<AbTestMetric, string> Metric = new(m => m.ToName(), name => AbTestNames.ParseMetric(name));

    public void Configure(EntityTypeBuilder<SdrAbTest> builder)
    {
        builder.ToTable("sdr_ab_tests");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.ConfigKey).HasMaxLength(64);
        builder.Property(t => t.LocationId).HasMaxLength(64);
        builder.Property(t => t.Metric).HasConversion(Metric).HasMaxLength(32);
        builder.Property(t => t.Status).HasConversion(Status).HasMaxLength(16);
        builder.Property(t => t.StopReason).HasMaxLength(500);
        builder.Property(t => t.Winner).HasMaxLength(64);
        builder.HasMany(t => t.Variants).WithOne().HasForeignKey(v => v.AbTestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ConfigKey).IsUnique().HasFilter("config_key IS NOT NULL");
        builder.HasIndex(t => new { t.Status, t.LocationId });
    }
}

internal sealed class SdrAbTestVariantConfiguration : IEntityTypeConfiguration<SdrAbTestVariant>
{
    public void Configure(EntityTypeBuilder<SdrAbTestVariant> builder)
    {
        builder.ToTable("sdr_ab_test_variants");
        builder.Property(v => v.Name).HasMaxLength(64);
        builder.Property(v => v.Tone).HasMaxLength(200);
        builder.Property(v => v.StepTiming).HasMaxLength(2000);
        builder.Property(v => v.StopReason).HasMaxLength(500);
        builder.HasIndex(v => new { v.AbTestId, v.Name }).IsUnique();
    }
}
