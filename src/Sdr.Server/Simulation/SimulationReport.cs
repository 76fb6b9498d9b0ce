using Sdr.Core.Insight;

namespace Sdr.Server.Simulation;

/// <summary>Everything <c>sdr simulate</c> prints and saves; serialised as snake_case JSON (simulation.json).</summary>
internal sealed record SimulationReport(
    RunSummary Simulation,
    FunnelReport Funnel,
    ComplianceReport Compliance,
    IReadOnlyList<VariantReport> Variants,
    GhlCallsReport Ghl,
    SdrMetricWindow Stats)
{
    /// <summary>True when no message that must respect the allowed hours reached a recipient outside them.</summary>
    public bool Passed => Compliance.SendsOutsideAllowedHours == 0 && Compliance.UncheckedSends == 0;
}

internal sealed record RunSummary(
    int Contacts,
    int Days,
    string Start,
    string End,
    int Locations,
    int Seed,
    bool Personas,
    double ReplyRate,
    IReadOnlyList<VariantWeight> Variants,
    string DefaultVariant,
    string? ConfigFile,
    string? Database,
    int Steps,
    string GeneratedAt,
    double WallSeconds,
    IReadOnlyDictionary<string, double> PhaseSeconds);

/// <summary>
/// The product's own funnel (<see cref="SdrPerformanceTracker"/>, as <c>GET /sdr/stats/sequences</c> answers it) over the
/// simulation's database, with what only the simulation knows: who was not enrolled and why, and what each persona did.
/// </summary>
internal sealed record FunnelReport(
    string Source,
    int Enrolled,
    int NotEnrolled,
    IReadOnlyDictionary<string, int> SkippedAtEnrolment,
    int Replied,
    int AutoResponders,
    int Qualified,
    int Booked,
    int OptedOut,
    int Active,
    int Completed,
    IReadOnlyList<FunnelStep> Steps,
    IReadOnlyDictionary<string, int> RepliesByCategory,
    IReadOnlyList<PersonaOutcome> Personas);

internal sealed record PersonaOutcome(string Persona, int Contacts, int Enrolled, int Replied, int Qualified, int Booked, int OptedOut);

internal sealed record ComplianceReport(
    int SendsChecked,
    int SendsOutsideAllowedHours,
    int UncheckedSends,
    int KeywordAnswersExempt,
    IReadOnlyDictionary<string, int> ContactsJudgedBy,
    IReadOnlyList<HoursViolation> Violations,
    IReadOnlyList<ZoneHours> TouchesByLocalHour,
    IReadOnlyList<ReasonCount> Deferred,
    IReadOnlyList<ReasonCount> Blocked,
    IReadOnlyList<ReasonCount> Messages);

/// <summary>A message sent outside the allowed hours of its recipient's local time (as <see cref="HomeBasis"/> tells it).</summary>
internal sealed record HoursViolation(string ContactId, string Kind, string SentAtUtc, string LocalTime, string TimeZone, string? State, string HomeBasis);

/// <summary>Sends per local hour (index 0-23) in one time zone.</summary>
internal sealed record ZoneHours(string Zone, string TimeZone, int Contacts, int Sends, IReadOnlyList<int> ByHour);

internal sealed record ReasonCount(string Reason, int Count);

internal sealed record VariantReport(
    string Variant,
    int Enrolled,
    int TouchesSent,
    int Replied,
    int Qualified,
    int Booked,
    int OptedOut,
    double ReplyRate,
    double QualifyRate,
    double BookRate,
    double OptOutRate);

internal sealed record GhlCallsReport(double LimitPerSecond, int LimitPerDay, string Note, IReadOnlyList<GhlLocationCalls> Locations);

internal sealed record GhlLocationCalls(
    string LocationId,
    int Total,
    IReadOnlyList<ReasonCount> ByEndpoint,
    int PeakPerSecond,
    string? PeakSecondUtc,
    int SecondsOverLimit,
    int PeakPerDay,
    string? PeakDay,
    double PeakDayShareOfLimit,
    IReadOnlyList<DayCalls> Days);

internal sealed record DayCalls(string Day, int Calls);
