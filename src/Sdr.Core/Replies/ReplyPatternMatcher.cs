using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>Runs every pattern over a reply and keeps the strongest match of each category.</summary>
internal static class ReplyPatternMatcher
{
    private const int NegationLookBack = 3;
    private const double PositiveEmojiConfidence = 0.75;
    private const double NegativeEmojiConfidence = 0.55;
    private const double BareQuestionConfidence = 0.6;

    public const string PositiveEmojiRule = "patterns:engagement.emoji";
    public const string NegativeEmojiRule = "patterns:not_interested.emoji";
    public const string BareQuestionRule = "patterns:info_request.bare_question";

    private static readonly IReadOnlyList<ReplyPattern> Patterns =
        [.. DeclinePatterns.All, .. ObjectionPatterns.All, .. InterestPatterns.All];

    private static readonly FrozenSet<string> Negators = FrozenSet.ToFrozenSet(
    [
        "not", "no", "never", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "aren't", "arent",
        "ain't", "aint", "wasn't", "wasnt", "won't", "wont", "nor", "nunca", "ni", "tampoco",
    ]);

    // "I'm not selling, just curious what it's worth": the decline leads into a question, not a goodbye.
    private static readonly Regex DeclineLeadsOn = ReplyRegex.Compile(
        @"\b(just|only) (curious|wondering|want|wanted|asking|looking)\b|\b(curious|wondering)\b|\bwhat('s| is| would| are| do)\b|\bhow (much|many|does|do)\b");

    /// <summary>The best detection per category, in <see cref="ReplyCategory"/> order.</summary>
    public static List<ReplyDetection> Detect(NormalizedReply reply, string rawText)
    {
        var best = new ReplyDetection?[Enum.GetValues<ReplyCategory>().Length];
        foreach (var pattern in Patterns)
        {
            if (best[(int)pattern.Category] is { } current && current.Confidence >= pattern.Confidence)
            {
                continue;
            }

            if (Matches(pattern, reply))
            {
                best[(int)pattern.Category] = new ReplyDetection(pattern.Category, pattern.Confidence, pattern.Rule);
            }
        }

        AddRawSignals(best, reply, rawText);
        return [.. best.Where(d => d is not null).Select(d => d!.Value)];
    }

    private static void AddRawSignals(ReplyDetection?[] best, NormalizedReply reply, string rawText)
    {
        if (ReplyEmoji.HasPositive(rawText))
        {
            Offer(best, new(ReplyCategory.Engagement, PositiveEmojiConfidence, PositiveEmojiRule));
        }

        // A thumbs-down alone declines; beside words it only colours them.
        if (ReplyEmoji.HasNegative(rawText) && reply.Tokens.Count == 0)
        {
            Offer(best, new(ReplyCategory.NotInterested, NegativeEmojiConfidence, NegativeEmojiRule));
        }

        if (reply.Tokens.Count == 0 && rawText.Contains('?'))
        {
            Offer(best, new(ReplyCategory.InfoRequest, BareQuestionConfidence, BareQuestionRule));
        }
    }

    private static void Offer(ReplyDetection?[] best, ReplyDetection detection)
    {
        if (best[(int)detection.Category] is not { } current || current.Confidence < detection.Confidence)
        {
            best[(int)detection.Category] = detection;
        }
    }

    private static bool Matches(ReplyPattern pattern, NormalizedReply reply)
    {
        if (pattern.Unless is not null && pattern.Unless.IsMatch(reply.Text))
        {
            return false;
        }

        foreach (var match in pattern.Pattern.EnumerateMatches(reply.Text))
        {
            if (!IsGuarded(pattern.Guards, reply, match))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGuarded(ReplyPatternGuards guards, NormalizedReply reply, ValueMatch match)
    {
        if (guards.HasFlag(ReplyPatternGuards.Negatable) && IsNegated(reply, reply.TokenAt(match.Index)))
        {
            return true;
        }

        if (guards.HasFlag(ReplyPatternGuards.QualifiedDecline))
        {
            var before = reply.Text.AsSpan(0, match.Index);
            var after = reply.Text.AsSpan(match.Index + match.Length);
            return NotInterestedQualifier.IsQualified(before, after) || DeclineLeadsOn.IsMatch(after);
        }

        return false;
    }

    // An odd number of negators just before the match, in its sentence, cancels it ("not NOT interested" does not).
    private static bool IsNegated(NormalizedReply reply, int firstToken)
    {
        if (firstToken < 0 || firstToken >= reply.Tokens.Count)
        {
            return false;
        }

        var sentence = reply.SentenceOfToken[firstToken];
        var negators = 0;
        for (var i = firstToken - 1; i >= 0 && i >= firstToken - NegationLookBack; i--)
        {
            if (reply.SentenceOfToken[i] != sentence)
            {
                break;
            }

            if (Negators.Contains(reply.Tokens[i]))
            {
                negators++;
            }
        }

        return negators % 2 == 1;
    }
}
