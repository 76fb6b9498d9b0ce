namespace Sdr.Core.Sequences;

public sealed record EnrollCommand(IReadOnlyList<string> ContactIds, string LocationId, string? LeadType, string? SequenceVariant, string Source = "manual");

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
