using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal sealed record ContactDto(
    string Id,
    string LocationId,
    string? Name,
    string? FirstName,
    string? LastName,
    string? FirstNameLowerCase,
    string? LastNameLowerCase,
    string? FullNameLowerCase,
    string? Email,
    string? EmailLowerCase,
    string? Phone,
    string? Timezone,
    string? CompanyName,
    bool Dnd,
    Dictionary<string, SandboxDndSetting> DndSettings,
    string Type,
    string? Source,
    string? Address1,
    string? City,
    string? State,
    string? Country,
    string? PostalCode,
    List<string> Tags,
    string DateAdded,
    string DateUpdated,
    object[] CustomFields,
    object[]? SearchAfter = null)
{
    public static ContactDto From(SandboxContact c, bool withSearchAfter = false)
    {
        lock (c.Sync)
        {
            var name = string.Join(' ', new[] { c.FirstName, c.LastName }.Where(s => !string.IsNullOrEmpty(s)));
            return new ContactDto(
                c.Id,
                c.LocationId,
                name.Length == 0 ? null : name,
                c.FirstName,
                c.LastName,
                c.FirstName?.ToLowerInvariant(),
                c.LastName?.ToLowerInvariant(),
                name.Length == 0 ? null : name.ToLowerInvariant(),
                c.Email,
                c.Email?.ToLowerInvariant(),
                c.Phone,
                c.Timezone,
                c.CompanyName,
                c.Dnd,
                new Dictionary<string, SandboxDndSetting>(c.DndSettings),
                "lead",
                c.Source,
                c.Address1,
                c.City,
                c.State,
                c.Country,
                c.PostalCode,
                [.. c.Tags],
                SandboxJson.Iso(c.DateAdded),
                SandboxJson.Iso(c.DateUpdated),
                [.. c.CustomFields.Select(f => (object)new { id = f.Key, value = f.Value })],
                withSearchAfter ? [c.DateAdded.ToUnixTimeMilliseconds(), c.Id] : null);
        }
    }
}
