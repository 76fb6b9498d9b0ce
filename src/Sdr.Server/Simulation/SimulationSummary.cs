using System.Globalization;
using System.Text;

namespace Sdr.Server.Simulation;

/// <summary>The few lines <c>sdr simulate</c> prints when it is done.</summary>
internal static class SimulationSummary
{
    public static string Text(SimulationReport report, string jsonPath, string htmlPath)
    {
        var text = new StringBuilder();
        var run = report.Simulation;
        var funnel = report.Funnel;
        var compliance = report.Compliance;
        text.AppendLine(CultureInfo.InvariantCulture, $"Simulated {run.Days} days ({run.Start} to {run.End}) of {run.Contacts} contacts in {run.WallSeconds:0.0} s ({run.Steps} moments).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Funnel: {funnel.Enrolled} enrolled ({funnel.NotEnrolled} waiting for an enrolment slot), {funnel.Replied} replied, {funnel.Qualified} qualified, {funnel.Booked} booked, {funnel.OptedOut} opted out.");
        text.AppendLine("  " + string.Join("  ", funnel.Steps.Select(s => $"{s.Step} {s.Reached}")));
        text.AppendLine(compliance.SendsOutsideAllowedHours == 0 && compliance.UncheckedSends == 0
            ? $"Compliance: PASS, 0 sends outside allowed hours ({compliance.SendsChecked} checked in the recipient's local time)."
            : $"Compliance: FAIL, {compliance.SendsOutsideAllowedHours} send(s) outside allowed hours, {compliance.UncheckedSends} unchecked.");
        text.AppendLine("  deferred: " + Top(compliance.Deferred) + "; blocked: " + Top(compliance.Blocked));
        foreach (var variant in report.Variants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Variant {variant.Variant}: {variant.Enrolled} enrolled, reply {variant.ReplyRate:P1}, qualify {variant.QualifyRate:P1}, book {variant.BookRate:P1}, opt-out {variant.OptOutRate:P1}.");
        }

        foreach (var location in report.Ghl.Locations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"GHL {location.LocationId}: {location.Total} calls, peak day {location.PeakPerDay} ({location.PeakDayShareOfLimit:P1} of {report.Ghl.LimitPerDay}), biggest burst {location.PeakPerSecond} in one simulated second (limit {report.Ghl.LimitPerSecond:0.#}/s).");
        }

        text.AppendLine("Report: " + htmlPath);
        text.Append("JSON:   " + jsonPath);
        return text.ToString();
    }

    private static string Top(IReadOnlyList<ReasonCount> reasons) =>
        reasons.Count == 0 ? "none" : string.Join(", ", reasons.Take(3).Select(r => $"{r.Reason} {r.Count}"));
}
