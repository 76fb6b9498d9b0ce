using Sdr.Core.Booking;
using Sdr.Core.Compliance;
using static Sdr.Tests.Unit.Booking.BookingTestData;

namespace Sdr.Tests.Unit.Booking;

public sealed class SlotOfferTextTests
{
    private const string Intro = "Hi Dana, it's Alex with Harbor Realty.";

    private static readonly DateTimeOffset[] Offered =
    [
        Local("2026-12-08 15:00", Eastern),
        Local("2026-12-09 10:30", Eastern),
        Local("2026-12-10 13:00", Eastern),
    ];

    [Fact]
    public void Offer_RoomToSpare_IsTheFullForm()
    {
        SlotOfferText.Offer(Offered, Eastern, "", 160).ShouldBe(
            "Here are a few times for a quick call: 1) Tue Dec 8, 3:00 PM 2) Wed Dec 9, 10:30 AM 3) Thu Dec 10, 1:00 PM (ET). Which works? Reply with the number.");
    }

    [Fact]
    public void Offer_WithASenderIntro_FitsOneSegmentInTheNumberedShortForm()
    {
        var text = SlotOfferText.Offer(Offered, Eastern, Intro, SmsEncoding.Gsm7SingleSegment);

        text.ShouldBe($"{Intro} Quick call? 1) Tue Dec 8, 3pm 2) Wed Dec 9, 10:30am 3) Thu Dec 10, 1pm ET. Reply 1, 2 or 3.");
        SmsEncoding.Segments(text).ShouldBe(1);
    }

    [Fact]
    public void Offer_LongIntro_FallsBackToTheShortestForm()
    {
        var intro = "Hi Dana, it's Alex with Harbor Realty. Thanks for the details on the Maple Street listing and your timeline for the move!";

        var text = SlotOfferText.Offer(Offered, Eastern, intro, SmsEncoding.Gsm7SingleSegment);

        text.ShouldBe($"{intro} Tue 3pm, Wed 10:30am or Thu 1pm ET?");
        SmsEncoding.Segments(text).ShouldBe(1);
    }

    [Fact]
    public void Offer_NothingFits_GivesTheShortestForm()
    {
        SlotOfferText.Offer(Offered, Eastern, new string('x', 150), 160).ShouldEndWith(" Tue 3pm, Wed 10:30am or Thu 1pm ET?");
    }

    [Theory]
    [MemberData(nameof(UsZones), MemberType = typeof(BookingTestData))]
    public void Offer_EveryUsZone_FitsOneSegmentWithTheZonesLabel(string zoneId, string label)
    {
        var zone = Zone(zoneId);
        var slots = new[] { Local("2026-12-08 11:30", zone), Local("2026-12-09 12:00", zone), Local("2026-12-10 17:30", zone) };

        var text = SlotOfferText.Offer(slots, zone, Intro, SmsEncoding.Gsm7SingleSegment);

        SmsEncoding.Segments(text).ShouldBe(1);
        SmsEncoding.CharsetOf(text).ShouldBe(SmsCharset.Gsm7);
        text.ShouldContain($"1) Tue Dec 8, 11:30am 2) Wed Dec 9, 12pm 3) Thu Dec 10, 5:30pm {label}.");
    }

    [Fact]
    public void Offer_SameWeekdayTwice_ShortFormNamesTheDates()
    {
        var slots = new[] { Local("2026-12-08 10:00", Eastern), Local("2026-12-15 14:00", Eastern) };

        SlotOfferText.Offer(slots, Eastern, new string('x', 120), 160).ShouldEndWith(" Tue 12/8 10am or Tue 12/15 2pm ET?");
    }

    [Fact]
    public void Offer_TwoSlots_AsksForOneOrTwo()
    {
        SlotOfferText.Offer(Offered[..2], Eastern, Intro, 160).ShouldEndWith("Reply 1 or 2.");
    }

    [Fact]
    public void Offer_OneSlot_AsksForAYes()
    {
        SlotOfferText.Offer(Offered[..1], Eastern, "", 160).ShouldBe("Would a quick call on Tue Dec 8 at 3:00 PM (ET) work? Reply YES to book it.");
    }

    [Theory]
    [InlineData("2026-12-08 00:00", "12:00 AM")]
    [InlineData("2026-12-08 09:05", "9:05 AM")]
    [InlineData("2026-12-08 12:00", "12:00 PM")]
    [InlineData("2026-12-08 12:30", "12:30 PM")]
    [InlineData("2026-12-08 13:00", "1:00 PM")]
    [InlineData("2026-12-08 23:45", "11:45 PM")]
    public void Confirmation_WritesTwelveHourTime(string local, string expected)
    {
        SlotOfferText.Confirmation(Local(local, Eastern), Eastern, "Alex").ShouldBe($"You're booked for Tue Dec 8 at {expected} ET. Talk then! - Alex");
    }

    [Theory]
    [InlineData("America/Sao_Paulo", "UTC-3")]
    [InlineData("Asia/Kolkata", "UTC+5:30")]
    [InlineData("Europe/London", "UTC")]
    [InlineData("America/Indiana/Indianapolis", "ET")]
    [InlineData("America/North_Dakota/Center", "CT")]
    public void Confirmation_ZoneWithoutAUsName_ShowsItsOffset(string zoneId, string label)
    {
        var zone = Zone(zoneId);

        SlotOfferText.Confirmation(Local("2026-12-08 15:00", zone), zone, "Alex").ShouldBe($"You're booked for Tue Dec 8 at 3:00 PM {label}. Talk then! - Alex");
    }
}
