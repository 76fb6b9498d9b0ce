using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal sealed record OpportunityContactDto(string Id, string? Name, string? CompanyName, string? Email, string? Phone, List<string> Tags);

internal sealed record OpportunityDto(
    string Id,
    string Name,
    decimal MonetaryValue,
    string PipelineId,
    string PipelineStageId,
    string Status,
    string Source,
    string LastStatusChangeAt,
    string LastStageChangeAt,
    string CreatedAt,
    string UpdatedAt,
    string ContactId,
    string LocationId,
    OpportunityContactDto? Contact,
    object[] Notes,
    object[] Tasks,
    object[] CalendarEvents,
    object[] CustomFields,
    object[] Followers)
{
    public static OpportunityDto From(SandboxOpportunity o, SandboxContact? contact) => new(
        o.Id,
        o.Name,
        o.MonetaryValue,
        o.PipelineId,
        o.PipelineStageId,
        o.Status,
        o.Source,
        SandboxJson.Iso(o.UpdatedAt),
        SandboxJson.Iso(o.LastStageChangeAt),
        SandboxJson.Iso(o.CreatedAt),
        SandboxJson.Iso(o.UpdatedAt),
        o.ContactId,
        o.LocationId,
        contact is null ? null : Summary(contact),
        [],
        [],
        [],
        [],
        []);

    private static OpportunityContactDto Summary(SandboxContact c)
    {
        lock (c.Sync)
        {
            return new OpportunityContactDto(c.Id, $"{c.FirstName} {c.LastName}".Trim(), c.CompanyName, c.Email, c.Phone, [.. c.Tags]);
        }
    }
}
