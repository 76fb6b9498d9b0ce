using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sdr.Core.Profiles;

/// <summary>
/// What the ProspectProfiler found about one prospect (<c>sdr_prospects.profile</c>, encrypted at rest): where the
/// home is, its listing and price history, the lead type the contact's tags and opportunity point to, the
/// opportunity and the last activity. Every field may be missing; templates and scoring fall back without it.
/// </summary>
public sealed record ProspectProfile
{
    public string? Address { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }

    /// <summary><c>expired_mls</c> or <c>fsbo</c> when the prospect came from a listing feed.</summary>
    public string? ListingSource { get; init; }

    public string? ListingKey { get; init; }
    public string? ListingStatus { get; init; }
    public string? PropertyType { get; init; }
    public int? DaysOnMarket { get; init; }
    public decimal? ListPrice { get; init; }
    public decimal? OriginalListPrice { get; init; }
    public decimal? PreviousListPrice { get; init; }
    public PriceHistory? PriceHistory { get; init; }

    /// <summary><c>buyer</c>, <c>seller</c> or <c>ambiguous</c> from the tags and the opportunity; null when neither says.</summary>
    public string? LeadType { get; init; }

    /// <summary>What decided <see cref="LeadType"/> (<c>tag:expired</c>, <c>opportunity:Seller leads</c>, <c>listing:fsbo</c>).</summary>
    public IReadOnlyList<string> LeadTypeEvidence { get; init; } = [];

    public string? OpportunityId { get; init; }
    public string? OpportunityStage { get; init; }
    public string? OpportunityStatus { get; init; }
    public decimal? OpportunityValue { get; init; }
    public DateTime? LastActivityAt { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored profile, or null when there is none or it cannot be read (a profile is a hint, never a reason to fail).</summary>
    public static ProspectProfile? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProspectProfile>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The listing's price reductions: how many, by how much in all, and that as a percent of the original price.</summary>
public sealed record PriceHistory(int Reductions, decimal ReductionAmount, decimal ReductionPercent)
{
    /// <summary>From the original, previous and current list prices: each step down is one reduction; null when no price is known.</summary>
    public static PriceHistory? Of(decimal? original, decimal? previous, decimal? current)
    {
        var prices = new[] { original, previous, current }.Where(p => p is > 0).Select(p => p!.Value).ToList();
        if (prices.Count == 0)
        {
            return null;
        }

        var reductions = prices.Zip(prices.Skip(1)).Count(pair => pair.Second < pair.First);
        var amount = Math.Max(0, prices[0] - prices[^1]);
        var percent = prices[0] > 0 ? Math.Round(amount / prices[0] * 100, 1) : 0;
        return new PriceHistory(reductions, amount, percent);
    }
}
