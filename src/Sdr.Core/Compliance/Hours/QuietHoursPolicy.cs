using Microsoft.Extensions.Options;

namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// When a touch may reach a recipient: inside the federal window and every applicable state's
/// window (and off its banned days) in every zone the recipient may be in.
/// </summary>
public sealed class QuietHoursPolicy
{
    /// <summary>How far ahead the search goes; the longest legal gap (a Sunday ban then a Monday holiday) is far shorter.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    private readonly HoursRule _federal;
    private readonly IReadOnlyDictionary<string, HoursRule> _states;
    private readonly RecipientTimeZoneResolver _zones;
    private readonly RecipientStateResolver _recipientStates;

    // What depends only on configuration, built once: the rules for no known state and for each state.
    private readonly RuleSet _unknownStateRules;
    private readonly RuleSet _federalOnly;
    private readonly Dictionary<string, RuleSet> _singleStateRules;

    public QuietHoursPolicy(IOptions<HoursOptions> options)
        : this(options, new RecipientTimeZoneResolver(), new RecipientStateResolver())
    {
    }

    public QuietHoursPolicy(IOptions<HoursOptions> options, RecipientTimeZoneResolver zones, RecipientStateResolver states)
    {
        var failures = HoursOptionsValidation.Failures(options.Value).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(HoursOptions.SectionName, typeof(HoursOptions), failures);
        }

        _federal = HoursRules.Federal(options.Value);
        _states = HoursRules.States(options.Value);
        _zones = zones;
        _recipientStates = states;
        _unknownStateRules = new RuleSet([_federal, .. _states.Values]);
        _federalOnly = new RuleSet([_federal]);
        _singleStateRules = _states.ToDictionary(e => e.Key, e => new RuleSet([_federal, e.Value]), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when a touch may go now, else the first whole minute (UTC) at which it may.</summary>
    public DateTime? NextAllowedUtc(DateTime utcNow, RecipientInfo recipient) => Check(utcNow, recipient).NextAllowedUtc;

    public HoursCheck Check(DateTime utcNow, RecipientInfo recipient)
    {
        var now = UtcTime.AsUtc(utcNow);
        var zones = _zones.Resolve(recipient);
        var ruleSet = RulesFor(recipient);
        var rules = ruleSet.Rules;
        var blocking = FirstBlocked(now, zones, rules);
        if (blocking is null)
        {
            return new HoursCheck(null, null, zones, ruleSet.Names);
        }

        return new HoursCheck(Search(now, zones, rules), blocking, zones, ruleSet.Names);
    }

    private RuleSet RulesFor(RecipientInfo recipient)
    {
        var states = _recipientStates.Resolve(recipient);
        if (states.Count == 0)
        {
            return _unknownStateRules;
        }

        if (states.Count == 1)
        {
            return _singleStateRules.GetValueOrDefault(states[0]) ?? _federalOnly;
        }

        return new RuleSet([_federal, .. states.Select(s => _states.GetValueOrDefault(s)).OfType<HoursRule>()]);
    }

    // Each pass jumps to the latest "earliest opening" among the closed zones: never past the
    // answer, since the answer must open every one of them; at least a minute, since this one failed.
    private static DateTime Search(DateTime now, IReadOnlyList<TimeZoneInfo> zones, HoursRule[] rules)
    {
        var candidate = CeilingToMinute(now);
        var limit = candidate + Horizon;
        while (candidate < limit)
        {
            var next = candidate + OneMinute;
            var open = true;
            foreach (var zone in zones)
            {
                if (!IsOpen(candidate, zone, rules))
                {
                    open = false;
                    var opening = NextOpening(candidate, zone, rules);
                    next = opening > next ? opening : next;
                }
            }

            if (open)
            {
                return candidate;
            }

            candidate = next;
        }

        return limit;
    }

    private static TimeZoneInfo? FirstBlocked(DateTime instant, IReadOnlyList<TimeZoneInfo> zones, HoursRule[] rules)
    {
        foreach (var zone in zones)
        {
            if (!IsOpen(instant, zone, rules))
            {
                return zone;
            }
        }

        return null;
    }

    private static bool IsOpen(DateTime instant, TimeZoneInfo zone, HoursRule[] rules)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        return WindowOn(DateOnly.FromDateTime(local), rules) is { } window && window.Contains(TimeOnly.FromDateTime(local));
    }

    /// <summary>The earliest instant after <paramref name="instant"/> at which the zone's local clock reads an allowed time.</summary>
    private static DateTime NextOpening(DateTime instant, TimeZoneInfo zone, HoursRule[] rules)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        var today = DateOnly.FromDateTime(local);
        var clock = TimeOnly.FromDateTime(local);
        for (var day = 0; day <= Horizon.Days + 1; day++)
        {
            var date = today.AddDays(day);
            if (WindowOn(date, rules) is not { } window || (day == 0 && clock >= window.End))
            {
                continue;
            }

            var start = day == 0 && clock > window.Start ? clock : window.Start;
            return LocalToUtc(date.ToDateTime(start), zone);
        }

        return instant + Horizon + Horizon;
    }

    private static DailyWindow? WindowOn(DateOnly date, HoursRule[] rules)
    {
        DailyWindow? combined = null;
        foreach (var rule in rules)
        {
            if (rule.WindowOn(date) is not { } window)
            {
                return null;
            }

            combined = combined is { } sofar ? sofar.Intersect(window) : window;
        }

        return combined is { IsEmpty: false } ? combined : null;
    }

    // A time skipped by a spring-forward is first read when the clock lands after the gap; a time
    // repeated by a fall-back is first read at its earlier occurrence.
    private static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static DateTime CeilingToMinute(DateTime value)
    {
        var remainder = value.Ticks % TimeSpan.TicksPerMinute;
        return remainder == 0 ? value : value.AddTicks(TimeSpan.TicksPerMinute - remainder);
    }

    private sealed class RuleSet(HoursRule[] rules)
    {
        public HoursRule[] Rules { get; } = rules;

        public string[] Names { get; } = [.. rules.Select(r => r.Name)];
    }
}
