using System.Collections.Frozen;

namespace Sdr.Core.Replies;

/// <summary>The seed's wire names of <see cref="ReplyCategory"/> (stored, logged and sent to the LLM).</summary>
public static class ReplyCategoryNames
{
    private static readonly string[] Names =
        ["opt_out", "not_interested", "already_agent", "timing", "price", "info_request", "engagement", "help", "start"];

    private static readonly FrozenDictionary<string, ReplyCategory> ByName =
        Names.Select((name, index) => (name, index)).ToFrozenDictionary(p => p.name, p => (ReplyCategory)p.index, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every wire name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Names);

    public static string ToName(this ReplyCategory category) =>
        (uint)category < (uint)Names.Length
            ? Names[(int)category]
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Not a reply category.");

    /// <summary>Parses a wire name (case-insensitive, surrounding spaces ignored); false for anything else.</summary>
    public static bool TryParse(string? name, out ReplyCategory category)
    {
        category = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out category);
    }
}
