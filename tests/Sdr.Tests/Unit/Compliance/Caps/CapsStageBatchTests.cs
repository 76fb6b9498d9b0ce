using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using static Sdr.Tests.Unit.Compliance.Caps.CapsTestData;

namespace Sdr.Tests.Unit.Compliance.Caps;

/// <summary>A group of touches through a counter that takes in groups: the outcome of taking them one by one, in order.</summary>
public sealed class CapsStageBatchTests
{
    [Fact]
    public async Task AGroup_IsDecidedAsIfOneByOne_WithTheLocationCapFilledInRequestOrder()
    {
        var oneByOne = Seeded();
        var grouped = Seeded();
        var counter = new GroupTakingCounter(grouped);
        var requests = Group();

        var expected = new List<StageDecision>();
        var single = Stage(oneByOne, dailySms: 3);
        foreach (var request in requests)
        {
            expected.Add(await single.EvaluateAsync(request, CancellationToken.None));
        }

        var decisions = await StageOver(counter, grouped, dailySms: 3).EvaluateManyAsync(requests, CancellationToken.None);

        decisions.ShouldBe(expected);
        decisions.Select(d => d.Verdict).ShouldBe([
            StageVerdict.Continue, // a
            StageVerdict.Deferred, // b: its daily touch already went out
            StageVerdict.Deferred, // c: Florida, three messages in the last 24 h
            StageVerdict.Continue, // d: email, no SMS cap
            StageVerdict.Continue, // e
            StageVerdict.Continue, // f: the third SMS of the day for the location
            StageVerdict.Deferred, // g: over the location's cap, its daily unit given back
        ]);
        grouped.Keys.Order().Select(k => (k, grouped.Count(k), grouped.RollingCount(k)))
            .ShouldBe(oneByOne.Keys.Order().Select(k => (k, oneByOne.Count(k), oneByOne.RollingCount(k))));
        counter.GroupTakes.ShouldBe(2, "the contacts' daily units in one take, the location's SMS units in another");
    }

    [Fact]
    public async Task AContactTwiceInAGroup_IsDecidedOneByOne()
    {
        var counters = new FakeCapCounters();
        var counter = new GroupTakingCounter(counters);
        var twice = new[] { Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a"), Request(Channel.Email, "2026-07-06T14:00:00", contactId: "a") };

        var decisions = await StageOver(counter, counters).EvaluateManyAsync(twice, CancellationToken.None);

        decisions.Select(d => d.Verdict).ShouldBe([StageVerdict.Continue, StageVerdict.Deferred]);
        counter.GroupTakes.ShouldBe(0);
    }

    private static List<OutboundRequest> Group() =>
    [
        Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a"),
        Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "b"),
        Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "c", recipient: Florida),
        Request(Channel.Email, "2026-07-06T14:00:00", contactId: "d"),
        Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "e"),
        Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "f", recipient: Florida),
        Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "g"),
    ];

    /// <summary>b has had its touch today; c (Florida) three messages in the last 24 hours.</summary>
    private static FakeCapCounters Seeded()
    {
        var counters = new FakeCapCounters();
        var now = Utc("2026-07-06T14:00:00");
        counters.TryTakeAsync(CapKeys.DailyContact("location-1", "b", now), 1, TimeSpan.FromHours(12), CancellationToken.None).AsTask().Wait();
        for (var i = 1; i <= 3; i++)
        {
            counters.TryTakeAsync(CapKeys.Rolling24h("location-1", "c"), 3, TimeSpan.FromHours(24), now.AddHours(-i), CancellationToken.None).AsTask().Wait();
        }

        return counters;
    }

    private static CapsStage StageOver(ICapCounter counter, FakeCapCounters rolling, int dailySms = 500) =>
        new(counter, rolling, Options.Create(new RateLimitOptions { MaxTouchesPerContactPerDay = 1, DailySmsCap = dailySms }), Options.Create(new CapsOptions()));

    /// <summary>The fake's counts, with group takes made of single ones (and counted).</summary>
    private sealed class GroupTakingCounter(FakeCapCounters counters) : IBatchCapCounter
    {
        public int GroupTakes { get; private set; }

        public ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
            counters.TryTakeAsync(key, limit, window, cancellationToken);

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) => counters.ReleaseAsync(key, cancellationToken);

        public async ValueTask<bool[]> TryTakeEachAsync(IReadOnlyList<string> keys, int limit, TimeSpan window, CancellationToken cancellationToken)
        {
            GroupTakes++;
            var counted = new bool[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                counted[i] = await counters.TryTakeAsync(keys[i], limit, window, cancellationToken);
            }

            return counted;
        }

        public ValueTask<bool> TryTakeAllAsync(string key, int units, int limit, TimeSpan window, CancellationToken cancellationToken)
        {
            GroupTakes++;
            if (counters.Count(key) + units > limit)
            {
                return ValueTask.FromResult(false);
            }

            for (var i = 0; i < units; i++)
            {
                _ = counters.TryTakeAsync(key, limit, window, cancellationToken);
            }

            return ValueTask.FromResult(true);
        }
    }
}
