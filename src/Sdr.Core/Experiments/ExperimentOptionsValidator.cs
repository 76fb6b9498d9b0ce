using Microsoft.Extensions.Options;

namespace Sdr.Core.Experiments;

/// <summary>Checks every test of <c>sdr:experiments:tests</c> as the API would, naming the key of each bad field.</summary>
internal sealed class ExperimentOptionsValidator(ExperimentDraftValidator drafts) : IValidateOptions<ExperimentOptions>
{
    public ValidateOptionsResult Validate(string? name, ExperimentOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, test) in options.Tests)
        {
            var path = $"{ExperimentOptions.SectionName}:tests:{key}";
            if (!ExperimentDraftValidator.IsId(key))
            {
                failures.Add($"{path}: the key must be 1-64 letters, digits, '-' or '_'.");
            }

            failures.AddRange(drafts.Validate(test.ToDraft(key)).Select(e => $"{path}:{ConfigPath(e.Field)}: {e.Message}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // variants[1].step_timing.email_1 -> variants:1:step_timing:email_1
    private static string ConfigPath(string field) => field.Replace("[", ":", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', ':');
}
