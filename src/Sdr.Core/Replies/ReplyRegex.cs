using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// How the pattern layer compiles its regular expressions. Backtracking, not NonBacktracking: the patterns
/// are alternations of words without nested quantifiers, so a match is linear in practice over the
/// <see cref="ReplyText.MaxClassifiedChars"/> characters classified, and NonBacktracking took seconds to build
/// these alternations on first use (its lazily built automaton then tripped match timeouts on a busy machine).
/// </summary>
internal static class ReplyRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, MatchTimeout);
}
