using Sdr.Core.Profiles;

namespace Sdr.Core.Listings;

/// <summary>
/// One listing as a feed page or a CSV row gives it, before staging: the facts and the owner as found
/// (the phone as written, checked when staged). <see cref="Line"/> is the CSV line, 0 for a feed.
/// </summary>
public sealed record ListingRecord(
    ListingFacts Facts,
    string? OwnerFirstName,
    string? OwnerLastName,
    string? OwnerPhone,
    string? OwnerEmail,
    int Line = 0)
{
    /// <summary>"Jane Q. Doe" → ("Jane Q.", "Doe"); "DOE, JANE" (MLS style) → ("JANE", "DOE").</summary>
    public static (string? First, string? Last) SplitName(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return (null, null);
        }

        var name = fullName.Trim();
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return (Blank(name[(comma + 1)..]), Blank(name[..comma]));
        }

        var space = name.LastIndexOf(' ');
        return space < 0 ? (name, null) : (Blank(name[..space]), Blank(name[(space + 1)..]));
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
