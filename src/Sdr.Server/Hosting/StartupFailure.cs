using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Sdr.Server.Hosting;

/// <summary>
/// Turns what stops start-up into the one line the operator reads first: a bad setting becomes
/// "Configuration error: KEY must be ...", anything else expected (a missing file or key) its message.
/// </summary>
internal static partial class StartupFailure
{
    public const string ConfigurationErrorPrefix = "Configuration error: ";

    /// <summary>The line to print, or null when the exception is not an expected start-up failure (a bug keeps its stack trace).</summary>
    public static string? Describe(Exception exception)
    {
        var settings = BadSettings(exception).ToList();
        if (settings.Count > 0)
        {
            return ConfigurationErrorPrefix + string.Join("; ", settings.Distinct(StringComparer.Ordinal));
        }

        return exception is InvalidOperationException or IOException or FormatException
            ? $"sdr: start-up failed: {OneLine(exception.Message)}"
            : null;
    }

    private static IEnumerable<string> BadSettings(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(BadSettings),
        OptionsValidationException validation => validation.Failures.Select(Unwrap),
        InvalidOperationException conversion when NotConvertible().Match(conversion.Message) is { Success: true } match =>
            [$"{match.Groups["key"].Value} must be {Expected(match.Groups["type"].Value)}."],
        _ => [],
    };

    /// <summary>DataAnnotations wrap our message ("... members: 'X' with the error: 'KEY must be ...'."); keep ours.</summary>
    private static string Unwrap(string failure) =>
        OneLine(DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure);

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:30",
        _ when FindEnum(type) is { } names => $"one of {string.Join(", ", names)}",
        _ => $"a valid {type[(type.LastIndexOf('.') + 1)..]}",
    };

    private static string[]? FindEnum(string type) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(type)).FirstOrDefault(t => t is { IsEnum: true }) is { } found
            ? Enum.GetNames(found)
            : null;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // "Failed to convert configuration value 'lots' at 'KEY' to type 'System.Int32'." (the value is not repeated: it may be a secret)
    [GeneratedRegex(@"^Failed to convert configuration value .*at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"with the error: '(?<message>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
