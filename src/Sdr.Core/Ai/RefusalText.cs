using System.Text.RegularExpressions;

namespace Sdr.Core.Ai;

/// <summary>An answer that declines the task in words ("I'm sorry, but I can't help with that") instead of doing it.</summary>
internal static partial class RefusalText
{
    public static bool IsRefusal(string text) => Refusal().IsMatch(text.Replace('\u2019', '\''));

    [GeneratedRegex(
        @"^\W*(?:(?:I'?m|I am)\s+(?:sorry|afraid)|sorry|unfortunately|I apologi[sz]e|as an AI[^,.]*)?[\s,.!-]*(?:but\s+)?I\s+(?:can'?t|cannot|can not|won'?t|will not|am unable to|'m unable to|am not able to|'m not able to|must decline to|have to decline to)\s+(?:help|assist|comply|provide|write|create|compose|classify|do|fulfil+|generate|respond|answer|complete|engage)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Refusal();
}
