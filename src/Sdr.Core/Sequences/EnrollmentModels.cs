using Sdr.Core.Profiles;

namespace Sdr.Core.Sequences;

/// <summary>
/// Contacts to enrol in one location. <paramref name="Hints"/> carries, per contact id, what the source knows
/// beyond GHL (listing, opportunity, last activity) for the ProspectProfiler.
/// </summary>
public sealed record EnrollCommand(
    IReadOnlyList<string> ContactIds,
    string LocationId,
    string? LeadType,
    string? SequenceVariant,
    string Source = "manual",
    IReadOnlyDictionary<string, ProspectHints>? Hints = null);

public sealed record EnrollSkip(string ContactId, string Reason);

public sealed record EnrollError(string ContactId, string Error);

public sealed record EnrollResult(IReadOnlyList<string> Enrolled, IReadOnlyList<EnrollSkip> Skipped, IReadOnlyList<EnrollError> Errors)
{
    public int TotalEnrolled => Enrolled.Count;
}

public static class LeadTypes
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string Ambiguous = "ambiguous";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Buyer, Seller, Ambiguous };
}
