using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sdr.Core.Qualification;

/// <summary>
/// The form every pattern is matched against: lower case, accents removed ("pre-aprobados",
/// "año" → "ano"), curly apostrophes straightened, runs of spaces collapsed.
/// </summary>
internal static partial class QualificationText
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            var folded = c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => c,
            };
            var category = CharUnicodeInfo.GetUnicodeCategory(folded);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Format))
            {
                builder.Append(folded);
            }
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>A configured pattern, held to word boundaries: "estate" never matches inside "estates" or "realestate".</summary>
    public static Regex Bounded(string pattern) =>
        new($@"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);

    /// <summary>The words of the clause before <paramref name="index"/>, nearest last ("but" and punctuation end a clause).</summary>
    public static IReadOnlyList<string> WordsBefore(string text, int index, int count)
    {
        var before = text[..index];
        var clauseStart = ClauseBreak().Matches(before) is { Count: > 0 } breaks ? breaks[^1].Index + breaks[^1].Length : 0;
        var words = Word().Matches(before[clauseStart..]).Select(m => m.Value).ToList();
        return words.Count <= count ? words : words[^count..];
    }

    public static IReadOnlyList<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[.!?;,:()]|\b(?:but|pero|though|although|aunque)\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)?")]
    private static partial Regex Word();
}
