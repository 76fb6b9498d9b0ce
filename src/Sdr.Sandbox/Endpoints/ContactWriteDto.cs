namespace Sdr.Sandbox.Endpoints;

internal sealed class ContactWriteDto
{
    public string? LocationId { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address1 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }

    public string? Timezone { get; set; }

    public string? CompanyName { get; set; }

    public string? Source { get; set; }

    public bool? Dnd { get; set; }

    public Dictionary<string, SandboxDndSetting>? DndSettings { get; set; }

    public List<string>? Tags { get; set; }

    /// <summary>By id (or key): <c>{"id", "field_value"}</c>.</summary>
    public List<CustomFieldWriteDto>? CustomFields { get; set; }
}

internal sealed class CustomFieldWriteDto
{
    public string? Id { get; set; }

    public string? Key { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("field_value")]
    public System.Text.Json.JsonElement FieldValue { get; set; }
}
