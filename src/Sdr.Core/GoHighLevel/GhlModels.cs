using Sdr.Core.Data.Entities;
namespace Sdr.Core.GoHighLevel;

public sealed record GhlDndChannel(string Status, string? Message = null);

public sealed record GhlContact
{
    public required string Id { get; init; }
    public string? LocationId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Timezone { get; init; }
    public string? Address1 { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? Source { get; init; }
    public bool Dnd { get; init; }
    /// <summary>Channel name (SMS, Email, Call, ...) to its DND status ("active" blocks).</summary>
    public IReadOnlyDictionary<string, GhlDndChannel> DndSettings { get; init; } = new Dictionary<string, GhlDndChannel>();
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateTimeOffset? DateAdded { get; init; }
    public DateTimeOffset? DateUpdated { get; init; }
}

public enum GhlMessageType
{
    Sms,
    Email,
}

public sealed record GhlOutboundMessage(GhlMessageType Type, string ContactId, string Message, string? Subject = null);

public sealed record GhlSendResult(string MessageId, string? ConversationId);

public sealed record GhlDndUpdate(bool? Dnd, IReadOnlyDictionary<string, GhlDndChannel> DndSettings);

public sealed record GhlMessage(string Id, string Direction, string? MessageType, string? Body, DateTimeOffset DateAdded);

public sealed record GhlAppointmentRequest(string CalendarId, string ContactId, DateTimeOffset StartTime, DateTimeOffset? EndTime = null, string? Title = null);

public sealed record GhlAppointment(string Id, string CalendarId, string ContactId, DateTimeOffset StartTime, DateTimeOffset? EndTime);

public sealed record GhlContactUpsert(string? FirstName, string? LastName, string? Phone, string? Email, string? Source = null, string? State = null, IReadOnlyList<string>? Tags = null)
{
    public string? Address1 { get; init; }
    public string? City { get; init; }
    public string? PostalCode { get; init; }

    /// <summary>Custom fields by id (UpsertContactDto's customFields: <c>{"id", "field_value"}</c>).</summary>
    public IReadOnlyList<GhlCustomFieldValue>? CustomFields { get; init; }
}

/// <summary>A custom field's value as GHL takes it in a contact write: the field's id and a text or number value.</summary>
public sealed record GhlCustomFieldValue(string Id, object Value);
