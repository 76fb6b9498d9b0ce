using System.Text.Json;

namespace Sdr.Core.GoHighLevel.Wire;

/// <summary>SearchSuccessfulResponseDto.</summary>
internal sealed record OpportunitySearchResponseWire(List<OpportunityWire>? Opportunities, OpportunitySearchMetaWire? Meta);

/// <summary>SearchOpportunitiesResponseSchema (fields the client reads).</summary>
internal sealed record OpportunityWire(string? Id, string? ContactId, string? LocationId, OpportunityContactWire? Contact)
{
    public string? PipelineId { get; init; }
    public string? PipelineStageId { get; init; }
    public string? Status { get; init; }
    public decimal? MonetaryValue { get; init; }
    public string? LastStageChangeAt { get; init; }
}

/// <summary>SearchOpportunitiesContactResponseSchema.</summary>
internal sealed record OpportunityContactWire(string? Id, string? Name, string? Email, string? Phone, List<string>? Tags);

/// <summary>SearchMetaResponseSchema: startAfter/startAfterId are the cursor for the next page.</summary>
internal sealed record OpportunitySearchMetaWire(double? Total, string? StartAfterId, JsonElement? StartAfter);
