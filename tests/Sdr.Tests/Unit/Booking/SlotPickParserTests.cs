using Sdr.Core.Booking;
using static Sdr.Tests.Unit.Booking.BookingTestData;

namespace Sdr.Tests.Unit.Booking;

/// <summary>
/// Replies to "1) Tue Dec 8, 3:00 PM 2) Wed Dec 9, 10:30 AM 3) Thu Dec 10, 1:00 PM (ET)", read on Tuesday
/// Dec 8 at 08:00 ET (so "today" is Tuesday and "tomorrow" Wednesday).
/// </summary>
public sealed class SlotPickParserTests
{
    private static readonly DateTimeOffset Now = Local("2026-12-08 08:00", Eastern);

    private static readonly DateTimeOffset[] Offered =
    [
        Local("2026-12-08 15:00", Eastern),
        Local("2026-12-09 10:30", Eastern),
        Local("2026-12-10 13:00", Eastern),
    ];

    private readonly SlotPickParser _parser = new();

    [Theory]
    // a number, bare or marked
    [InlineData("2", SlotPickKind.Chosen, 1, "number")]
    [InlineData(" 2 ", SlotPickKind.Chosen, 1, "number")]
    [InlineData("#2", SlotPickKind.Chosen, 1, "number")]
    [InlineData("option 2", SlotPickKind.Chosen, 1, "number")]
    [InlineData("OPTION 2", SlotPickKind.Chosen, 1, "number")]
    [InlineData("2)", SlotPickKind.Chosen, 1, "number")]
    [InlineData("Option 3 please", SlotPickKind.Chosen, 2, "number")]
    [InlineData("3!", SlotPickKind.Chosen, 2, "number")]
    [InlineData("1.", SlotPickKind.Chosen, 0, "number")]
    [InlineData("2\uFE0F\u20E3", SlotPickKind.Chosen, 1, "number")]
    [InlineData("number 1", SlotPickKind.Chosen, 0, "number")]
    [InlineData("2 works for me, thanks!", SlotPickKind.Chosen, 1, "number")]
    [InlineData("I'll take 3", SlotPickKind.Chosen, 2, "number")]
    [InlineData("lets do 1", SlotPickKind.Chosen, 0, "number")]
    [InlineData("two works", SlotPickKind.Chosen, 1, "number")]
    [InlineData("Is 2 still available?", SlotPickKind.Chosen, 1, "number")]
    // an ordinal
    [InlineData("the first one", SlotPickKind.Chosen, 0, "ordinal")]
    [InlineData("first", SlotPickKind.Chosen, 0, "ordinal")]
    [InlineData("1st", SlotPickKind.Chosen, 0, "ordinal")]
    [InlineData("the last one", SlotPickKind.Chosen, 2, "ordinal")]
    [InlineData("the second works", SlotPickKind.Chosen, 1, "ordinal")]
    [InlineData("2nd one please", SlotPickKind.Chosen, 1, "ordinal")]
    [InlineData("frist one", SlotPickKind.Chosen, 0, "ordinal")]
    [InlineData("the middle one", SlotPickKind.Chosen, 1, "ordinal")]
    [InlineData("Third option", SlotPickKind.Chosen, 2, "ordinal")]
    // a day and / or a time
    [InlineData("tuesday at 3", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("tue 3pm", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("TUESDAY AT 3PM", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("Tuesdy @ 3", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("3 p.m. tuesday", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("thurs at 1", SlotPickKind.Chosen, 2, "day_and_time")]
    [InlineData("Wed 10.30am is perfect", SlotPickKind.Chosen, 1, "day_and_time")]
    [InlineData("today at 3 works", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("3pm works", SlotPickKind.Chosen, 0, "time")]
    [InlineData("1pm", SlotPickKind.Chosen, 2, "time")]
    [InlineData("10:30 am", SlotPickKind.Chosen, 1, "time")]
    [InlineData("the 10:30", SlotPickKind.Chosen, 1, "time")]
    [InlineData("wednesday", SlotPickKind.Chosen, 1, "day")]
    [InlineData("weds", SlotPickKind.Chosen, 1, "day")]
    [InlineData("thrusday", SlotPickKind.Chosen, 2, "day")]
    [InlineData("Thursday works great", SlotPickKind.Chosen, 2, "day")]
    [InlineData("tomorrow morning", SlotPickKind.Chosen, 1, "day")]
    [InlineData("this afternoon", SlotPickKind.Chosen, 0, "day")]
    [InlineData("afternoons are better for me", SlotPickKind.Unclear, null, "ambiguous")]
    [InlineData("Sounds good, see you Tuesday!", SlotPickKind.Chosen, 0, "day")]
    [InlineData("Tuesday 3pm works, see you then \U0001F44D", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("1\uFE0F\u20E3", SlotPickKind.Chosen, 0, "number")]
    [InlineData("the 3rd", SlotPickKind.Chosen, 2, "ordinal")]
    [InlineData("2 pls", SlotPickKind.Chosen, 1, "number")]
    [InlineData("Can't wait! 2 it is", SlotPickKind.Chosen, 1, "number")]
    [InlineData("the earliest one", SlotPickKind.Chosen, 0, "ordinal")]
    [InlineData("Good morning! 1 please", SlotPickKind.Chosen, 0, "number")]
    [InlineData("Buenas tardes, la 2", SlotPickKind.Chosen, 1, "number")]
    [InlineData("Tuesday at 3 would be great, looking forward to it", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("Tuesday doesn't work, but Wednesday does", SlotPickKind.Chosen, 1, "day")]
    [InlineData("either works", SlotPickKind.Chosen, 0, "any_offered")]
    [InlineData("whichever is easiest for you", SlotPickKind.Chosen, 0, "any_offered")]
    // Spanish
    [InlineData("la primera", SlotPickKind.Chosen, 0, "ordinal")]
    [InlineData("la segunda opción", SlotPickKind.Chosen, 1, "ordinal")]
    [InlineData("opción 3", SlotPickKind.Chosen, 2, "number")]
    [InlineData("el martes a las 3", SlotPickKind.Chosen, 0, "day_and_time")]
    [InlineData("El miércoles a las 10:30", SlotPickKind.Chosen, 1, "day_and_time")]
    [InlineData("mañana por la mañana", SlotPickKind.Chosen, 1, "day")]
    [InlineData("jueves", SlotPickKind.Chosen, 2, "day")]
    [InlineData("a las 3 de la tarde", SlotPickKind.Chosen, 0, "time")]
    [InlineData("ninguna", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("ninguna de esas me sirve", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("otro día?", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("no gracias", SlotPickKind.Declined, null, "declined")]
    [InlineData("no me interesa una llamada", SlotPickKind.Declined, null, "declined")]
    // none of them
    [InlineData("none of those work", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("None work", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("neither", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("different time?", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("can't do any of those", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("I'm busy all of those days", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("Anything later in the week?", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("no", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("not tuesday", SlotPickKind.NoneWork, null, "rejected_offered")]
    [InlineData("2 doesn't work", SlotPickKind.NoneWork, null, "rejected_offered")]
    [InlineData("do you have anything next week", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("friday at 9", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("Monday at 4?", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("4 works", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("Can you do 2pm instead?", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("What about Thursday morning?", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("I'm out of town all week, next week?", SlotPickKind.NoneWork, null, "requested_other_time")]
    [InlineData("I can't do Tuesday", SlotPickKind.NoneWork, null, "rejected_offered")]
    [InlineData("not this week", SlotPickKind.NoneWork, null, "none_work")]
    [InlineData("Tuesday works but can it be at 4?", SlotPickKind.NoneWork, null, "requested_other_time")]
    // no call at all
    [InlineData("not interested in a call", SlotPickKind.Declined, null, "declined")]
    [InlineData("no thanks just text me", SlotPickKind.Declined, null, "declined")]
    [InlineData("I'd rather just text", SlotPickKind.Declined, null, "declined")]
    [InlineData("don't want a call", SlotPickKind.Declined, null, "declined")]
    // a booked call to move
    [InlineData("can we reschedule?", SlotPickKind.Reschedule, null, "reschedule")]
    [InlineData("Something came up, can we move it to thursday at 1", SlotPickKind.Reschedule, null, "reschedule")]
    // unclear
    [InlineData("1 or 2", SlotPickKind.Unclear, null, "ambiguous")]
    [InlineData("either 1 or 2 works", SlotPickKind.Unclear, null, "ambiguous")]
    [InlineData("tuesday or wednesday", SlotPickKind.Unclear, null, "ambiguous")]
    [InlineData("option 5", SlotPickKind.Unclear, null, "out_of_range")]
    [InlineData("yes", SlotPickKind.Unclear, null, "no_choice")]
    [InlineData("\U0001F44D", SlotPickKind.Unclear, null, "no_choice")]
    [InlineData("I have 2 kids and a dog", SlotPickKind.Unclear, null, "not_about_slots")]
    [InlineData("we need 3 bedrooms", SlotPickKind.Unclear, null, "not_about_slots")]
    [InlineData("what's the price range for homes around $200k?", SlotPickKind.Unclear, null, "not_about_slots")]
    [InlineData("who is this?", SlotPickKind.Unclear, null, "not_about_slots")]
    [InlineData("Not sure yet", SlotPickKind.Unclear, null, "not_about_slots")]
    [InlineData("call me at 555-1234", SlotPickKind.Unclear, null, "not_about_slots")]
    [InlineData("Works!", SlotPickKind.Unclear, null, "no_choice")]
    [InlineData("", SlotPickKind.Unclear, null, "empty")]
    [InlineData("   ", SlotPickKind.Unclear, null, "empty")]
    [InlineData(null, SlotPickKind.Unclear, null, "empty")]
    public void Parse_RealisticReply_ReadsThePick(string? reply, SlotPickKind kind, int? index, string rule)
    {
        var pick = _parser.Parse(reply, Offered, Eastern, Now);

        pick.ShouldBe(new SlotPick(kind, index, rule) { RequestedTime = pick.RequestedTime, RequestedWindow = pick.RequestedWindow }, reply);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("\U0001F44D")]
    [InlineData("sure, sounds good")]
    [InlineData("ok")]
    [InlineData("Sí")]
    [InlineData("that works")]
    [InlineData("tuesday at 3")]
    public void Parse_SingleOffer_AYesBooksIt(string reply)
    {
        var pick = _parser.Parse(reply, Offered[..1], Eastern, Now);

        pick.Kind.ShouldBe(SlotPickKind.Chosen);
        pick.Index.ShouldBe(0);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("yes but not at 3")]
    public void Parse_SingleOffer_ANoAsksForOthers(string reply)
    {
        _parser.Parse(reply, Offered[..1], Eastern, Now).Kind.ShouldBe(SlotPickKind.NoneWork);
    }

    [Fact]
    public void Parse_ADayAndHourNotOffered_GivesTheRequestedTime()
    {
        var pick = _parser.Parse("friday at 9", Offered, Eastern, Now);

        pick.RequestedTime.ShouldBe(Local("2026-12-11 09:00", Eastern));
        pick.RequestedWindow.ShouldBeNull();
    }

    [Fact]
    public void Parse_AnHourWithoutAmOrPm_IsReadOnABusinessClock()
    {
        _parser.Parse("Monday at 4?", Offered, Eastern, Now).RequestedTime.ShouldBe(Local("2026-12-14 16:00", Eastern));
        _parser.Parse("4 works", Offered, Eastern, Now).RequestedTime.ShouldBe(Local("2026-12-08 16:00", Eastern));
    }

    [Fact]
    public void Parse_AnOfferedDayAtAnotherHour_AsksForThatDayAndHour()
    {
        _parser.Parse("Tuesday works but can it be at 4?", Offered, Eastern, Now).RequestedTime.ShouldBe(Local("2026-12-08 16:00", Eastern));
    }

    [Fact]
    public void Parse_ADayNotOffered_GivesThatDayAsTheWindow()
    {
        var pick = _parser.Parse("how about friday afternoon", Offered, Eastern, Now);

        pick.Kind.ShouldBe(SlotPickKind.NoneWork);
        pick.Rule.ShouldBe(SlotPickRules.RequestedOtherTime);
        pick.RequestedWindow.ShouldBe(new SlotWindow(Local("2026-12-11 12:00", Eastern), Local("2026-12-11 17:00", Eastern)));
    }

    [Fact]
    public void Parse_NextWeek_GivesNextWeekAsTheWindow()
    {
        var pick = _parser.Parse("do you have anything next week", Offered, Eastern, Now);

        pick.RequestedWindow.ShouldBe(new SlotWindow(Local("2026-12-14 00:00", Eastern), Local("2026-12-21 00:00", Eastern)));
    }

    [Fact]
    public void Parse_ADayOfNextWeek_GivesThatDay()
    {
        var pick = _parser.Parse("tuesday next week at 10", Offered, Eastern, Now);

        pick.Kind.ShouldBe(SlotPickKind.NoneWork);
        pick.RequestedTime.ShouldBe(Local("2026-12-15 10:00", Eastern));
    }

    [Fact]
    public void Parse_RescheduleToATime_GivesTheRequestedTime()
    {
        var pick = _parser.Parse("Something came up, can we move it to thursday at 1", Offered, Eastern, Now);

        pick.RequestedTime.ShouldBe(Local("2026-12-10 13:00", Eastern));
    }

    [Fact]
    public void Parse_ReadInTheProspectsZone_NotUtc()
    {
        // 15:00 ET is 20:00 UTC and 12:00 PT: "12" means the Tuesday slot for a prospect in Los Angeles.
        var pacific = Zone("America/Los_Angeles");

        _parser.Parse("tuesday at 12", Offered, pacific, Now).ShouldBe(new SlotPick(SlotPickKind.Chosen, 0, SlotPickRules.DayAndTime));
        _parser.Parse("tuesday at 3", Offered, pacific, Now).Kind.ShouldBe(SlotPickKind.NoneWork);
    }

    [Fact]
    public void Parse_TwoSlotsOnOneDay_NeedTheTimeOrPartOfDay()
    {
        DateTimeOffset[] sameDay = [Local("2026-12-08 10:00", Eastern), Local("2026-12-08 15:00", Eastern)];

        _parser.Parse("tuesday", sameDay, Eastern, Now).Rule.ShouldBe(SlotPickRules.Ambiguous);
        _parser.Parse("tuesday afternoon", sameDay, Eastern, Now).Index.ShouldBe(1);
        _parser.Parse("tuesday, the 10am one", sameDay, Eastern, Now).Index.ShouldBe(0);
    }

    [Fact]
    public void Parse_TomorrowNearMidnight_CountsFromTheProspectsDate()
    {
        // 23:30 ET on Monday Dec 7 is already Tuesday in UTC: "tomorrow" is still Tuesday for the prospect.
        var lateMonday = Local("2026-12-07 23:30", Eastern);

        _parser.Parse("tomorrow afternoon", Offered, Eastern, lateMonday).Index.ShouldBe(0);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("0")]
    [InlineData("99999999999")]
    [InlineData("?!?!...,,,")]
    [InlineData("\U0001F602\U0001F602\U0001F602")]
    [InlineData("at")]
    [InlineData("next")]
    [InlineData("la")]
    [InlineData("day after")]
    [InlineData("pasado")]
    [InlineData("option")]
    [InlineData(")))")]
    [InlineData("3 am pm")]
    public void Parse_OddReply_IsReadWithoutThrowing(string reply)
    {
        Should.NotThrow(() => _parser.Parse(reply, Offered, Eastern, Now));
        Should.NotThrow(() => _parser.Parse(reply, [], Eastern, Now));
    }

    [Fact]
    public void Parse_LongRambleWithNumbers_IsNotAPick()
    {
        var reply = string.Concat(Enumerable.Repeat("we have 2 kids and 3 dogs and need 4 bedrooms near the 5 freeway; ", 40));

        _parser.Parse(reply, Offered, Eastern, Now).Kind.ShouldBe(SlotPickKind.Unclear);
    }
}
