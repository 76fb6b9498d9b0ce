using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>
/// <c>sdr:qualification:handoff</c>: the GHL tags that activate the bot a qualified lead goes to
/// (each bot's workflow triggers on its tag) and the tag every qualified lead gets.
/// </summary>
public sealed class HandoffOptions
{
    [ConfigurationKeyName("lead_bot_tag")]
    public string LeadBotTag { get; set; } = "lead-bot-active";

    [ConfigurationKeyName("buyer_bot_tag")]
    public string BuyerBotTag { get; set; } = "buyer-bot-active";

    [ConfigurationKeyName("seller_bot_tag")]
    public string SellerBotTag { get; set; } = "seller-bot-active";

    [ConfigurationKeyName("qualified_tag")]
    public string QualifiedTag { get; set; } = "SDR-Qualified";
}
