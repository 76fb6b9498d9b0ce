using System.Globalization;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Core.GoHighLevel.Wire;

namespace Sdr.Core.GoHighLevel;

public sealed partial class GoHighLevelClient
{
    private const int ContactSearchPageLimit = 100;

    public async Task<GhlContact?> GetContactAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        var request = new GhlRequest("GetContact", locationId, HttpMethod.Get, $"/contacts/{Escape(contactId)}", GhlApiVersions.Contacts, GhlCallKind.Read)
        {
            NotFoundIsNull = true,
        };
        var envelope = await SendAsync<ContactEnvelopeWire>(request, cancellationToken).ConfigureAwait(false);
        return envelope is null ? null : GhlWireMapper.ToContact(envelope.Contact);
    }

    /// <summary>
    /// Sends {"locationId", "pageLimit", "page": 1, "filters": [{"field": "dateUpdated", "operator": "range",
    /// "value": {"lt": since}}], "sort": [{"field": "dateUpdated", "direction": "asc"}]}; later pages send the
    /// last contact's "searchAfter" cursor instead of "page" (falling back to page + 1 when GHL gives none).
    /// </summary>
    public async Task<IReadOnlyList<GhlContact>> GetContactsInactiveSinceAsync(string locationId, DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var filters = new[] { new SearchFilterWire("dateUpdated", "range", new SearchRangeWire(Lt: since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))) };
        var sort = new[] { new SearchSortWire("dateUpdated", "asc") };
        var contacts = new List<GhlContact>();
        var body = new ContactSearchBodyWire(locationId, Math.Min(limit, ContactSearchPageLimit), filters, sort) { Page = 1 };
        while (contacts.Count < limit)
        {
            var request = new GhlRequest("SearchContacts", locationId, HttpMethod.Post, "/contacts/search", GhlApiVersions.Contacts, GhlCallKind.Read)
            {
                JsonBody = GhlJson.Serialize(body),
            };
            var page = await SendAsync<ContactSearchResponseWire>(request, cancellationToken).ConfigureAwait(false);
            var items = page?.Contacts ?? [];
            contacts.AddRange(items.Select(GhlWireMapper.ToContact).OfType<GhlContact>().Take(limit - contacts.Count));
            if (items.Count < body.PageLimit)
            {
                break;
            }

            body = items[^1].SearchAfter is { ValueKind: System.Text.Json.JsonValueKind.Array } cursor
                ? body with { Page = null, SearchAfter = cursor }
                : body with { Page = (body.Page ?? 1) + 1, SearchAfter = null };
        }

        return contacts;
    }

    public Task TriggerWorkflowAsync(string locationId, string contactId, string workflowId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(
            new GhlRequest("TriggerWorkflow", locationId, HttpMethod.Post, $"/contacts/{Escape(contactId)}/workflow/{Escape(workflowId)}", GhlApiVersions.Contacts, GhlCallKind.NonIdempotentWrite)
            {
                JsonBody = GhlJson.Serialize(new WorkflowBodyWire()),
            },
            cancellationToken);

    public Task AddTagsAsync(string locationId, string contactId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(
            new GhlRequest("AddTags", locationId, HttpMethod.Post, $"/contacts/{Escape(contactId)}/tags", GhlApiVersions.Contacts, GhlCallKind.IdempotentWrite)
            {
                JsonBody = GhlJson.Serialize(new TagsBodyWire(tags)),
            },
            cancellationToken);

    public Task RemoveTagsAsync(string locationId, string contactId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(
            new GhlRequest("RemoveTags", locationId, HttpMethod.Delete, $"/contacts/{Escape(contactId)}/tags", GhlApiVersions.Contacts, GhlCallKind.IdempotentWrite)
            {
                JsonBody = GhlJson.Serialize(new TagsBodyWire(tags)),
            },
            cancellationToken);

    public Task UpdateDndAsync(string locationId, string contactId, GhlDndUpdate update, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(
            new GhlRequest("UpdateDnd", locationId, HttpMethod.Put, $"/contacts/{Escape(contactId)}", GhlApiVersions.Contacts, GhlCallKind.IdempotentWrite)
            {
                JsonBody = GhlJson.Serialize(new DndBodyWire(update.Dnd, GhlWireMapper.ToWire(update.DndSettings))),
            },
            cancellationToken);

    public Task AddNoteAsync(string locationId, string contactId, string body, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(
            new GhlRequest("AddNote", locationId, HttpMethod.Post, $"/contacts/{Escape(contactId)}/notes", GhlApiVersions.Contacts, GhlCallKind.NonIdempotentWrite)
            {
                JsonBody = GhlJson.Serialize(new NoteBodyWire(body)),
            },
            cancellationToken);

    /// <summary>Upsert without tags (GHL would replace the tag list), then add the tags, so existing tags survive.</summary>
    public async Task<GhlContact> UpsertContactAsync(string locationId, GhlContactUpsert contact, CancellationToken cancellationToken = default)
    {
        var request = new GhlRequest("UpsertContact", locationId, HttpMethod.Post, "/contacts/upsert", GhlApiVersions.Contacts, GhlCallKind.IdempotentWrite)
        {
            JsonBody = GhlJson.Serialize(new UpsertBodyWire(locationId, contact.FirstName, contact.LastName, contact.Phone, contact.Email, contact.Source, contact.State)
            {
                Address1 = contact.Address1,
                City = contact.City,
                PostalCode = contact.PostalCode,
                CustomFields = contact.CustomFields is { Count: > 0 } fields ? fields.Select(f => new CustomFieldInputWire(f.Id, f.Value)).ToArray() : null,
            }),
        };
        var response = await SendAsync<UpsertContactResponseWire>(request, cancellationToken).ConfigureAwait(false);
        var upserted = GhlWireMapper.ToContact(response?.Contact) ?? throw UnexpectedShape(request, null);
        if (contact.Tags is not { Count: > 0 } tags)
        {
            return upserted;
        }

        await AddTagsAsync(locationId, upserted.Id, tags.ToArray(), cancellationToken).ConfigureAwait(false);
        return upserted with { Tags = upserted.Tags.Union(tags, StringComparer.OrdinalIgnoreCase).ToArray() };
    }
}
