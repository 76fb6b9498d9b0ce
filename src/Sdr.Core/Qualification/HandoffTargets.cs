namespace Sdr.Core.Qualification;

/// <summary>The seed's handoff targets: the GHL bot that takes a qualified lead of each type.</summary>
public static class HandoffTargets
{
    public const string LeadBot = "lead_bot";
    public const string BuyerBot = "buyer_bot";
    public const string SellerBot = "seller_bot";

    public static string For(string leadType) => leadType switch
    {
        LeadTypes.Buyer => BuyerBot,
        LeadTypes.Seller => SellerBot,
        _ => LeadBot,
    };
}
