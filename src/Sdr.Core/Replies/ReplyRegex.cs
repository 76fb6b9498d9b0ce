using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// How the pattern layer compiles its regular expressions: compiled backtracking. The patterns are
/// alternations of words without nested quantifiers, so a match stays linear in practice over the
/// <see cref="ReplyText.MaxClassifiedChars"/> characters classified. NonBacktracking took seconds to build
/// these alternations and its lazily built automaton tripped match timeouts on a busy machine; the
/// interpreter was 6–7 times slower than compiled code (about 500 µs against 76 µs a reply on one core).
/// The price is a second or two of compiling at the handler's first use.
/// </summary>
internal static class ReplyRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
}
