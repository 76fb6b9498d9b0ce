using System.Text.Json;

namespace Sdr.Core.GoHighLevel.Wire;

/// <summary>GetContectByIdSchema (contacts.json), also the element of the search and upsert responses.</summary>
internal sealed record ContactWire
{
    public string? Id { get; init; }
    public string? LocationId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Timezone { get; init; }
    public string? Address1 { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? Source { get; init; }
    public bool? Dnd { get; init; }
    public Dictionary<string, DndSettingWire>? DndSettings { get; init; }
    public List<string>? Tags { get; init; }
    public JsonElement? DateAdded { get; init; }
    public JsonElement? DateUpdated { get; init; }

    /// <summary>Cursor returned by POST /contacts/search on each contact.</summary>
    public JsonElement? SearchAfter { get; init; }
}

/// <summary>DndSettingSchema.</summary>
internal sealed record DndSettingWire(string? Status, string? Message = null, string? Code = null);

/// <summary>ContactsByIdSuccessfulResponseDto.</summary>
internal sealed record ContactEnvelopeWire(ContactWire? Contact);

/// <summary>UpsertContactsSuccessfulResponseDto.</summary>
internal sealed record UpsertContactResponseWire(bool? New, ContactWire? Contact, string? TraceId);

/// <summary>POST /contacts/search response: { contacts, total }.</summary>
internal sealed record ContactSearchResponseWire(List<ContactWire>? Contacts, double? Total);
