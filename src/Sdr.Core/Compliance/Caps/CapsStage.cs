using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using Sdr.Core.Sequences;

namespace Sdr.Core.Compliance.Caps;

/// <summary>
/// Stage 3 of the compliance pipeline: takes one unit of every cap that applies to the touch, or
/// defers it until the cap frees. The caps: <c>max_touches_per_contact_per_day</c> for cadence
/// touches, <c>daily_sms_cap</c> per location for every SMS, and the rolling 24 h limit of the
/// configured states for SMS and voicemail. Units are taken as the touch passes; a touch stopped
/// later (content, idempotency, GHL refusal) must be given back with <see cref="ReleaseAsync"/>.
/// </summary>
public sealed class CapsStage(
    ICapCounter counter,
    IRollingWindowCounter rolling,
    IOptions<RateLimitOptions> limits,
    IOptions<CapsOptions> caps,
    RecipientStateResolver states) : IReleasingStage
{
    private static readonly TimeSpan RollingWindow = TimeSpan.FromHours(24);

    // Daily keys outlive their UTC day a little, so instances with slightly different clocks share them.
    private static readonly TimeSpan DayGrace = TimeSpan.FromHours(1);

    private readonly ICapCounter _counter = counter;
    private readonly IRollingWindowCounter _rolling = rolling;
    private readonly IOptions<RateLimitOptions> _limits = limits;
    private readonly IOptions<CapsOptions> _caps = caps;
    private readonly RecipientStateResolver _states = states;

    public CapsStage(ICapCounter counter, IRollingWindowCounter rolling, IOptions<RateLimitOptions> limits, IOptions<CapsOptions> caps)
        : this(counter, rolling, limits, caps, new RecipientStateResolver())
    {
    }

    public int Order => 30;

    public string Name => "caps";

    public async ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var now = CapClock.AsUtc(request.Now);
        var midnight = CapClock.NextUtcMidnight(now);
        var dayWindow = midnight - now + DayGrace;
        var limits = _limits.Value;
        var contactId = request.Sequence.ContactId;
        var locationId = request.Sequence.LocationId;
        // Given back without the caller's token: a cancelled touch must not keep its units.
        string? dailyKey = null;
        string? rollingKey = null;
        try
        {
            if (request.IsCadenceTouch)
            {
                var key = CapKeys.DailyContact(locationId, contactId, now);
                if (!await _counter.TryTakeAsync(key, limits.MaxTouchesPerContactPerDay, dayWindow, cancellationToken))
                {
                    return StageDecision.Defer($"daily touch cap of {limits.MaxTouchesPerContactPerDay} reached for contact {contactId}", midnight);
                }

                dailyKey = key;
            }

            if (RollingStates(request) is { } states)
            {
                var key = CapKeys.Rolling24h(locationId, contactId);
                var limit = _caps.Value.Rolling24hLimit;
                var take = await _rolling.TryTakeAsync(key, limit, RollingWindow, now, cancellationToken);
                if (!take.Taken)
                {
                    await ReleaseTakenAsync(dailyKey, null, now);
                    return StageDecision.Defer($"{states.Describe()} limit of {limit} messages per rolling 24 h reached for contact {contactId}", take.FreesAt ?? now + RollingWindow);
                }

                rollingKey = key;
            }

            if (request.Channel == Channel.Sms)
            {
                var key = CapKeys.DailySms(limits.RedisKeyPrefix, locationId, now);
                if (!await _counter.TryTakeAsync(key, limits.DailySmsCap, dayWindow, cancellationToken))
                {
                    await ReleaseTakenAsync(dailyKey, rollingKey, now);
                    return StageDecision.Defer($"daily SMS cap of {limits.DailySmsCap} reached for location {locationId}", midnight);
                }
            }

            return StageDecision.Continue;
        }
        catch
        {
            // A counter failed half-way: the touch will not go out, so neither may its earlier units stay taken.
            await ReleaseTakenAsync(dailyKey, rollingKey, now);
            throw;
        }
    }

    /// <summary>Gives back the units <see cref="EvaluateAsync"/> took for a touch that then did not go out.</summary>
    public async ValueTask ReleaseAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var now = CapClock.AsUtc(request.Now);
        var locationId = request.Sequence.LocationId;
        var contactId = request.Sequence.ContactId;
        if (request.IsCadenceTouch)
        {
            await _counter.ReleaseAsync(CapKeys.DailyContact(locationId, contactId, now), cancellationToken);
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

    private async ValueTask ReleaseTakenAsync(string? dailyKey, string? rollingKey, DateTime now)
    {
        if (dailyKey is not null)
        {
            await _counter.ReleaseAsync(dailyKey, CancellationToken.None);
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
