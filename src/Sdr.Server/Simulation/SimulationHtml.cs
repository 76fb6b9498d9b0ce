using System.Globalization;
using System.Net;
using System.Text;

namespace Sdr.Server.Simulation;

/// <summary>The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.</summary>
internal static class SimulationHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2733;max-width:1200px}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5dbe3;padding-bottom:.3rem}
        table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .6rem;border:1px solid #d5dbe3;text-align:right}
        th:first-child,td:first-child{text-align:left}th{background:#f2f5f8}
        .pass{color:#0a7a32;font-weight:600}.fail{color:#b3261e;font-weight:600}
        .heat td{min-width:1.6rem;padding:.2rem;font-size:.75rem;text-align:center}.muted{color:#66717f;font-size:.85rem}
        """;

    public static string Render(SimulationReport report)
    {
        var html = new StringBuilder();
        var run = report.Simulation;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SDR campaign simulation</title><style>")
            .Append(Style).Append("</style></head><body>");
        html.Append("<h1>SDR campaign simulation</h1><p class=\"muted\">")
            .Append(E($"{run.Contacts} contacts, {run.Locations} location(s), {run.Days} days from {run.Start} to {run.End}; seed {run.Seed}; "))
            .Append(E(run.Personas ? $"scripted prospects answer for {run.ReplyRate:P0} of contacts; " : "no scripted prospects; "))
            .Append(E($"default variant {run.DefaultVariant}; {run.Steps} simulated moments in {run.WallSeconds:0.0} s; generated {run.GeneratedAt}."))
            .Append("</p>");
        var compliance = report.Compliance;
        html.Append(report.Passed
            ? $"<p class=\"pass\">PASS: 0 sends outside allowed hours ({compliance.SendsChecked} sends checked against each recipient's local time).</p>"
            : $"<p class=\"fail\">FAIL: {compliance.SendsOutsideAllowedHours} send(s) outside allowed hours, {compliance.UncheckedSends} send(s) could not be checked.</p>");

        Funnel(html, report.Funnel);
        Compliance(html, compliance);
        Variants(html, report.Variants);
        Ghl(html, report.Ghl);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Funnel(StringBuilder html, FunnelReport funnel)
    {
        html.Append("<h2>Funnel</h2><p class=\"muted\">").Append(E($"Source: {funnel.Source}.")).Append("</p>");
        html.Append("<table><tr><th>enrolled</th><th>not enrolled by the end</th><th>replied</th><th>qualified</th><th>booked</th><th>opted out</th><th>still active</th><th>completed</th></tr><tr>")
            .Append(Cells(funnel.Enrolled, funnel.NotEnrolled, funnel.Replied, funnel.Qualified, funnel.Booked, funnel.OptedOut, funnel.Active, funnel.Completed))
            .Append("</tr></table>");

        var max = Math.Max(1, funnel.Steps.Select(s => s.Reached).DefaultIfEmpty(0).Max());
        const int width = 520, row = 26;
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{width + 260}\" height=\"{funnel.Steps.Count * row + 10}\" role=\"img\" aria-label=\"sequences reaching each step\">");
        for (var i = 0; i < funnel.Steps.Count; i++)
        {
            var step = funnel.Steps[i];
            var bar = (int)Math.Round(width * step.Reached / (double)max);
            var y = i * row + 4;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{E(step.Step)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"120\" y=\"{y}\" width=\"{bar}\" height=\"{row - 8}\" fill=\"#4a78b5\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{126 + bar}\" y=\"{y + 15}\" font-size=\"12\">{step.Reached}</text>");
        }

        html.Append("</svg>");
        html.Append("<table><tr><th>step</th><th>reached</th><th>replied</th><th>reply rate</th><th>qualified</th><th>booked</th><th>opted out</th></tr>");
        foreach (var step in funnel.Steps)
        {
            html.Append("<tr><td>").Append(E(step.Step)).Append("</td>").Append(Cells(step.Reached, step.Replied)).Append(Percent(step.ReplyRate))
                .Append(Cells(step.Qualified, step.Booked, step.OptedOut)).Append("</tr>");
        }

        html.Append("</table>");
        if (funnel.SkippedAtEnrolment.Count > 0)
        {
            html.Append("<p>Not enrolled (skipped by the product): ")
                .Append(E(string.Join(", ", funnel.SkippedAtEnrolment.Select(s => $"{s.Key} {s.Value}")))).Append("</p>");
        }

        html.Append("<h3>Replies by category</h3>");
        Pairs(html, funnel.RepliesByCategory.Select(r => new ReasonCount(r.Key, r.Value)).ToList(), "category");
        html.Append("<h3>Scripted prospects</h3><table><tr><th>persona</th><th>contacts</th><th>enrolled</th><th>replied</th><th>qualified</th><th>booked</th><th>opted out</th></tr>");
        foreach (var persona in funnel.Personas)
        {
            html.Append("<tr><td>").Append(E(persona.Persona)).Append("</td>")
                .Append(Cells(persona.Contacts, persona.Enrolled, persona.Replied, persona.Qualified, persona.Booked, persona.OptedOut)).Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void Compliance(StringBuilder html, ComplianceReport compliance)
    {
        html.Append("<h2>Compliance</h2><p>")
            .Append(E($"{compliance.SendsChecked} sends held to the allowed hours were checked against the recipient's local time and state "
                + "as the contact's GHL record tells it (its time zone, else its address, else every zone its phone number may be in: "
                + string.Join(", ", compliance.ContactsJudgedBy.Select(b => $"{b.Value} contacts by {b.Key.Replace('_', ' ')}")) + "): "
                + $"{compliance.SendsOutsideAllowedHours} outside allowed hours. {compliance.KeywordAnswersExempt} STOP/HELP answers are exempt (they answer the prospect's own message)."))
            .Append("</p>");
        if (compliance.Violations.Count > 0)
        {
            html.Append("<table><tr><th>contact</th><th>message</th><th>sent (UTC)</th><th>local time</th><th>zone</th><th>state</th><th>judged by</th></tr>");
            foreach (var v in compliance.Violations)
            {
                html.Append("<tr><td>").Append(E(v.ContactId)).Append("</td><td>").Append(E(v.Kind)).Append("</td><td>").Append(E(v.SentAtUtc))
                    .Append("</td><td>").Append(E(v.LocalTime)).Append("</td><td>").Append(E(v.TimeZone)).Append("</td><td>").Append(E(v.State ?? "")).Append("</td><td>").Append(E(v.HomeBasis)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h3>Sends per local hour of the recipient</h3><table class=\"heat\"><tr><th>zone</th><th>contacts</th><th>sends</th>");
        for (var h = 0; h < 24; h++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{h:00}</th>");
        }

        html.Append("</tr>");
        var peak = Math.Max(1, compliance.TouchesByLocalHour.SelectMany(z => z.ByHour).DefaultIfEmpty(0).Max());
        foreach (var zone in compliance.TouchesByLocalHour)
        {
            html.Append("<tr><td title=\"").Append(E(zone.TimeZone)).Append("\">").Append(E(zone.Zone)).Append("</td>").Append(Cells(zone.Contacts, zone.Sends));
            foreach (var count in zone.ByHour)
            {
                var shade = count == 0 ? "#ffffff" : string.Create(CultureInfo.InvariantCulture, $"rgba(74,120,181,{0.15 + (0.85 * count / peak):0.00})");
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"background:{shade}\">{(count == 0 ? "" : count.ToString(CultureInfo.InvariantCulture))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table><h3>Touches deferred, by reason</h3>");
        Pairs(html, compliance.Deferred, "reason");
        html.Append("<h3>Touches blocked, by reason</h3>");
        Pairs(html, compliance.Blocked, "reason");
        html.Append("<h3>Conversational messages (answers, questions, offers, STOP/HELP answers)</h3>");
        Pairs(html, compliance.Messages, "purpose and outcome");
    }

    private static void Variants(StringBuilder html, IReadOnlyList<VariantReport> variants)
    {
        html.Append("<h2>Variants</h2><table><tr><th>variant</th><th>enrolled</th><th>touches sent</th><th>replied</th><th>reply rate</th><th>qualified</th><th>qualify rate</th><th>booked</th><th>book rate</th><th>opted out</th><th>opt-out rate</th></tr>");
        foreach (var v in variants)
        {
            html.Append("<tr><td>").Append(E(v.Variant)).Append("</td>").Append(Cells(v.Enrolled, v.TouchesSent, v.Replied))
                .Append(Percent(v.ReplyRate)).Append(Cells(v.Qualified)).Append(Percent(v.QualifyRate)).Append(Cells(v.Booked))
                .Append(Percent(v.BookRate)).Append(Cells(v.OptedOut)).Append(Percent(v.OptOutRate)).Append("</tr>");
        }

        html.Append("</table>");
    }

    private static void Ghl(StringBuilder html, GhlCallsReport ghl)
    {
        html.Append("<h2>GHL calls per location</h2><p class=\"muted\">")
            .Append(E($"GHL allows {ghl.LimitPerSecond:0.#} requests/s and {ghl.LimitPerDay:N0} a day per location. {ghl.Note}")).Append("</p>");
        foreach (var location in ghl.Locations)
        {
            html.Append("<h3>").Append(E(location.LocationId)).Append("</h3><table><tr><th>total</th><th>peak burst (one simulated second)</th><th>seconds over the per-second limit</th><th>peak day</th><th>share of the daily limit</th></tr><tr>")
                .Append(Cells(location.Total, location.PeakPerSecond, location.SecondsOverLimit))
                .Append("<td>").Append(E($"{location.PeakPerDay} on {location.PeakDay ?? "-"}")).Append("</td>")
                .Append(Percent(location.PeakDayShareOfLimit)).Append("</tr></table>");
            Pairs(html, location.ByEndpoint, "endpoint");
        }
    }

    private static void Pairs(StringBuilder html, IReadOnlyList<ReasonCount> rows, string what)
    {
        if (rows.Count == 0)
        {
            html.Append("<p class=\"muted\">none</p>");
            return;
        }

        html.Append("<table><tr><th>").Append(E(what)).Append("</th><th>count</th></tr>");
        foreach (var row in rows)
        {
            html.Append("<tr><td>").Append(E(row.Reason)).Append("</td>").Append(Cells(row.Count)).Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string Cells(params int[] values) =>
        string.Concat(values.Select(v => "<td>" + v.ToString("N0", CultureInfo.InvariantCulture) + "</td>"));

    private static string Percent(double rate) => "<td>" + rate.ToString("P1", CultureInfo.InvariantCulture) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
