using System.Globalization;
using System.Text.Json;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Core.GoHighLevel.Wire;

namespace Sdr.Core.GoHighLevel;

public sealed partial class GoHighLevelClient
{
    private const int OpportunitySearchPageLimit = 100;

    /// <summary>
    /// Pages GET /opportunities/search by its startAfter/startAfterId cursor, then loads each distinct contact
    /// with GET /contacts/{id}: the opportunity's embedded contact lacks DND and timezone, which callers need
    /// before any outreach. Contacts GHL no longer has (404) are skipped.
    /// </summary>
    public async Task<IReadOnlyList<GhlContact>> GetContactsByPipelineStageAsync(string locationId, string stageId, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var contactIds = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? startAfter = null;
        string? startAfterId = null;
        while (contactIds.Count < limit)
        {
            var pageSize = Math.Min(limit - contactIds.Count, OpportunitySearchPageLimit);
            var query = Query(
                ("location_id", locationId),
                ("pipeline_stage_id", stageId),
                ("limit", pageSize.ToString(CultureInfo.InvariantCulture)),
                ("startAfter", startAfter),
                ("startAfterId", startAfterId));
            var request = new GhlRequest("SearchOpportunities", locationId, HttpMethod.Get, "/opportunities/search?" + query, GhlApiVersions.Opportunities, GhlCallKind.Read);
            var page = await SendAsync<OpportunitySearchResponseWire>(request, cancellationToken).ConfigureAwait(false);
            var opportunities = page?.Opportunities ?? [];
            foreach (var opportunity in opportunities)
            {
                var contactId = opportunity.ContactId ?? opportunity.Contact?.Id;
                if (contactId is not null && contactIds.Count < limit && seen.Add(contactId))
                {
                    contactIds.Add(contactId);
                }
            }

            startAfterId = page?.Meta?.StartAfterId;
            startAfter = CursorText(page?.Meta?.StartAfter);
            if (opportunities.Count < pageSize || startAfterId is null || startAfter is null)
            {
                break;
            }
        }

        var contacts = new List<GhlContact>(contactIds.Count);
        foreach (var contactId in contactIds)
        {
            if (await GetContactAsync(locationId, contactId, cancellationToken).ConfigureAwait(false) is { } contact)
            {
                contacts.Add(contact);
            }
        }

        return contacts;
    }

    private static string? CursorText(JsonElement? cursor) => cursor switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        _ => null,
    };
}
