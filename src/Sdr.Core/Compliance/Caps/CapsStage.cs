using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// Stage 3 of the compliance pipeline: takes one unit of every cap that applies to the touch, or
/// defers it until the cap frees. The caps: <c>max_touches_per_contact_per_day</c> for cadence
/// touches (<see cref="IContactDailyCap"/>), <c>daily_sms_cap</c> per location for every SMS, and the
/// rolling 24 h limit of the configured states for SMS and voicemail; the last two count our answers,
/// questions and offers too, and none counts a STOP confirmation or HELP reply (<see cref="MessagePurposeRules"/>). Units are taken as the touch
/// passes; a touch stopped later (content, idempotency, GHL refusal) must be given back with
/// <see cref="ReleaseAsync"/>. Where the counts live (Redis, the database, the touches themselves) is
/// the counters' business.
/// </summary>
public sealed class CapsStage(
    ICapCounter counter,
    IRollingWindowCounter rolling,
    IContactDailyCap daily,
    IOptions<RateLimitOptions> limits,
    IOptions<CapsOptions> caps,
    RecipientStateResolver states) : IReleasingStage
{
    private static readonly TimeSpan RollingWindow = TimeSpan.FromHours(24);

    // Daily keys outlive their UTC day a little, so instances with slightly different clocks share them.
    private static readonly TimeSpan DayGrace = TimeSpan.FromHours(1);

    private readonly ICapCounter _counter = counter;
    private readonly IRollingWindowCounter _rolling = rolling;
    private readonly IContactDailyCap _daily = daily;
    private readonly IOptions<RateLimitOptions> _limits = limits;
    private readonly IOptions<CapsOptions> _caps = caps;
    private readonly RecipientStateResolver _states = states;

    /// <summary>The per-contact daily cap in <paramref name="counter"/> too.</summary>
    public CapsStage(ICapCounter counter, IRollingWindowCounter rolling, IOptions<RateLimitOptions> limits, IOptions<CapsOptions> caps)
        : this(counter, rolling, new CounterContactDailyCap(counter), limits, caps, new RecipientStateResolver())
    {
    }

    /// <summary>The stage's name, which starts the reasons of its deferrals (<c>caps: daily SMS cap of ...</c>).</summary>
    public const string StageName = "caps";

    /// <summary>How the reason of a deferral by a location's <c>daily_sms_cap</c> starts (after the stage's name); alerts count them.</summary>
    public const string SmsCapReasonStart = "daily SMS cap of ";

    public int Order => 30;

    public string Name => StageName;

    public async ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken) =>
        (await EvaluateManyAsync([request], cancellationToken))[0];

    /// <summary>
    /// A group's takes with few round trips: the contacts' daily units together, then the rolling limits
    /// touch by touch, then each location's SMS units together, all or none; when they do not all fit,
    /// touch by touch in request order, so exactly the first ones that fit are counted. The outcome is the
    /// one evaluating the touches one by one in order would give, because the touches of a group share no
    /// key but their location's; a group with a contact twice, or with touches at different times, is
    /// evaluated one by one.
    /// </summary>
    public async ValueTask<IReadOnlyList<StageDecision>> EvaluateManyAsync(IReadOnlyList<OutboundRequest> requests, CancellationToken cancellationToken)
    {
        var tally = await _daily.BeginAsync(requests, cancellationToken);
        if (requests.Count < 2 || !SharesNoContactAndTime(requests))
        {
            var each = new StageDecision[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                each[i] = await EvaluateOneAsync(requests[i], tally, cancellationToken);
            }

            return each;
        }

        return await EvaluateGroupAsync(requests, tally, cancellationToken);
    }

    /// <summary>One touch, every cap in turn; a cap that refuses gives back what the earlier ones took.</summary>
    private async ValueTask<StageDecision> EvaluateOneAsync(OutboundRequest request, IContactDailyTally tally, CancellationToken cancellationToken)
    {
        var now = CapClock.AsUtc(request.Now);
        var midnight = CapClock.NextUtcMidnight(now);
        var dayWindow = midnight - now + DayGrace;
        var limits = _limits.Value;
        var contactId = request.ContactId;
        var locationId = request.LocationId;
        if (!request.Purpose.AppliesCaps())
        {
            return StageDecision.Continue;
        }

        // Given back without the caller's token: a cancelled touch must not keep its units.
        var daily = false;
        string? rollingKey = null;
        try
        {
            if (request.Purpose.CountsTowardContactDailyCap())
            {
                if (!await tally.TryTakeAsync(request, limits.MaxTouchesPerContactPerDay, dayWindow, cancellationToken))
                {
                    return DailyCapReached(limits, contactId, midnight);
                }

                daily = true;
            }

            if (RollingStates(request) is { } states)
            {
                var key = CapKeys.Rolling24h(locationId, contactId);
                var limit = _caps.Value.Rolling24hLimit;
                var take = await _rolling.TryTakeAsync(key, limit, RollingWindow, now, cancellationToken);
                if (!take.Taken)
                {
                    await ReleaseTakenAsync(tally, request, daily, null, now);
                    return RollingLimitReached(states, limit, contactId, take, now);
                }

                rollingKey = key;
            }

            if (request.Channel == Channel.Sms)
            {
                var key = CapKeys.DailySms(limits.RedisKeyPrefix, locationId, now);
                if (!await _counter.TryTakeAsync(key, limits.DailySmsCap, dayWindow, cancellationToken))
                {
                    await ReleaseTakenAsync(tally, request, daily, rollingKey, now);
                    return SmsCapReached(limits, locationId, midnight);
                }
            }

            return StageDecision.Continue;
        }
        catch
        {
            // A counter failed half-way: the touch will not go out, so neither may its earlier units stay taken.
            await ReleaseTakenAsync(tally, request, daily, rollingKey, now);
            throw;
        }
    }

    /// <summary>A group of distinct contacts at one time (see <see cref="EvaluateManyAsync"/>).</summary>
    private async ValueTask<IReadOnlyList<StageDecision>> EvaluateGroupAsync(IReadOnlyList<OutboundRequest> requests, IContactDailyTally tally, CancellationToken cancellationToken)
    {
        var now = CapClock.AsUtc(requests[0].Now);
        var midnight = CapClock.NextUtcMidnight(now);
        var dayWindow = midnight - now + DayGrace;
        var limits = _limits.Value;
        var decisions = new StageDecision[requests.Count];
        Array.Fill(decisions, StageDecision.Continue);
        var counted = requests.Select(r => r.Purpose.AppliesCaps()).ToArray();
        var daily = new bool[requests.Count];
        var rollingKeys = new string?[requests.Count];
        var smsTaken = new List<string>();
        try
        {
            var cadence = Enumerable.Range(0, requests.Count).Where(i => requests[i].Purpose.CountsTowardContactDailyCap()).ToList();
            if (cadence.Count > 0)
            {
                var taken = await tally.TryTakeEachAsync([.. cadence.Select(i => requests[i])], limits.MaxTouchesPerContactPerDay, dayWindow, cancellationToken);
                for (var j = 0; j < cadence.Count; j++)
                {
                    daily[cadence[j]] = taken[j];
                    if (!taken[j])
                    {
                        decisions[cadence[j]] = DailyCapReached(limits, requests[cadence[j]].ContactId, midnight);
                    }
                }
            }

            for (var i = 0; i < requests.Count; i++)
            {
                if (!counted[i] || decisions[i].Verdict != StageVerdict.Continue || RollingStates(requests[i]) is not { } states)
                {
                    continue;
                }

                var key = CapKeys.Rolling24h(requests[i].LocationId, requests[i].ContactId);
                var limit = _caps.Value.Rolling24hLimit;
                var take = await _rolling.TryTakeAsync(key, limit, RollingWindow, now, cancellationToken);
                if (take.Taken)
                {
                    rollingKeys[i] = key;
                    continue;
                }

                await ReleaseTakenAsync(tally, requests[i], daily[i], null, now);
                daily[i] = false;
                decisions[i] = RollingLimitReached(states, limit, requests[i].ContactId, take, now);
            }

            var sms = Enumerable.Range(0, requests.Count)
                .Where(i => counted[i] && decisions[i].Verdict == StageVerdict.Continue && requests[i].Channel == Channel.Sms)
                .GroupBy(i => requests[i].LocationId, StringComparer.Ordinal);
            foreach (var location in sms)
            {
                var key = CapKeys.DailySms(limits.RedisKeyPrefix, location.Key, now);
                var group = location.ToList();
                if (await _counter.TryTakeAllAsync(key, group.Count, limits.DailySmsCap, dayWindow, cancellationToken))
                {
                    smsTaken.AddRange(Enumerable.Repeat(key, group.Count));
                    continue;
                }

                // Near the cap: one by one, so exactly the first ones that fit go out.
                foreach (var i in group)
                {
                    if (await _counter.TryTakeAsync(key, limits.DailySmsCap, dayWindow, cancellationToken))
                    {
                        smsTaken.Add(key);
                        continue;
                    }

                    await ReleaseTakenAsync(tally, requests[i], daily[i], rollingKeys[i], now);
                    (daily[i], rollingKeys[i]) = (false, null);
                    decisions[i] = SmsCapReached(limits, location.Key, midnight);
                }
            }

            return decisions;
        }
        catch
        {
            // A counter failed half-way: none of the group goes out, so none of its units may stay taken.
            for (var i = 0; i < requests.Count; i++)
            {
                await ReleaseTakenAsync(tally, requests[i], daily[i], rollingKeys[i], now);
            }

            foreach (var key in smsTaken)
            {
                await _counter.ReleaseAsync(key, CancellationToken.None);
            }

            throw;
        }
    }

    private static StageDecision DailyCapReached(RateLimitOptions limits, string contactId, DateTime midnight) =>
        StageDecision.Defer($"daily touch cap of {limits.MaxTouchesPerContactPerDay} reached for contact {contactId}", midnight);

    private static StageDecision RollingLimitReached(RollingStateMatch states, int limit, string contactId, RollingTake take, DateTime now) =>
        StageDecision.Defer($"{states.Describe()} limit of {limit} messages per rolling 24 h reached for contact {contactId}", take.FreesAt ?? now + RollingWindow);

    private static StageDecision SmsCapReached(RateLimitOptions limits, string locationId, DateTime midnight) =>
        StageDecision.Defer($"{SmsCapReasonStart}{limits.DailySmsCap} reached for location {locationId}", midnight);

    private static bool SharesNoContactAndTime(IReadOnlyList<OutboundRequest> requests)
    {
        var contacts = new HashSet<(string, string)>();
        foreach (var request in requests)
        {
            if (request.Now != requests[0].Now || !contacts.Add((request.LocationId, request.ContactId)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gives back the units <see cref="EvaluateAsync"/> took for a touch that then did not go out.</summary>
    public async ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        if (!request.Purpose.AppliesCaps())
        {
            return;
        }

        var now = CapClock.AsUtc(request.Now);
        var locationId = request.LocationId;
        var contactId = request.ContactId;
        if (request.Purpose.CountsTowardContactDailyCap())
        {
            await _daily.ReleaseAsync(request, cancellationToken);
        }

        if (RollingStates(request) is not null)
        {
            await _rolling.ReleaseAsync(CapKeys.Rolling24h(locationId, contactId), RollingWindow, now, cancellationToken);
        }

        if (request.Channel == Channel.Sms)
        {
            await _counter.ReleaseAsync(CapKeys.DailySms(_limits.Value.RedisKeyPrefix, locationId, now), cancellationToken);
        }
    }

    /// <summary>
    /// The rolling-limit states the touch falls under, or null when none. Those laws limit
    /// telephone solicitations, so text messages and voicemail drops count and email does not.
    /// </summary>
    private RollingStateMatch? RollingStates(OutboundRequest request)
    {
        if (request.Channel is not (Channel.Sms or Channel.Voicemail))
        {
            return null;
        }

        var options = _caps.Value;
        var states = _states.Resolve(request.Recipient);
        if (states.Count == 0)
        {
            return options.Rolling24hWhenStateUnknown && options.Rolling24hStates.Count > 0 ? new RollingStateMatch(states, options.Rolling24hStates) : null;
        }

        foreach (var state in states)
        {
            if (IsRollingState(state, options))
            {
                return new RollingStateMatch(states, options.Rolling24hStates);
            }
        }

        return null;
    }

    private static bool IsRollingState(string state, CapsOptions options)
    {
        foreach (var rolling in options.Rolling24hStates)
        {
            if (string.Equals(rolling, state, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask ReleaseTakenAsync(IContactDailyTally tally, OutboundRequest request, bool daily, string? rollingKey, DateTime now)
    {
        if (daily)
        {
            await tally.ReleaseAsync(request, CancellationToken.None);
        }

        if (rollingKey is not null)
        {
            await _rolling.ReleaseAsync(rollingKey, RollingWindow, now, CancellationToken.None);
        }
    }

    /// <summary>The recipient's states when a rolling limit applies; the text ("FL", "FL/GA", "unknown state") only for a deferral.</summary>
    private readonly record struct RollingStateMatch(IReadOnlyList<string> States, IReadOnlyList<string> RollingStates)
    {
        public string Describe()
        {
            if (States.Count == 0)
            {
                return "unknown state";
            }

            var rolling = RollingStates;
            return string.Join("/", States.Where(s => rolling.Contains(s, StringComparer.OrdinalIgnoreCase)));
        }
    }
}
