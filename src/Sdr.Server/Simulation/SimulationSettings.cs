using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdr.Server.Simulation;

/// <summary>A variant of the sequence and its share of the contacts, in percent.</summary>
internal sealed record VariantWeight(string Name, int Weight);

/// <summary>What <c>sdr simulate</c> was asked to run.</summary>
internal sealed partial record SimulationSettings
{
    public const int MaxDays = 365;
    public const int MaxContacts = 1_000_000;
    public const int MaxLocations = 50;

    public int Contacts { get; init; } = 2000;
    public int Days { get; init; } = 21;

    /// <summary>The first simulated day; the campaign starts at 00:00 UTC on it.</summary>
    public DateOnly Start { get; init; } = new(2026, 3, 2);
    public int Locations { get; init; } = 1;

    /// <summary>Variants and their weights; empty: every contact gets the configured default variant.</summary>
    public IReadOnlyList<VariantWeight> Variants { get; init; } = [];
    public FileInfo? ConfigFile { get; init; }
    public DirectoryInfo? OutputDirectory { get; init; }
    public int Seed { get; init; } = 42;
    public bool Personas { get; init; } = true;

    /// <summary>Share of contacts that answer as a scripted prospect; the others stay silent.</summary>
    public double ReplyRate { get; init; } = 0.3;
    public bool KeepDatabase { get; init; }

    /// <summary>Null when the settings can run; else one line naming the option that is wrong.</summary>
    public string? Validate()
    {
        if (Contacts is < 1 or > MaxContacts)
        {
            return $"--contacts must be between 1 and {MaxContacts} (got {Contacts}).";
        }

        if (Days is < 1 or > MaxDays)
        {
            return $"--days must be between 1 and {MaxDays} (got {Days}).";
        }

        if (Locations is < 1 or > MaxLocations)
        {
            return $"--locations must be between 1 and {MaxLocations} (got {Locations}).";
        }

        if (Locations > Contacts)
        {
            return $"--locations ({Locations}) cannot exceed --contacts ({Contacts}).";
        }

        if (double.IsNaN(ReplyRate) || ReplyRate is < 0 or > 1)
        {
            return $"--reply-rate must be between 0 and 1 (got {ReplyRate.ToString(CultureInfo.InvariantCulture)}).";
        }

        if (ConfigFile is { Exists: false })
        {
            return $"--config {ConfigFile.FullName} does not exist.";
        }

        return null;
    }

    /// <summary>
    /// Parses <c>consultative:50,direct:50</c>: at least two distinct variant names (letters, digits, _ and -),
    /// each with a whole-number weight above 0, summing to 100. Returns the error, or null.
    /// </summary>
    public static string? TryParseVariants(string? text, out IReadOnlyList<VariantWeight> variants)
    {
        variants = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = new List<VariantWeight>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !VariantName().IsMatch(pieces[0])
                || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight <= 0)
            {
                return $"--ab: '{part}' is not NAME:WEIGHT with a whole weight above 0 (e.g. --ab consultative:50,direct:50).";
            }

            if (parsed.Any(v => v.Name == pieces[0]))
            {
                return $"--ab: variant '{pieces[0]}' is listed twice.";
            }

            parsed.Add(new VariantWeight(pieces[0], weight));
        }

        if (parsed.Count < 2)
        {
            return "--ab needs at least two variants (e.g. --ab consultative:50,direct:50).";
        }

        var total = parsed.Sum(v => v.Weight);
        if (total != 100)
        {
            return $"--ab weights must sum to 100 (got {total}).";
        }

        variants = parsed;
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,50}$")]
    private static partial Regex VariantName();
}
