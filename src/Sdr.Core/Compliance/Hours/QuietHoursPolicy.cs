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
    }

    /// <summary>Null when a touch may go now, else the first whole minute (UTC) at which it may.</summary>
    public DateTime? NextAllowedUtc(DateTime utcNow, RecipientInfo recipient) => Check(utcNow, recipient).NextAllowedUtc;

    public HoursCheck Check(DateTime utcNow, RecipientInfo recipient)
    {
        var now = UtcTime.AsUtc(utcNow);
        var zones = _zones.Resolve(recipient);
        var rules = RulesFor(recipient);
        var names = rules.Select(r => r.Name).ToArray();
        var blocking = FirstBlocked(now, zones, rules);
        if (blocking is null)
        {
            return new HoursCheck(null, null, zones, names);
        }

        return new HoursCheck(Search(now, zones, rules), blocking, zones, names);
    }

    private IReadOnlyList<HoursRule> RulesFor(RecipientInfo recipient)
    {
        var states = _recipientStates.Resolve(recipient);
        var applicable = states.Count == 0
            ? _states.Values
            : states.Select(s => _states.GetValueOrDefault(s)).OfType<HoursRule>();
        return [_federal, .. applicable];
    }

    // Each pass jumps to the latest "earliest opening" among the closed zones: never past the
    // answer, since the answer must open every one of them; at least a minute, since this one failed.
    private static DateTime Search(DateTime now, IReadOnlyList<TimeZoneInfo> zones, IReadOnlyList<HoursRule> rules)
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

    private static TimeZoneInfo? FirstBlocked(DateTime instant, IReadOnlyList<TimeZoneInfo> zones, IReadOnlyList<HoursRule> rules) =>
        zones.FirstOrDefault(zone => !IsOpen(instant, zone, rules));

    private static bool IsOpen(DateTime instant, TimeZoneInfo zone, IReadOnlyList<HoursRule> rules)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        return WindowOn(DateOnly.FromDateTime(local), rules) is { } window && window.Contains(TimeOnly.FromDateTime(local));
    }

    /// <summary>The earliest instant after <paramref name="instant"/> at which the zone's local clock reads an allowed time.</summary>
    private static DateTime NextOpening(DateTime instant, TimeZoneInfo zone, IReadOnlyList<HoursRule> rules)
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

    private static DailyWindow? WindowOn(DateOnly date, IReadOnlyList<HoursRule> rules)
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
}
