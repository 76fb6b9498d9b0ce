namespace Sdr.Tests.Unit.Replies;

/// <summary>One hand-labelled reply and the file (split) it comes from.</summary>
public sealed record CorpusReply(string Label, bool IsEmail, string Text, string Split)
{
    public bool IsHeldOut => Split != ReplyCorpus.TuningFile;

    public const string AutoResponderLabel = "auto_responder";

    public override string ToString() => $"[{Label}/{(IsEmail ? "email" : "sms")}] {Text}";
}

/// <summary>
/// The labelled reply corpus, in three files written by hand from how prospects reply (not from the patterns):
/// <list type="bullet">
/// <item><c>reply-corpus.tsv</c>: the part the patterns were tuned on.</item>
/// <item><c>reply-corpus-holdout.tsv</c>: written with the first, before any pattern; its misses were looked at
/// once, after the first run (docs/reply-classification.md gives that first run's numbers).</item>
/// <item><c>reply-corpus-holdout-b.tsv</c>: written after the patterns and never tuned on.</item>
/// </list>
/// Format: tab-separated <c>label channel text</c>, one reply a line, <c>\n</c> for a line
/// break inside a reply. Labels are the wire names of ReplyCategory plus <c>auto_responder</c>.
/// </summary>
public static class ReplyCorpus
{
    public const string TuningFile = "reply-corpus.tsv";
    public const string HeldOutFile = "reply-corpus-holdout.tsv";
    public const string HeldOutBFile = "reply-corpus-holdout-b.tsv";

    public static IReadOnlyList<string> Splits { get; } = [TuningFile, HeldOutFile, HeldOutBFile];

    public static IReadOnlyList<CorpusReply> All { get; } = [.. Splits.SelectMany(Load)];

    public static IReadOnlyList<CorpusReply> HeldOut { get; } = [.. All.Where(r => r.IsHeldOut)];

    public static IEnumerable<CorpusReply> OfSplit(string split) => All.Where(r => r.Split == split);

    private static List<CorpusReply> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Unit", "Replies", file);
        return
        [
            .. File.ReadLines(path)
                .Skip(1)
                .Where(line => line.Length > 0)
                .Select(line => line.Split('\t', 3))
                .Select(cells => new CorpusReply(cells[0], cells[1] == "email", cells[2].Replace("\\n", "\n", StringComparison.Ordinal), file)),
        ];
    }
}
