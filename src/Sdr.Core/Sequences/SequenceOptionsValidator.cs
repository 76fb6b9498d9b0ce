using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>Checks the cadence windows: every step present, channels known, windows ordered.</summary>
public sealed class SequenceOptionsValidator : IValidateOptions<SequenceOptions>
{
    public ValidateOptionsResult Validate(string? name, SequenceOptions options)
    {
        var failures = new List<string>();
        foreach (var key in options.Steps.Keys)
        {
            if (!SequenceStepNames.TryParse(key, out var parsed) || !SequenceStepNames.Cadence.Contains(parsed))
            {
                failures.Add($"sdr:sequence:steps:{key} is not a cadence step (expected one of {string.Join(", ", SequenceStepNames.Cadence.Select(s => s.ToName()))}).");
            }
        }

        double previousMin = -1;
        foreach (var step in SequenceStepNames.Cadence)
        {
            var key = $"sdr:sequence:steps:{step.ToName()}";
            if (!options.Steps.TryGetValue(step.ToName(), out var window))
            {
                failures.Add($"{key} is missing.");
                continue;
            }

            failures.AddRange(ValidateWindow(step, key, window, previousMin));
            previousMin = window.MinHours;
        }

        var sendTime = new List<ValidationResult>();
        Validator.TryValidateObject(options.SendTime, new ValidationContext(options.SendTime), sendTime, validateAllProperties: true);
        failures.AddRange(sendTime.Select(r => r.ErrorMessage ?? "sdr:sequence:send_time is invalid."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ValidateWindow(SequenceStep step, string key, StepWindowOptions window, double previousMin)
    {
        if (!ChannelNames.TryParseChannel(window.Channel, out var channel))
        {
            yield return $"{key}:channel '{window.Channel}' is not one of sms, email, voicemail.";
            yield break;
        }

        if (step == SequenceStep.NurturePause)
        {
            if (channel != Channel.None)
            {
                yield return $"{key}:channel must be empty: the nurture pause sends nothing.";
            }

            if (window.PauseDays is <= 0 or > 3650)
            {
                yield return $"{key}:pause_days must be between 1 and 3650.";
            }
        }
        else if (channel == Channel.None)
        {
            yield return $"{key}:channel must be sms, email or voicemail.";
        }

        if (window.MinHours < 0 || window.MaxHours < window.MinHours)
        {
            yield return $"{key}: min_hours must be >= 0 and max_hours >= min_hours.";
        }

        if (window.MinHours <= previousMin)
        {
            yield return $"{key}:min_hours must be after the previous step's min_hours.";
        }
    }
}
