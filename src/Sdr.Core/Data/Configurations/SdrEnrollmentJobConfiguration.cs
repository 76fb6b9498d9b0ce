using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrEnrollmentJobConfiguration : IEntityTypeConfiguration<SdrEnrollmentJob>
{
    private static readonly ValueConverter<EnrollmentJobStatus, string> Status = new(s => s.ToName(), name => EnrollmentJobNames.ParseStatus(name));

    public void Configure(EntityTypeBuilder<SdrEnrollmentJob> builder)
    {
        builder.ToTable("sdr_enrollment_jobs");
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.LocationId).HasMaxLength(64);
        builder.Property(j => j.LeadType).HasMaxLength(16);
        builder.Property(j => j.SequenceVariant).HasMaxLength(64);
        builder.Property(j => j.Source).HasMaxLength(32);
        builder.Property(j => j.Status).HasConversion(Status).HasMaxLength(16);
        builder.HasMany(j => j.Items).WithOne().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);

        // The workers' scan: jobs not completed, by lease.
        builder.HasIndex(j => new { j.Status, j.LeaseUntil }).HasDatabaseName("ix_sdr_enrollment_jobs_status_lease");
    }
}

internal sealed class SdrEnrollmentJobItemConfiguration : IEntityTypeConfiguration<SdrEnrollmentJobItem>
{
    private static readonly ValueConverter<EnrollmentItemOutcome, string> Outcome = new(o => o.ToName(), name => EnrollmentJobNames.ParseOutcome(name));

    public void Configure(EntityTypeBuilder<SdrEnrollmentJobItem> builder)
    {
        builder.ToTable("sdr_enrollment_job_items");
        builder.HasKey(i => new { i.JobId, i.Position });
        builder.Property(i => i.ContactId).HasMaxLength(64);
        builder.Property(i => i.Outcome).HasConversion(Outcome).HasMaxLength(16);
        builder.Property(i => i.Detail).HasMaxLength(500);
        builder.HasIndex(i => new { i.JobId, i.Outcome }).HasDatabaseName("ix_sdr_enrollment_job_items_outcome");
    }
}
