using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class ContactSearchEndpoint
{
    private const int MaxPageLimit = 500;

    public static async Task<IResult> Search(HttpContext context, SandboxState state)
    {
        var body = await SandboxJson.ReadAsync<ContactSearchBody>(context);
        if (body is null || string.IsNullOrEmpty(body.LocationId))
        {
            return GhlErrors.Unprocessable(context, "locationId should not be empty");
        }

        if (!context.OwnsLocation(body.LocationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var pageLimit = Math.Clamp(body.PageLimit ?? 20, 1, MaxPageLimit);
        var (field, descending) = ContactSearch.ParseSort(body.Sort);
        var matches = state.Contacts(body.LocationId)
            .Where(c => ContactSearch.Matches(c, body.Filters, body.Query))
            .Select(c => (Contact: c, Key: SortKey(c, field)))
            .ToList();
        matches.Sort((a, b) =>
        {
            var byKey = a.Key.CompareTo(b.Key);
            var ordered = byKey != 0 ? byKey : string.CompareOrdinal(a.Contact.Id, b.Contact.Id);
            return descending ? -ordered : ordered;
        });

        IEnumerable<(SandboxContact Contact, long Key)> page = matches;
        if (body.SearchAfter is { Length: >= 2 } after && after[0].TryGetInt64(out var afterKey))
        {
            var afterId = after[1].ToString();
            page = page.SkipWhile(m =>
            {
                var cmp = m.Key != afterKey ? m.Key.CompareTo(afterKey) : string.CompareOrdinal(m.Contact.Id, afterId);
                return descending ? cmp >= 0 : cmp <= 0;
            });
        }
        else
        {
            page = page.Skip((Math.Max(body.Page ?? 1, 1) - 1) * pageLimit);
        }

        var contacts = page.Take(pageLimit).Select(m => ContactDto.From(m.Contact, withSearchAfter: true) with
        {
            SearchAfter = [m.Key, m.Contact.Id],
        }).ToArray();
        return Results.Json(new { contacts, total = matches.Count, traceId = context.TraceId() }, SandboxJson.Options);
    }

    private static long SortKey(SandboxContact contact, string field)
    {
        lock (contact.Sync)
        {
            return (field == "dateUpdated" ? contact.DateUpdated : contact.DateAdded).ToUnixTimeMilliseconds();
        }
    }
}
