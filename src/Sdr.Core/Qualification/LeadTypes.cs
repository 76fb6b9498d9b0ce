namespace Sdr.Core.Qualification;

/// <summary>The seed's lead types, as stored on the prospect (<c>lead_type</c>).</summary>
public static class LeadTypes
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string Ambiguous = "ambiguous";

    public static readonly IReadOnlyList<string> All = [Buyer, Seller, Ambiguous];
}
