namespace Sdr.Core.GoHighLevel;

/// <summary>
/// An opportunity as GET /opportunities/search returns it, with its embedded contact (id, name, email, phone, tags:
/// no DND, address or time zone, which GET /contacts/{id} gives).
/// </summary>
public sealed record GhlOpportunity(
    string Id,
    string ContactId,
    string? PipelineId,
    string? StageId,
    string? Status,
    decimal? MonetaryValue,
    DateTimeOffset? LastStageChangeAt,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<string> ContactTags);
