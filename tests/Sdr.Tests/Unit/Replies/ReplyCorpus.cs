namespace Sdr.Tests.Unit.Replies;

/// <summary>One hand-labelled reply of reply-corpus.tsv (tuned on) or reply-corpus-holdout.tsv (never tuned on).</summary>
public sealed record CorpusReply(string Label, bool IsEmail, string Text, bool IsHeldOut)
{
    public const string AutoResponderLabel = "auto_responder";

    public override string ToString() => $"[{Label}/{(IsEmail ? "email" : "sms")}] {Text}";
}

/// <summary>
/// The labelled reply corpus: tab-separated <c>label channel text</c>, one reply a line, <c>\n</c> for a line
/// break inside a reply. Labels are the wire names of ReplyCategory plus <c>auto_responder</c>.
/// </summary>
public static class ReplyCorpus
{
    public const string TuningFile = "reply-corpus.tsv";
    public const string HeldOutFile = "reply-corpus-holdout.tsv";

    public static IReadOnlyList<CorpusReply> Tuning { get; } = Load(TuningFile, isHeldOut: false);

    public static IReadOnlyList<CorpusReply> HeldOut { get; } = Load(HeldOutFile, isHeldOut: true);

    public static IReadOnlyList<CorpusReply> All { get; } = [.. Tuning, .. HeldOut];

    private static List<CorpusReply> Load(string file, bool isHeldOut)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Unit", "Replies", file);
        return
        [
            .. File.ReadLines(path)
                .Skip(1)
                .Where(line => line.Length > 0)
                .Select(line => line.Split('\t', 3))
                .Select(cells => new CorpusReply(cells[0], cells[1] == "email", cells[2].Replace("\\n", "\n", StringComparison.Ordinal), isHeldOut)),
        ];
    }
}
