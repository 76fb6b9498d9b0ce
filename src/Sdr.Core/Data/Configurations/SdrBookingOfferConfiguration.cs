using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data.Configurations;

internal sealed class SdrBookingOfferConfiguration : IEntityTypeConfiguration<SdrBookingOffer>
{
    public void Configure(EntityTypeBuilder<SdrBookingOffer> builder)
    {
        builder.ToTable("sdr_booking_offers");
        builder.Property(o => o.ContactId).HasMaxLength(64);
        builder.Property(o => o.LocationId).HasMaxLength(64);
        builder.Property(o => o.CalendarId).HasMaxLength(64);
        builder.Property(o => o.Slots).HasMaxLength(200);
        builder.Property(o => o.Status).HasMaxLength(16);
        builder.Property(o => o.AppointmentId).HasMaxLength(64);
        builder.HasOne<SdrOutreachSequence>().WithMany().HasForeignKey(o => o.SequenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.SequenceId, o.Status });
    }
}
