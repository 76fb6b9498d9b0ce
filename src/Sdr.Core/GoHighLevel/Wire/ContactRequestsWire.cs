using System.Text.Json;

namespace Sdr.Core.GoHighLevel.Wire;

/// <summary>TagsDTO (add and remove).</summary>
internal sealed record TagsBodyWire(IReadOnlyCollection<string> Tags);

/// <summary>NotesDTO.</summary>
internal sealed record NoteBodyWire(string Body);

/// <summary>CreateWorkflowDto: every field optional, sent as {}.</summary>
internal sealed record WorkflowBodyWire(string? EventStartTime = null);

/// <summary>UpdateContactDto restricted to DND, so nothing else on the contact is touched.</summary>
internal sealed record DndBodyWire(bool? Dnd, Dictionary<string, DndSettingWire>? DndSettings);

/// <summary>UpsertContactDto without tags: tags there replace the contact's list, so they go through add-tags.</summary>
internal sealed record UpsertBodyWire(
    string LocationId,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Email,
    string? Source,
    string? State)
{
    public string? Address1 { get; init; }
    public string? City { get; init; }
    public string? PostalCode { get; init; }
    public IReadOnlyList<CustomFieldInputWire>? CustomFields { get; init; }
}

/// <summary>customFieldsInputStringSchema / NumericField: a custom field by id.</summary>
internal sealed record CustomFieldInputWire(string Id, [property: System.Text.Json.Serialization.JsonPropertyName("field_value")] object FieldValue);

/// <summary>POST /contacts/search body (the spec's SearchBodyV2DTO is empty; format from GHL's search doc).</summary>
internal sealed record ContactSearchBodyWire(
    string LocationId,
    int PageLimit,
    IReadOnlyList<SearchFilterWire> Filters,
    IReadOnlyList<SearchSortWire> Sort)
{
    public int? Page { get; init; }
    public JsonElement? SearchAfter { get; init; }
}

internal sealed record SearchFilterWire(string Field, string Operator, object Value);

internal sealed record SearchRangeWire(string? Lt = null, string? Lte = null, string? Gt = null, string? Gte = null);

internal sealed record SearchSortWire(string Field, string Direction);
