using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrAlertConfiguration : IEntityTypeConfiguration<SdrAlert>
{
    public void Configure(EntityTypeBuilder<SdrAlert> builder)
    {
        builder.ToTable("sdr_alerts");
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.HasPendingNotice);
        builder.Property(a => a.Key).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion(kind => kind.ToName(), name => AlertNames.ParseKind(name)).HasMaxLength(32);
        builder.Property(a => a.LocationId).HasMaxLength(64);
        builder.Property(a => a.Severity).HasConversion(severity => severity.ToName(), name => AlertNames.ParseSeverity(name)).HasMaxLength(16);
        builder.Property(a => a.Summary).HasMaxLength(500);
        builder.Property(a => a.NoticeState).HasConversion(StoredNameConverters.AlertDelivery).HasMaxLength(16);
        builder.Property(a => a.RecoveryState).HasConversion(StoredNameConverters.AlertDelivery).HasMaxLength(16);
        builder.Property(a => a.LastDeliveryError).HasMaxLength(200);

        // The claim of an open alert: a second instance seeing the same condition fails to insert and joins the open one.
        builder.HasIndex(a => a.Key).IsUnique().HasFilter("resolved_at IS NULL");
        builder.HasIndex(a => a.OpenedAt);
    }
}
