using System.Collections.Frozen;

namespace Sdr.Core.Replies;

/// <summary>
/// "F*** off", "fuck you", "f u": abuse aimed at the sender is a revocation by any reasonable
/// reading, however the sender masks the word.
/// </summary>
internal static class HostileRevocation
{
    private static readonly FrozenSet<string> Targets = FrozenSet.ToFrozenSet(["off", "you", "u", "ya", "yourself", "outta", "ur"]);

    private static readonly FrozenSet<string> PlainForms = FrozenSet.ToFrozenSet(
        ["f", "fu", "fk", "fck", "fuk", "fuq", "fuc", "fuck", "fucc", "phuck", "fcuk", "eff", "frick", "frig", "feck"]);

    public static bool IsHostile(NormalizedReply reply)
    {
        for (var i = 0; i + 1 < reply.Tokens.Count; i++)
        {
            if (IsFWord(reply.Tokens[i]) && Targets.Contains(reply.Tokens[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFWord(string token) =>
        PlainForms.Contains(token)
        || (token.Length >= 2 && token[0] == 'f' && token.AsSpan(1).IndexOfAny('*', '#') >= 0);
}
