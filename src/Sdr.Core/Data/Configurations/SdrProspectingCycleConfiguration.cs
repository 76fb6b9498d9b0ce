using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrProspectingCycleConfiguration : IEntityTypeConfiguration<SdrProspectingCycle>
{
    public void Configure(EntityTypeBuilder<SdrProspectingCycle> builder)
    {
        builder.ToTable("sdr_prospecting_cycles");
        builder.Ignore(c => c.SourceList);
        builder.Property(c => c.LocationId).HasMaxLength(64);
        builder.Property(c => c.Sources).HasMaxLength(200);
        builder.Property(c => c.Status).HasConversion(status => status.ToName(), name => ProspectingNames.ParseCycleStatus(name)).HasMaxLength(16);
        builder.Property(c => c.Trigger).HasConversion(trigger => trigger.ToName(), name => ProspectingNames.ParseTrigger(name)).HasMaxLength(16);
        builder.Property(c => c.ScheduleKey).HasMaxLength(100);
        builder.Property(c => c.LeaseOwner).HasMaxLength(100);

        // One queued or running cycle per location, across instances: a second insert fails and names the first.
        builder.HasIndex(c => c.LocationId).IsUnique().HasFilter("status IN ('queued', 'running')").HasDatabaseName("ux_sdr_prospecting_cycles_active_location");
        builder.HasIndex(c => new { c.Status, c.LeaseUntil });
        builder.HasIndex(c => new { c.LocationId, c.CreatedAt });
    }
}
