using System.Globalization;
using Fluid;
using Fluid.Values;
using Sdr.Core.Configuration;
using Sdr.Core.Profiles;

namespace Sdr.Core.Messaging;

/// <summary>
/// The variables a template may use (config/templates/README.md lists them) and the one filter we add to Liquid's
/// own: <c>usd</c> ("$425,000"). A fact we do not hold is nil, so <c>{% if address %}</c> falls back gracefully.
/// </summary>
public static class TemplateVariables
{
    public static readonly IReadOnlyList<string> Names =
    [
        "first_name", "sender_name", "company", "lead_type", "source",
        "address", "city", "state", "postal_code",
        "listing_source", "listing_status", "property_type", "days_on_market",
        "list_price", "original_list_price", "price_reductions", "price_reduction_amount", "price_reduction_percent",
        "opportunity_stage", "opportunity_value", "days_since_last_activity",
    ];

    /// <summary>
    /// Long but realistic values for the start-up check: an SMS template must fit one segment with them, its opening
    /// and its opt-out notice.
    /// </summary>
    public static ProspectFacts LongSample { get; } = new("Christopher", "ambiguous", "expired_mls")
    {
        Profile = new ProspectProfile
        {
            Address = "12345 Northwest Willowbrook Dr",
            City = "North Richland Hills",
            State = "TX",
            PostalCode = "76180",
            ListingSource = "expired_mls",
            ListingStatus = "Withdrawn",
            PropertyType = "Single Family Residence",
            DaysOnMarket = 187,
            ListPrice = 1_249_900m,
            OriginalListPrice = 1_399_000m,
            PreviousListPrice = 1_325_000m,
            PriceHistory = new PriceHistory(2, 149_100m, 10.7m),
            OpportunityStage = "Listing appointment requested",
            OpportunityValue = 1_249_900m,
            LastActivityAt = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc),
        },
    };

    public static TemplateOptions Options(bool strict) =>
        new TemplateOptionsBuilder()
            .WithStrictFilters(strict)
            .WithCultureInfo(CultureInfo.InvariantCulture)
            .AddFilter("usd", static (input, _, context) => ValueTask.FromResult(
                input.IsNil() ? NilValue.Instance : StringValue.Create(Usd(input.ToNumberValue(context)))))
            .Build();

    /// <summary>Whole dollars with thousands separators: 1249900 becomes "$1,249,900".</summary>
    public static string Usd(decimal amount) => "$" + Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Of(ProspectFacts facts, MessagingOptions sender, DateTime now)
    {
        var profile = facts.Profile;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["first_name"] = string.IsNullOrWhiteSpace(facts.FirstName) ? null : facts.FirstName.Trim(),
            ["sender_name"] = sender.SenderName,
            ["company"] = sender.CompanyName,
            ["lead_type"] = facts.LeadType,
            ["source"] = facts.Source,
            ["address"] = profile?.Address,
            ["city"] = profile?.City,
            ["state"] = profile?.State,
            ["postal_code"] = profile?.PostalCode,
            ["listing_source"] = profile?.ListingSource,
            ["listing_status"] = profile?.ListingStatus,
            ["property_type"] = profile?.PropertyType,
            ["days_on_market"] = profile?.DaysOnMarket,
            ["list_price"] = profile?.ListPrice,
            ["original_list_price"] = profile?.OriginalListPrice,
            ["price_reductions"] = profile?.PriceHistory?.Reductions,
            ["price_reduction_amount"] = profile?.PriceHistory is { ReductionAmount: > 0 } history ? history.ReductionAmount : null,
            ["price_reduction_percent"] = profile?.PriceHistory is { ReductionPercent: > 0 } percent ? percent.ReductionPercent : null,
            ["opportunity_stage"] = profile?.OpportunityStage,
            ["opportunity_value"] = profile?.OpportunityValue,
            ["days_since_last_activity"] = profile?.LastActivityAt is { } last && last <= now ? (int)(now - last).TotalDays : null,
        };
    }
}
