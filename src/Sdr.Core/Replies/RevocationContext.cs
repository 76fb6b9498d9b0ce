using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// Checks the words around a revocation match. Each check returns the suppression rule when the
/// match is a look-alike, or null when the revocation stands.
/// </summary>
internal static class RevocationContext
{
    private const int NegationLookBack = 3;

    private static readonly FrozenSet<string> Negators = FrozenSet.ToFrozenSet(
    [
        "don't", "dont", "not", "never", "didn't", "didnt", "did", "why'd", "doesn't", "doesnt", "shouldn't",
        "shouldnt",
    ]);

    private static readonly FrozenSet<string> Conditionals = FrozenSet.ToFrozenSet(["if", "unless", "or", "else"]);

    private static readonly FrozenSet<string> DescribedSubjects = FrozenSet.ToFrozenSet(
        ["you", "u", "ya", "they", "he", "she", "it", "agents", "people", "realtors", "who", "that", "which"]);

    private static readonly Regex TimeWindowAfter = RevocationPhrase.Compile(
        @"^ (before|after|until|till|til|during|between|past|at (work|night|dinner|lunch|\d)|on (the )?(weekends?|sundays?|saturdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)|in the (morning|evening|afternoon)|this (early|late|week)|so (early|late)|today|tonight|tomorrow|right now|while|while i'm|on my (work|office))\b");

    private static readonly Regex ChannelOtherThanText = RevocationPhrase.Compile(@"\b(call|calling|calls|email|emailing|emails|e mail)\b");

    private static readonly Regex TextChannel = RevocationPhrase.Compile(@"\b(texts?|texting|txts?|txting|contact|contacting|messages?|messaging|msgs?|sms|spam|spamming|sending)\b");

    private static readonly Regex PrefersTextElsewhere = RevocationPhrase.Compile(
        @"\b(text|txt|sms|message) (me|only|instead|is (fine|better|ok|okay|best|good|preferred))\b|\b(just|only|please|pls) (text|txt)\b|\btext(ing)? (is )?(fine|better|ok|okay|best|good|works|preferred)\b");

    private static readonly Regex RemovalFromAppointment = RevocationPhrase.Compile(
        @"^ from (the |this |that |my |our |tomorrow's |today's |saturday's |sunday's )?(showing|showings|appointment|tour|open house|calendar|meeting|invite|offer|contract|closing|lease|deal|escrow|loan|title|walkthrough|walk through)\b");

    public static string? Check(PhraseGuards guards, NormalizedReply reply, ValueMatch match)
    {
        var firstToken = reply.TokenAt(match.Index);
        var matched = reply.Text.AsSpan(match.Index, match.Length);
        var after = reply.Text.AsSpan(match.Index + match.Length);

        if (guards.HasFlag(PhraseGuards.Negation) && IsNegated(reply, firstToken))
        {
            return ComplianceRules.SuppressedNegated;
        }

        if (guards.HasFlag(PhraseGuards.Description) && IsDescription(reply, firstToken))
        {
            return ComplianceRules.SuppressedDescription;
        }

        if (guards.HasFlag(PhraseGuards.TimeWindow) && TimeWindowAfter.IsMatch(after))
        {
            return ComplianceRules.SuppressedTimeWindow;
        }

        if (guards.HasFlag(PhraseGuards.PrefersText) && DeclinesOnlyAnotherChannel(reply, matched))
        {
            return ComplianceRules.SuppressedPrefersText;
        }

        if (guards.HasFlag(PhraseGuards.ScopedRemoval) && RemovalFromAppointment.IsMatch(after))
        {
            return ComplianceRules.SuppressedScopedRemoval;
        }

        if (guards.HasFlag(PhraseGuards.NotInterestedQualifier)
            && NotInterestedQualifier.IsQualified(reply.Text.AsSpan(0, match.Index), after))
        {
            return ComplianceRules.SuppressedQualifiedNotInterested;
        }

        return null;
    }

    private static bool IsNegated(NormalizedReply reply, int firstToken)
    {
        var sentence = reply.SentenceOfToken[firstToken];
        for (var i = firstToken - 1; i >= 0 && i >= firstToken - NegationLookBack; i--)
        {
            if (reply.SentenceOfToken[i] != sentence)
            {
                return false;
            }

            if (Negators.Contains(reply.Tokens[i]))
            {
                // "If you don't stop texting me I'll report you" is a demand, not a wish to keep hearing from us.
                return !PrecededByConditional(reply, i, sentence);
            }
        }

        return false;
    }

    private static bool PrecededByConditional(NormalizedReply reply, int negator, int sentence)
    {
        for (var i = negator - 1; i >= 0 && i >= negator - 2; i--)
        {
            if (reply.SentenceOfToken[i] == sentence && Conditionals.Contains(reply.Tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDescription(NormalizedReply reply, int firstToken) =>
        firstToken > 0
        && reply.SentenceOfToken[firstToken - 1] == reply.SentenceOfToken[firstToken]
        && DescribedSubjects.Contains(reply.Tokens[firstToken - 1]);

    private static bool DeclinesOnlyAnotherChannel(NormalizedReply reply, ReadOnlySpan<char> matched) =>
        ChannelOtherThanText.IsMatch(matched)
        && !TextChannel.IsMatch(matched)
        && PrefersTextElsewhere.IsMatch(reply.Text);
}
