using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Insight;
using Sdr.Core.Sequences;
using Sdr.Sandbox;

namespace Sdr.Server.Simulation;

/// <summary>Reads the report out of the simulation's database, its population and the GHL call counter.</summary>
internal static partial class SimulationReportBuilder
{
    private const int MaxViolationsListed = 50;

    public static async Task<SimulationReport> BuildAsync(
        IServiceProvider services, SimulationRun run, SimulationPopulation population, GhlCallCounter counter, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var defaultVariant = scope.ServiceProvider.GetRequiredService<IOptions<SequenceOptions>>().Value.DefaultVariant;
        var hours = new QuietHoursPolicy(scope.ServiceProvider.GetRequiredService<IOptions<HoursOptions>>());
        var data = await SimulationData.LoadAsync(db, cancellationToken);
        var settings = run.Settings;

        // The product's own numbers, as GET /sdr/stats/sequences and GET /sdr/stats answer them for the whole run.
        var tracker = scope.ServiceProvider.GetRequiredService<SdrPerformanceTracker>();
        var funnel = await tracker.GetSequenceFunnelAsync(null, settings.Days, null, cancellationToken);
        var stats = (await tracker.GetStatsAsync(null, settings.Days, cancellationToken)).Window;
        var summary = new RunSummary(
            settings.Contacts,
            settings.Days,
            Iso(run.StartAt),
            Iso(run.EndAt),
            settings.Locations,
            settings.Seed,
            settings.Personas,
            settings.ReplyRate,
            settings.Variants,
            defaultVariant,
            settings.ConfigFile?.FullName,
            run.DatabasePath,
            run.Steps,
            Iso(DateTimeOffset.UtcNow),
            Math.Round(run.Wall.TotalSeconds, 2),
            run.PhaseSeconds);
        return new SimulationReport(
            summary,
            Funnel(funnel, data, run, population),
            Compliance(data, stats, population, hours),
            Variants(funnel, data),
            Ghl(counter, population),
            stats);
    }

    private static FunnelReport Funnel(SequenceFunnelReport funnel, SimulationData data, SimulationRun run, SimulationPopulation population)
    {
        var byContact = data.Sequences.GroupBy(s => s.ContactId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList(), StringComparer.Ordinal);
        var personas = population.Contacts.GroupBy(c => c.Persona).OrderBy(g => g.Key).Select(g =>
        {
            var ids = g.SelectMany(c => byContact.GetValueOrDefault(c.ContactId) ?? []).ToList();
            return new PersonaOutcome(
                g.Key.Key(),
                g.Count(),
                ids.Count,
                ids.Count(data.FirstReply.ContainsKey),
                ids.Count(data.Qualified.ContainsKey),
                ids.Count(data.Booked.ContainsKey),
                ids.Count(data.OptedOut.ContainsKey));
        }).ToList();

        return new FunnelReport(
            "SdrPerformanceTracker (GET /sdr/stats/sequences) over the simulation's database; each outcome is counted at the last step sent before it",
            funnel.Enrolled,
            run.NotEnrolled,
            run.SkippedAtEnrolment,
            funnel.Variants.Sum(v => v.Replied),
            data.AutoResponderSequences,
            funnel.Variants.Sum(v => v.Qualified),
            funnel.Variants.Sum(v => v.Booked),
            funnel.Variants.Sum(v => v.OptedOut),
            data.Sequences.Count(s => s.IsActive),
            data.Sequences.Count(s => s.EndReason == SdrOutreachSequence.CompletedReason),
            funnel.Funnel,
            data.RepliesByCategory,
            personas);
    }

    private static ComplianceReport Compliance(SimulationData data, SdrMetricWindow stats, SimulationPopulation population, QuietHoursPolicy hours)
    {
        var homes = population.Contacts.ToDictionary(c => c.ContactId, StringComparer.Ordinal);
        var violations = new List<HoursViolation>();
        var byZone = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        int checkedSends = 0, outside = 0, unchecked_ = 0;
        foreach (var send in data.HoursSends)
        {
            if (!homes.TryGetValue(send.ContactId, out var home) || home.TimeZone is null)
            {
                unchecked_++;
                continue;
            }

            checkedSends++;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(home.TimeZone);
            var local = TimeZoneInfo.ConvertTimeFromUtc(send.SentAt, zone);
            if (!byZone.TryGetValue(home.TimeZone, out var counts))
            {
                byZone[home.TimeZone] = counts = new int[24];
            }

            counts[local.Hour]++;
            var blocking = home.TimeZones.FirstOrDefault(z => !hours.Check(send.SentAt, new RecipientInfo(z, home.State, null)).IsAllowed);
            if (blocking is not null)
            {
                outside++;
                if (violations.Count < MaxViolationsListed)
                {
                    var blockingLocal = TimeZoneInfo.ConvertTimeFromUtc(send.SentAt, TimeZoneInfo.FindSystemTimeZoneById(blocking));
                    violations.Add(new HoursViolation(
                        send.ContactId, send.Kind, Iso(send.SentAt), blockingLocal.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), blocking, home.State, home.HomeBasis));
                }
            }
        }

        var contactsByZone = population.Contacts.Where(c => c.TimeZone is not null).GroupBy(c => ZoneLabel(c.TimeZone!)).ToDictionary(g => g.Key, g => g.Count());
        var zones = byZone.GroupBy(z => ZoneLabel(z.Key))
            .Select(g => new ZoneHours(
                g.Key,
                string.Join(", ", g.Select(z => z.Key)),
                contactsByZone.GetValueOrDefault(g.Key),
                g.Sum(z => z.Value.Sum()),
                [.. Enumerable.Range(0, 24).Select(h => g.Sum(z => z.Value[h]))]))
            .OrderBy(z => ZoneOrder(z.Zone)).ThenBy(z => z.Zone, StringComparer.Ordinal)
            .ToList();
        return new ComplianceReport(
            checkedSends,
            outside,
            unchecked_,
            data.KeywordAnswers,
            population.Contacts.GroupBy(c => c.HomeBasis).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            violations,
            zones,
            Counts(stats.Dispatch.DeferredByReason),
            Counts(stats.Dispatch.BlockedByReason),
            data.MessageOutcomes);
    }

    private static List<VariantReport> Variants(SequenceFunnelReport funnel, SimulationData data) =>
        funnel.Variants.Select(v =>
        {
            var ids = data.Sequences.Where(s => s.AbVariant == v.Variant).Select(s => s.Id).ToHashSet();
            return new VariantReport(
                v.Variant, v.Enrolled, data.Sent.Count(t => ids.Contains(t.SequenceId)), v.Replied, v.Qualified, v.Booked, v.OptedOut,
                Rate(v.Replied, v.Enrolled), Rate(v.Qualified, v.Enrolled), Rate(v.Booked, v.Enrolled), Rate(v.OptedOut, v.Enrolled));
        }).ToList();

    private static GhlCallsReport Ghl(GhlCallCounter counter, SimulationPopulation population)
    {
        var limits = new GhlOptions();
        var perSecond = limits.RequestsPerWindow / limits.Window.TotalSeconds;
        var locations = population.Contacts.Select(c => c.LocationId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(location =>
        {
            var kinds = counter.ByKind.Where(k => k.Key.Location == location)
                .Select(k => new ReasonCount(k.Key.Kind, k.Value)).OrderByDescending(k => k.Count).ThenBy(k => k.Reason, StringComparer.Ordinal).ToList();
            var seconds = counter.BySecond.Where(s => s.Key.Location == location).ToList();
            var peakSecond = seconds.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Second).FirstOrDefault();
            var days = counter.ByDay.Where(d => d.Key.Location == location).OrderBy(d => d.Key.Day)
                .Select(d => new DayCalls(d.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Value)).ToList();
            var peakDay = days.OrderByDescending(d => d.Calls).ThenBy(d => d.Day, StringComparer.Ordinal).FirstOrDefault();
            return new GhlLocationCalls(
                location,
                kinds.Sum(k => k.Count),
                kinds,
                peakSecond.Value,
                seconds.Count == 0 ? null : Iso(DateTimeOffset.FromUnixTimeSeconds(peakSecond.Key.Second)),
                seconds.Count(s => s.Value > perSecond),
                peakDay?.Calls ?? 0,
                peakDay?.Day,
                Math.Round((peakDay?.Calls ?? 0) / (double)limits.DailyLimit, 4),
                days);
        }).ToList();
        return new GhlCallsReport(
            perSecond,
            limits.DailyLimit,
            "Counted at the GHL client (every attempt GHL would see). The simulated clock stands still while one batch runs, so a second's count "
                + "is a batch's burst: in production the client's token bucket spreads a burst above the limit over burst/limit seconds instead of sending it at once.",
            locations);
    }

    private static List<ReasonCount> Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Select(c => new ReasonCount(c.Key, c.Value)).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();

    /// <summary>Groups reasons by their kind: the text before its specifics (local times, dates, the contact).</summary>
    internal static string ReasonKind(string reason)
    {
        var cut = reason.IndexOfAny(['(', ';']);
        var kind = ContactId().Replace(cut > 0 ? reason[..cut] : reason, "").Trim();
        return kind.Length == 0 ? reason : kind;
    }

    [GeneratedRegex(@"\s+for contact \S+")]
    private static partial Regex ContactId();

    /// <summary>The zone's usual US name: every IANA zone that keeps the same clock (Detroit is ET, Juneau is AK) shares it.</summary>
    private static string ZoneLabel(string zone) => zone switch
    {
        "America/New_York" or "America/Detroit" or "America/Indiana/Indianapolis" or "America/Indiana/Vincennes" or "America/Indiana/Winamac"
            or "America/Indiana/Marengo" or "America/Indiana/Petersburg" or "America/Indiana/Vevay" or "America/Kentucky/Louisville"
            or "America/Kentucky/Monticello" => "ET",
        "America/Chicago" or "America/Indiana/Knox" or "America/Indiana/Tell_City" or "America/Menominee" or "America/North_Dakota/Center"
            or "America/North_Dakota/New_Salem" or "America/North_Dakota/Beulah" => "CT",
        "America/Denver" or "America/Boise" => "MT",
        "America/Phoenix" => "AZ",
        "America/Los_Angeles" => "PT",
        "America/Anchorage" or "America/Juneau" or "America/Sitka" or "America/Nome" or "America/Yakutat" or "America/Metlakatla" => "AK",
        "Pacific/Honolulu" => "HI",
        _ => zone,
    };

    private static int ZoneOrder(string label) => Array.IndexOf(["ET", "CT", "MT", "AZ", "PT", "AK", "HI"], label) is var i and >= 0 ? i : 99;

    private static double Rate(int count, int of) => of == 0 ? 0 : Math.Round(count / (double)of, 4);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateTime at) => Iso(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
}
