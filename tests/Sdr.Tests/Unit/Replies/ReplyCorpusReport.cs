using System.Globalization;
using System.Text;
using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

/// <summary>Runs the ObjectionHandler over corpus replies and measures it the way the doc reports it.</summary>
public sealed class ReplyCorpusReport
{
    private static readonly string[] Labels = [.. ReplyCategoryNames.All, CorpusReply.AutoResponderLabel];

    private ReplyCorpusReport(IReadOnlyList<(CorpusReply Reply, ReplyClassification Result)> results) => Results = results;

    public IReadOnlyList<(CorpusReply Reply, ReplyClassification Result)> Results { get; }

    public static ReplyCorpusReport Run(ObjectionHandler handler, IEnumerable<CorpusReply> replies) =>
        new([.. replies.Select(r => (r, handler.Classify(r.Text, r.IsEmail)))]);

    public static string Predicted(ReplyClassification result) =>
        result.IsAutoResponder ? CorpusReply.AutoResponderLabel : result.Category.ToName();

    public static bool IsOptOutLabel(string label) => label is "opt_out" or "not_interested";

    public double Accuracy => (double)Results.Count(r => Predicted(r.Result) == r.Reply.Label) / Results.Count;

    public IEnumerable<(CorpusReply Reply, ReplyClassification Result)> Wrong =>
        Results.Where(r => Predicted(r.Result) != r.Reply.Label);

    /// <summary>Replies labelled opt_out or not_interested that do not come out as either (must be none).</summary>
    public IEnumerable<(CorpusReply Reply, ReplyClassification Result)> MissedOptOuts =>
        Results.Where(r => IsOptOutLabel(r.Reply.Label) && (!r.Result.OptsOut || r.Result.IsAutoResponder));

    /// <summary>Replies labelled anything else that come out opt_out or not_interested.</summary>
    public IEnumerable<(CorpusReply Reply, ReplyClassification Result)> FalseOptOuts =>
        Results.Where(r => !IsOptOutLabel(r.Reply.Label) && r.Result.OptsOut && !r.Result.IsAutoResponder);

    public int NotOptOutLabelled => Results.Count(r => !IsOptOutLabel(r.Reply.Label));

    public double FalseOptOutRate => (double)FalseOptOuts.Count() / NotOptOutLabelled;

    public (double Precision, double Recall, int Support) Score(string label)
    {
        var support = Results.Count(r => r.Reply.Label == label);
        var predicted = Results.Count(r => Predicted(r.Result) == label);
        var correct = Results.Count(r => r.Reply.Label == label && Predicted(r.Result) == label);
        return (predicted == 0 ? 0 : (double)correct / predicted, support == 0 ? 0 : (double)correct / support, support);
    }

    public string ToMarkdown(string title)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"### {title}: {Results.Count} replies, accuracy {Accuracy:0.000}\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Opt-out recall (opt_out + not_interested): {Results.Count(r => IsOptOutLabel(r.Reply.Label)) - MissedOptOuts.Count()}/{Results.Count(r => IsOptOutLabel(r.Reply.Label))}; ");
        md.Append(CultureInfo.InvariantCulture,
            $"false opt-outs: {FalseOptOuts.Count()}/{NotOptOutLabelled} ({FalseOptOutRate:P1}); unsure: {Results.Count(r => r.Result.IsUnsure)}.\n\n");
        md.Append("| label | precision | recall | support |\n|---|---|---|---|\n");
        foreach (var label in Labels)
        {
            var (precision, recall, support) = Score(label);
            md.Append(CultureInfo.InvariantCulture, $"| {label} | {precision:0.00} | {recall:0.00} | {support} |\n");
        }

        md.Append("\nConfusion matrix (rows: label, columns: classified as):\n\n| label |");
        foreach (var label in Labels)
        {
            md.Append(' ').Append(Abbreviate(label)).Append(" |");
        }

        md.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", Labels.Length))).Append('\n');
        foreach (var row in Labels)
        {
            md.Append("| ").Append(row).Append(" |");
            foreach (var column in Labels)
            {
                var count = Results.Count(r => r.Reply.Label == row && Predicted(r.Result) == column);
                md.Append(' ').Append(count == 0 ? "." : count.ToString(CultureInfo.InvariantCulture)).Append(" |");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string Abbreviate(string label) => label switch
    {
        "not_interested" => "not_int",
        "already_agent" => "agent",
        "info_request" => "info",
        "engagement" => "engage",
        "auto_responder" => "auto",
        _ => label,
    };
}
