using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal sealed record MessageDto(
    string Id,
    int Type,
    string MessageType,
    string LocationId,
    string ContactId,
    string ConversationId,
    string DateAdded,
    string? Body,
    string Direction,
    string Status,
    string ContentType,
    string[] Attachments,
    string Source)
{
    public static string TypeName(string type) => type == MessageKinds.Email ? "TYPE_EMAIL" : "TYPE_SMS";

    public static MessageDto From(SandboxMessage m) => new(
        m.Id,
        m.Type == MessageKinds.Email ? 3 : 2,
        TypeName(m.Type),
        m.LocationId,
        m.ContactId,
        m.ConversationId,
        SandboxJson.Iso(m.DateAdded),
        m.Body,
        m.Direction,
        m.Status,
        m.Type == MessageKinds.Email ? "text/html" : "text/plain",
        [],
        m.Direction == "inbound" ? "app" : "api");
}

internal static class MessageKinds
{
    public const string Sms = "SMS";
    public const string Email = "Email";
}
