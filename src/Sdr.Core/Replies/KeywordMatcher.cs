namespace Sdr.Core.Replies;

/// <summary>
/// The carrier-keyword layer: a span of words that is nothing but keywords and filler
/// ("STOP", "stop please", "HELP", "Start.") maps straight to an intent.
/// </summary>
internal static class KeywordMatcher
{
    private const int MaxWordsBesideName = 3;

    public static ComplianceIntent Match(IReadOnlyList<string> tokens, int start, int count)
    {
        var merged = MergeCompounds(tokens, start, count);
        var optOut = false;
        var help = false;
        var optIn = false;
        var onlyPoliteFiller = true;
        foreach (var token in merged)
        {
            if (ComplianceVocabulary.OptOutKeywords.Contains(token))
            {
                optOut = true;
            }
            else if (ComplianceVocabulary.HelpKeywords.Contains(token))
            {
                help = true;
            }
            else if (ComplianceVocabulary.OptInKeywords.Contains(token))
            {
                optIn = true;
            }
            else if (!ComplianceVocabulary.IsFillerOrExpletive(token))
            {
                return ComplianceIntent.None;
            }
            else
            {
                onlyPoliteFiller &= ComplianceVocabulary.PoliteFiller.Contains(token);
            }
        }

        // Opt-out wins over everything: answering "STOP HELP" with a help text would keep texting them.
        // Help and re-consent need a plainer message: "can you help us?" is a question, not the HELP keyword.
        return optOut ? ComplianceIntent.OptOut
            : !onlyPoliteFiller ? ComplianceIntent.None
            : help ? ComplianceIntent.Help
            : optIn ? ComplianceIntent.OptIn
            : ComplianceIntent.None;
    }

    /// <summary>
    /// "STOP Mike", "Unsubscribe Karen": a short reply led or closed by an unambiguous keyword,
    /// where the other words are not ones that make "stop" mean a place or a visit.
    /// </summary>
    public static bool IsKeywordBesideName(IReadOnlyList<string> tokens)
    {
        var merged = MergeCompounds(tokens, 0, tokens.Count);
        if (merged.Count < 2 || merged.Count > MaxWordsBesideName)
        {
            return false;
        }

        var edgeKeyword = ComplianceVocabulary.UnambiguousOptOutKeywords.Contains(merged[0])
            || ComplianceVocabulary.UnambiguousOptOutKeywords.Contains(merged[^1]);
        return edgeKeyword && !merged.Exists(ComplianceVocabulary.StopPhraseNeighbours.Contains);
    }

    private static List<string> MergeCompounds(IReadOnlyList<string> tokens, int start, int count)
    {
        var merged = new List<string>(count);
        var end = start + count;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            var next = i + 1 < end ? tokens[i + 1] : null;
            var afterNext = i + 2 < end ? tokens[i + 2] : null;
            switch (token, next, afterNext)
            {
                case ("stop", "all", _):
                    merged.Add("stopall");
                    i++;
                    break;
                case ("opt", "out", _):
                    merged.Add("optout");
                    i++;
                    break;
                case ("opt", "in", _):
                    merged.Add("optin");
                    i++;
                    break;
                case ("opt", "back", "in"):
                    merged.Add("optin");
                    i += 2;
                    break;
                case ("un", "subscribe", _):
                    merged.Add("unsubscribe");
                    i++;
                    break;
                case ("no", "mas", _):
                    merged.Add("nomas");
                    i++;
                    break;
                default:
                    merged.Add(token);
                    break;
            }
        }

        return merged;
    }
}
