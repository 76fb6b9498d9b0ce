using System.Collections.Frozen;

namespace Sdr.Core.Data.Entities;

public static class SequenceStepNames
{
    private static readonly FrozenDictionary<SequenceStep, string> Names = new Dictionary<SequenceStep, string>
    {
        [SequenceStep.Enrolled] = "enrolled",
        [SequenceStep.Sms1] = "sms_1",
        [SequenceStep.Email1] = "email_1",
        [SequenceStep.Sms2] = "sms_2",
        [SequenceStep.Voicemail1] = "voicemail_1",
        [SequenceStep.Email2] = "email_2",
        [SequenceStep.Sms3] = "sms_3",
        [SequenceStep.Voicemail2] = "voicemail_2",
        [SequenceStep.NurturePause] = "nurture_pause",
        [SequenceStep.Qualified] = "qualified",
        [SequenceStep.Booked] = "booked",
        [SequenceStep.Disqualified] = "disqualified",
        [SequenceStep.OptedOut] = "opted_out",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, SequenceStep> Steps =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The touches of the cadence, in order; NURTURE_PAUSE closes it.</summary>
    public static IReadOnlyList<SequenceStep> Cadence { get; } =
    [
        SequenceStep.Sms1, SequenceStep.Email1, SequenceStep.Sms2, SequenceStep.Voicemail1,
        SequenceStep.Email2, SequenceStep.Sms3, SequenceStep.Voicemail2, SequenceStep.NurturePause,
    ];

    public static string ToName(this SequenceStep step) => Names[step];

    public static bool TryParse(string? name, out SequenceStep step) => Steps.TryGetValue(name ?? string.Empty, out step);

    public static SequenceStep Parse(string name) =>
        TryParse(name, out var step) ? step : throw new FormatException($"Unknown sequence step '{name}'.");

    public static bool IsTerminal(this SequenceStep step) =>
        step is SequenceStep.Qualified or SequenceStep.Booked or SequenceStep.Disqualified or SequenceStep.OptedOut;

    /// <summary>The cadence step that follows <paramref name="step"/>, or null when the cadence is over.</summary>
    public static SequenceStep? NextCadenceStep(this SequenceStep step)
    {
        if (step == SequenceStep.Enrolled)
        {
            return Cadence[0];
        }

        var index = IndexOf(step);
        return index >= 0 && index + 1 < Cadence.Count ? Cadence[index + 1] : null;
    }

    private static int IndexOf(SequenceStep step)
    {
        for (var i = 0; i < Cadence.Count; i++)
        {
            if (Cadence[i] == step)
            {
                return i;
            }
        }

        return -1;
    }
}
