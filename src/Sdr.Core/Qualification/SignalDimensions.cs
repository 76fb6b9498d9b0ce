namespace Sdr.Core.Qualification;

/// <summary>The dimensions a signal counts on (<see cref="SignalOptions.Dimension"/>, <see cref="IntentSignal.Dimension"/>).</summary>
public static class SignalDimensions
{
    public const string Frs = "frs";
    public const string Pcs = "pcs";
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string LeadType = "lead_type";
    public const string Disqualifier = "disqualifier";

    /// <summary>What <c>sdr:qualification:signals:*:dimension</c> may say.</summary>
    public static readonly IReadOnlyList<string> Configurable = [Frs, Pcs, Buyer, Seller, Disqualifier];
}
