using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using static Sdr.Tests.Unit.Compliance.Caps.CapsTestData;

namespace Sdr.Tests.Unit.Compliance.Caps;

/// <summary>The abstractions the caps stage asks: group takes on any counter, and the per-contact daily tallies.</summary>
public sealed class ContactDailyCapTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(12);

    [Fact]
    public async Task ACounterWithoutGroupTakes_TakesAllOrNone()
    {
        var counters = new FakeCapCounters();
        await counters.TryTakeAsync("sms", 3, Window, CancellationToken.None);

        (await counters.TryTakeAllAsync("sms", 3, 3, Window, CancellationToken.None)).ShouldBeFalse();
        counters.Count("sms").ShouldBe(1, "the units it could take are given back");
        (await counters.TryTakeAllAsync("sms", 2, 3, Window, CancellationToken.None)).ShouldBeTrue();
        counters.Count("sms").ShouldBe(3);
        (await counters.TryTakeEachAsync(["a", "b", "sms"], 3, Window, CancellationToken.None)).ShouldBe([true, true, false]);
    }

    [Fact]
    public async Task TheCounterTally_CountsUnderTheContactsDailyKey_AndGivesItBack()
    {
        var counters = new FakeCapCounters();
        var daily = new CounterContactDailyCap(counters);
        var request = Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a");
        var key = CapKeys.DailyContact("location-1", "a", Utc("2026-07-06T14:00:00"));
        var tally = await daily.BeginAsync([request], CancellationToken.None);

        (await tally.TryTakeAsync(request, 1, Window, CancellationToken.None)).ShouldBeTrue();
        (await tally.TryTakeAsync(request, 1, Window, CancellationToken.None)).ShouldBeFalse();
        counters.Count(key).ShouldBe(1);
        await daily.ReleaseAsync(request, CancellationToken.None);
        counters.Count(key).ShouldBe(0);
    }

    [Fact]
    public async Task TheLedgerTally_CountsTheStoredTouchesAndTheGroupsOwn_AndUncountsAStoppedOne()
    {
        var first = Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a");
        var second = first with { Step = SequenceStep.Email1 };
        var counts = new ContactDayCounts();
        counts.AddStored("location-1", "b", first.TouchDate, 7, "sms_1");

        (await counts.TryTakeEachAsync([first, second], 2, Window, CancellationToken.None)).ShouldBe([true, true]);
        (await counts.TryTakeAsync(first with { Step = SequenceStep.Sms2 }, 2, Window, CancellationToken.None)).ShouldBeFalse("two of the day already let through");
        await counts.ReleaseAsync(second, CancellationToken.None);
        (await counts.TryTakeAsync(second, 2, Window, CancellationToken.None)).ShouldBeTrue();

        var other = Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "b");
        (await counts.TryTakeAsync(other, 1, Window, CancellationToken.None)).ShouldBeFalse("b has a touch in the ledger today");
    }
}
