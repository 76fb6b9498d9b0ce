using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>One free-text revocation pattern over <see cref="NormalizedReply.Text"/>.</summary>
internal sealed record RevocationPhrase(string Rule, Regex Pattern, double Confidence, PhraseGuards Guards)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // NonBacktracking keeps every pattern linear in the message length, whatever a sender types.
    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
}
