using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>One free-text revocation pattern over <see cref="NormalizedReply.Text"/>.</summary>
internal sealed record RevocationPhrase(string Rule, Regex Pattern, double Confidence, PhraseGuards Guards)
{
    // Generous: NonBacktracking is linear, so the timeout only stops a runaway on a starved machine; at 250 ms the
    // lazily built automaton's first matches timed out while other tests kept both cores busy.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // NonBacktracking keeps every pattern linear in the message length, whatever a sender types.
    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
}
