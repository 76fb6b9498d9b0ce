namespace Sdr.Sandbox;

public sealed record SentMessage(
    string LocationId,
    string ContactId,
    string Type,
    string? Body,
    string? Subject,
    string MessageId,
    string ConversationId,
    DateTimeOffset At);

public sealed record WorkflowEnrollment(string LocationId, string ContactId, string WorkflowId, DateTimeOffset At);

public sealed record SandboxNote(
    string Id,
    string LocationId,
    string ContactId,
    string Body,
    string? Title,
    string? UserId,
    DateTimeOffset DateAdded);

/// <summary>A <c>POST /contacts/upsert</c>: whether it carried tags (which would replace the contact's) and the custom field ids it set.</summary>
public sealed record ContactUpsertCall(string LocationId, string ContactId, bool Created, bool HadTags, IReadOnlyList<string> CustomFieldIds, DateTimeOffset At);

public sealed record TagChange(string LocationId, string ContactId, string Tag, bool Added, DateTimeOffset At);

public sealed record DndUpdate(
    string LocationId,
    string ContactId,
    bool? Dnd,
    IReadOnlyDictionary<string, SandboxDndSetting>? DndSettings,
    DateTimeOffset At);

public sealed record SandboxAppointment(
    string Id,
    string LocationId,
    string CalendarId,
    string ContactId,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string? Title,
    string AppointmentStatus,
    DateTimeOffset At);

public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? Version,
    string? LocationId,
    int StatusCode,
    DateTimeOffset At);
