using System.Globalization;
using System.Text.Json;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Core.GoHighLevel.Wire;

namespace Sdr.Core.GoHighLevel;

/// <summary>The reads of a prospecting cycle: every page of a search, each item once, in as few calls as GHL allows.</summary>
public sealed partial class GoHighLevelClient
{
    /// <summary>POST /contacts/search allows up to 500 contacts a page.</summary>
    private const int ContactSearchMaxPage = 500;

    private const int ConversationSearchMaxPage = 100;

    public async Task<IReadOnlyList<GhlOpportunity>> SearchOpenOpportunitiesAsync(string locationId, string stageId, CancellationToken cancellationToken = default)
    {
        var found = new List<GhlOpportunity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? startAfter = null;
        string? startAfterId = null;
        var repeats = 0;
        while (true)
        {
            var query = Query(
                ("location_id", locationId),
                ("pipeline_stage_id", stageId),
                ("status", "open"),
                ("limit", OpportunitySearchPageLimit.ToString(CultureInfo.InvariantCulture)),
                ("startAfter", startAfter),
                ("startAfterId", startAfterId));
            var request = new GhlRequest("SearchOpportunities", locationId, HttpMethod.Get, "/opportunities/search?" + query, GhlApiVersions.Opportunities, GhlCallKind.Read);
            var page = await SendAsync<OpportunitySearchResponseWire>(request, cancellationToken).ConfigureAwait(false);
            var items = page?.Opportunities ?? [];
            var added = 0;
            foreach (var wire in items)
            {
                if (ToOpportunity(wire) is { } opportunity && seen.Add(opportunity.Id))
                {
                    found.Add(opportunity);
                    added++;
                }
            }

            var nextAfterId = page?.Meta?.StartAfterId;
            var nextAfter = CursorText(page?.Meta?.StartAfter);
            if (items.Count < OpportunitySearchPageLimit || nextAfterId is null || nextAfter is null)
            {
                return found;
            }

            // A page served again (nothing new on it) is asked for once more from where we were; a second time it
            // ends the read rather than loop.
            if (added > 0)
            {
                (startAfter, startAfterId) = (nextAfter, nextAfterId);
                repeats = 0;
            }
            else if (++repeats > 1)
            {
                return found;
            }
        }
    }

    /// <summary>
    /// Sorted by dateUpdated then id, read by the searchAfter cursor of the last contact of each page: a contact updated
    /// while we read leaves the filter (its new date is past <paramref name="before"/>) without shifting the pages
    /// after the cursor, so nothing is skipped; a contact met twice is kept once. Without a cursor it falls back to page numbers.
    /// </summary>
    public async Task<IReadOnlyList<GhlContact>> SearchContactsUpdatedBeforeAsync(string locationId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var filters = new[] { new SearchFilterWire("dateUpdated", "range", new SearchRangeWire(Lt: before.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))) };
        var sort = new[] { new SearchSortWire("dateUpdated", "asc") };
        var contacts = new List<GhlContact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var body = new ContactSearchBodyWire(locationId, ContactSearchMaxPage, filters, sort) { Page = 1 };
        while (true)
        {
            var request = new GhlRequest("SearchContacts", locationId, HttpMethod.Post, "/contacts/search", GhlApiVersions.Contacts, GhlCallKind.Read)
            {
                JsonBody = GhlJson.Serialize(body),
            };
            var page = await SendAsync<ContactSearchResponseWire>(request, cancellationToken).ConfigureAwait(false);
            var items = page?.Contacts ?? [];
            foreach (var contact in items.Select(GhlWireMapper.ToContact).OfType<GhlContact>())
            {
                if (seen.Add(contact.Id))
                {
                    contacts.Add(contact);
                }
            }

            if (items.Count < body.PageLimit)
            {
                return contacts;
            }

            var next = items[^1].SearchAfter is { ValueKind: JsonValueKind.Array } cursor
                ? body with { Page = null, SearchAfter = cursor }
                : body with { Page = (body.Page ?? 1) + 1, SearchAfter = null };
            if (next.SearchAfter is { } after && body.SearchAfter is { } previous && after.GetRawText() == previous.GetRawText())
            {
                return contacts;
            }

            body = next;
        }
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastMessageDatesSinceAsync(string locationId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        string? startAfterDate = null;
        while (true)
        {
            var query = Query(
                ("locationId", locationId),
                ("sortBy", "last_message_date"),
                ("sort", "desc"),
                ("limit", ConversationSearchMaxPage.ToString(CultureInfo.InvariantCulture)),
                ("startAfterDate", startAfterDate));
            var request = new GhlRequest("SearchConversations", locationId, HttpMethod.Get, "/conversations/search?" + query, GhlApiVersions.Conversations, GhlCallKind.Read);
            var page = await SendAsync<ConversationSearchResponseWire>(request, cancellationToken).ConfigureAwait(false);
            var items = page?.Conversations ?? [];
            DateTimeOffset? oldest = null;
            foreach (var conversation in items)
            {
                if (GhlWireMapper.ToDate(conversation.LastMessageDate) is not { } last)
                {
                    continue;
                }

                oldest = last;
                if (last >= since && conversation.ContactId is { } contactId && (!dates.TryGetValue(contactId, out var known) || known < last))
                {
                    dates[contactId] = last;
                }
            }

            var nextAfter = oldest?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            if (items.Count < ConversationSearchMaxPage || oldest is not { } reached || reached < since || nextAfter == startAfterDate)
            {
                return dates;
            }

            startAfterDate = nextAfter;
        }
    }

    private static GhlOpportunity? ToOpportunity(OpportunityWire wire)
    {
        var contactId = wire.ContactId ?? wire.Contact?.Id;
        if (wire.Id is null || contactId is null)
        {
            return null;
        }

        return new GhlOpportunity(
            wire.Id,
            contactId,
            wire.PipelineId,
            wire.PipelineStageId,
            wire.Status,
            wire.MonetaryValue,
            DateTimeOffset.TryParse(wire.LastStageChangeAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var changed) ? changed : null,
            wire.Contact?.Name,
            wire.Contact?.Email,
            wire.Contact?.Phone,
            wire.Contact?.Tags ?? []);
    }
}
