using System.Text.RegularExpressions;

namespace Sdr.Core.Replies;

/// <summary>
/// One pattern of the pattern layer over <see cref="NormalizedReply.Text"/> (lower case, no accents, no
/// punctuation, single spaces). <paramref name="Unless"/> suppresses it when the whole reply matches
/// ("how much is it" is price, unless the reply asks what the prospect's own home is worth).
/// </summary>
internal sealed record ReplyPattern(
    ReplyCategory Category,
    string Name,
    Regex Pattern,
    double Confidence,
    ReplyPatternGuards Guards = ReplyPatternGuards.None,
    Regex? Unless = null)
{
    public string Rule { get; } = $"{ReplyDecidedBy.Patterns}:{Category.ToName()}.{Name}";

    public static ReplyPattern Of(
        ReplyCategory category, string name, string pattern, double confidence,
        ReplyPatternGuards guards = ReplyPatternGuards.None, string? unless = null) =>
        new(category, name, ReplyRegex.Compile(pattern), confidence, guards,
            unless is null ? null : ReplyRegex.Compile(unless));
}

/// <summary>Context checks that turn a pattern match into a look-alike.</summary>
[Flags]
internal enum ReplyPatternGuards
{
    None = 0,

    /// <summary>
    /// An odd number of negators just before the match (same sentence) cancels it: "we don't have an
    /// agent", "no me interesa"; an even number keeps it: "I'm not NOT interested".
    /// </summary>
    Negatable = 1,

    /// <summary>A decline the sender qualifies is not one ("no thanks for now, maybe in the spring"); see <see cref="NotInterestedQualifier"/>.</summary>
    QualifiedDecline = 2,
}
