namespace Sdr.Core.Replies;

/// <summary>
/// Emoji that carry an answer on their own (the normaliser drops them with the punctuation). 🛑 ⛔ 🚫 are
/// the keyword layer's (opt-out).
/// </summary>
internal static class ReplyEmoji
{
    private static readonly string[] Positive =
    [
        "\U0001F44D", "\U0001F44C", "\U0001F642", "\U0001F60A", "\U0001F600", "\U0001F603", "\U0001F604", "\U0001F601",
        "\U0001F64F", "\u2764", "\U0001F91D", "\U0001F4AF", "\u2705", "\U0001F3E1", "\U0001F3E0", "\U0001F60D", "\U0001F44B",
    ];

    private static readonly string[] Negative = ["\U0001F44E", "\U0001F645", "\u274C", "\U0001F6AB"];

    public static bool HasPositive(string text) => Contains(text, Positive);

    public static bool HasNegative(string text) => Contains(text, Negative);

    private static bool Contains(string text, string[] emoji)
    {
        foreach (var e in emoji)
        {
            if (text.Contains(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
