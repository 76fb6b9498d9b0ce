namespace Sdr.Core.Profiles;

/// <summary>The GHL opportunity a pipeline prospect was found through.</summary>
public sealed record OpportunityFacts(
    string OpportunityId,
    string? PipelineId,
    string StageId,
    string? StageName,
    string? Status,
    decimal? MonetaryValue,
    DateTime? LastStageChangeAt);
