namespace Sdr.Core.Replies;

/// <summary>
/// First layer of reply classification: carrier keywords, free-text revocations (English and
/// Spanish), HELP and re-consent. Built for recall on opt-outs: a false opt-out loses one lead, a
/// missed one costs a TCPA claim. Stateless and thread-safe.
/// </summary>
public sealed class ComplianceKeywordClassifier
{
    private const double KeywordConfidence = 1.0;
    private const double KeywordSentenceConfidence = 0.98;
    private const double KeywordWithNameConfidence = 0.9;
    private const double StopEmojiConfidence = 0.9;
    private const double HostileConfidence = 0.93;

    private static readonly ComplianceClassification EmptyReply = new(ComplianceIntent.None, 0, ComplianceRules.Empty);
    private static readonly ComplianceClassification NoMatch = new(ComplianceIntent.None, 0, ComplianceRules.NoMatch);

    private static readonly IReadOnlyList<RevocationPhrase> Phrases =
        [.. EnglishRevocationPhrases.All, .. SpanishRevocationPhrases.All];

    public ComplianceClassification Classify(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return EmptyReply;
        }

        var reply = ReplyNormalizer.Normalize(body);
        return ClassifyWholeMessage(reply)
            ?? ClassifySentences(reply)
            ?? ClassifyPhrases(reply, out var suppressedBy)
            ?? ClassifyShortForms(reply)
            ?? (suppressedBy is null ? NoMatch : new ComplianceClassification(ComplianceIntent.None, 0, suppressedBy));
    }

    private static ComplianceClassification? ClassifyWholeMessage(NormalizedReply reply)
    {
        if (reply.HasStopEmoji && reply.Tokens.All(ComplianceVocabulary.IsFillerOrExpletive))
        {
            return new(ComplianceIntent.OptOut, StopEmojiConfidence, ComplianceRules.StopEmoji);
        }

        return KeywordMatcher.Match(reply.Tokens, 0, reply.Tokens.Count) switch
        {
            ComplianceIntent.OptOut => new(ComplianceIntent.OptOut, KeywordConfidence, ComplianceRules.CarrierKeyword),
            ComplianceIntent.Help => new(ComplianceIntent.Help, KeywordConfidence, ComplianceRules.HelpKeyword),
            ComplianceIntent.OptIn => new(ComplianceIntent.OptIn, KeywordConfidence, ComplianceRules.OptInKeyword),
            _ => null,
        };
    }

    // Only opt-out counts per sentence: "Who is this? STOP" revokes, but "Hi! Start" is not clear re-consent.
    private static ComplianceClassification? ClassifySentences(NormalizedReply reply)
    {
        if (reply.SentenceCount < 2)
        {
            return null;
        }

        foreach (var (start, count) in reply.Sentences())
        {
            if (KeywordMatcher.Match(reply.Tokens, start, count) == ComplianceIntent.OptOut)
            {
                return new(ComplianceIntent.OptOut, KeywordSentenceConfidence, ComplianceRules.CarrierKeywordSentence);
            }
        }

        return null;
    }

    private static ComplianceClassification? ClassifyPhrases(NormalizedReply reply, out string? suppressedBy)
    {
        suppressedBy = null;
        RevocationPhrase? best = null;
        foreach (var phrase in Phrases)
        {
            if (best is not null && phrase.Confidence <= best.Confidence)
            {
                continue;
            }

            foreach (var match in phrase.Pattern.EnumerateMatches(reply.Text))
            {
                var suppression = RevocationContext.Check(phrase.Guards, reply, match);
                if (suppression is null)
                {
                    best = phrase;
                    break;
                }

                suppressedBy ??= suppression;
            }
        }

        if (best is null && HostileRevocation.IsHostile(reply))
        {
            return new(ComplianceIntent.OptOut, HostileConfidence, ComplianceRules.Hostile);
        }

        return best is null ? null : new(ComplianceIntent.OptOut, best.Confidence, best.Rule);
    }

    private static ComplianceClassification? ClassifyShortForms(NormalizedReply reply) =>
        KeywordMatcher.IsKeywordBesideName(reply.Tokens)
            ? new(ComplianceIntent.OptOut, KeywordWithNameConfidence, ComplianceRules.CarrierKeywordWithName)
            : null;
}
