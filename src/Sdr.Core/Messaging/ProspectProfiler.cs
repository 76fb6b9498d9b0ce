using Sdr.Core.GoHighLevel;
using Sdr.Core.Profiles;
using Sdr.Core.Qualification;

namespace Sdr.Core.Messaging;

/// <summary>
/// Builds the facts messages and scoring use from the GHL contact and what its source knew (<see cref="ProspectHints"/>):
/// the listing wins over the contact for the address, the price history comes from the listing's prices, and the lead
/// type from the contact's tags, the opportunity's stage and the listing source. Pure: no I/O.
/// </summary>
public static class ProspectProfiler
{
    private static readonly string[] SellerWords = ["seller", "selling", "listing", "expired", "fsbo", "for sale by owner", "withdrawn", "cma", "home value"];
    private static readonly string[] BuyerWords = ["buyer", "buying", "pre-approval", "preapproval", "home search", "showing"];

    public static ProspectProfile Build(GhlContact contact, ProspectHints? hints)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var listing = hints?.Listing;
        var opportunity = hints?.Opportunity;
        var (leadType, evidence) = LeadTypeOf(contact.Tags, opportunity, listing);
        return new ProspectProfile
        {
            Address = Clean(listing?.UnparsedAddress) ?? Clean(contact.Address1),
            City = Clean(listing?.City) ?? Clean(contact.City),
            State = Clean(listing?.StateOrProvince) ?? Clean(contact.State),
            PostalCode = Clean(listing?.PostalCode) ?? Clean(contact.PostalCode),
            ListingSource = Clean(listing?.Source),
            ListingKey = Clean(listing?.ListingKey),
            ListingStatus = Clean(listing?.StandardStatus),
            PropertyType = Clean(listing?.PropertyType),
            DaysOnMarket = listing?.DaysOnMarket is >= 0 ? listing.DaysOnMarket : null,
            ListPrice = Positive(listing?.ListPrice),
            OriginalListPrice = Positive(listing?.OriginalListPrice),
            PreviousListPrice = Positive(listing?.PreviousListPrice),
            PriceHistory = listing is null ? null : PriceHistory.Of(listing.OriginalListPrice, listing.PreviousListPrice, listing.ListPrice),
            LeadType = leadType,
            LeadTypeEvidence = evidence,
            OpportunityId = Clean(opportunity?.OpportunityId),
            OpportunityStage = Clean(opportunity?.StageName) ?? Clean(opportunity?.StageId),
            OpportunityStatus = Clean(opportunity?.Status),
            OpportunityValue = Positive(opportunity?.MonetaryValue),
            LastActivityAt = LastActivity(contact, hints),
        };
    }

    /// <summary>Seller and buyer words in the tags, the opportunity's stage and the listing source; both sides: ambiguous; neither: null.</summary>
    private static (string? LeadType, IReadOnlyList<string> Evidence) LeadTypeOf(IReadOnlyList<string> tags, OpportunityFacts? opportunity, ListingFacts? listing)
    {
        var seller = new List<string>();
        var buyer = new List<string>();
        if (listing is not null)
        {
            seller.Add($"listing:{listing.Source}");
        }

        foreach (var tag in tags)
        {
            Classify(tag, "tag", seller, buyer);
        }

        if (opportunity?.StageName is { } stage)
        {
            Classify(stage, "opportunity", seller, buyer);
        }

        var leadType = (seller.Count, buyer.Count) switch
        {
            ( > 0, 0) => LeadTypes.Seller,
            (0, > 0) => LeadTypes.Buyer,
            ( > 0, > 0) => LeadTypes.Ambiguous,
            _ => null,
        };
        return (leadType, [.. seller, .. buyer]);
    }

    private static void Classify(string text, string origin, List<string> seller, List<string> buyer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var evidence = $"{origin}:{text.Trim()}";
        if (SellerWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            seller.Add(evidence);
        }

        if (BuyerWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            buyer.Add(evidence);
        }
    }

    /// <summary>
    /// The later of what the source confirmed and the opportunity's last stage change; without either, the contact's last
    /// update (which our own tag and DND writes also move, hence only the fallback).
    /// </summary>
    private static DateTime? LastActivity(GhlContact contact, ProspectHints? hints)
    {
        var confirmed = new[] { hints?.LastActivityAt, hints?.Opportunity?.LastStageChangeAt }.Where(c => c is not null).Max();
        return confirmed ?? contact.DateUpdated?.UtcDateTime;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static decimal? Positive(decimal? value) => value is > 0 ? value : null;
}
