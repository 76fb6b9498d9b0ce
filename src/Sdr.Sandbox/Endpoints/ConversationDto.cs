namespace Sdr.Sandbox.Endpoints;

internal sealed record ConversationDto(
    string Id,
    string ContactId,
    string LocationId,
    string? LastMessageBody,
    string? LastMessageType,
    string? LastMessageDirection,
    long? LastMessageDate,
    string Type,
    int UnreadCount,
    string? FullName,
    string? ContactName,
    string? Email,
    string? Phone)
{
    public static ConversationDto From(SandboxConversation conversation, SandboxContact? contact)
    {
        var last = conversation.LastMessage;
        string? name = null;
        string? email = null;
        string? phone = null;
        if (contact is not null)
        {
            lock (contact.Sync)
            {
                name = $"{contact.FirstName} {contact.LastName}".Trim();
                email = contact.Email;
                phone = contact.Phone;
            }
        }

        return new ConversationDto(
            conversation.Id,
            conversation.ContactId,
            conversation.LocationId,
            last?.Body,
            last is null ? null : MessageDto.TypeName(last.Type),
            last?.Direction,
            last?.DateAdded.ToUnixTimeMilliseconds(),
            "TYPE_PHONE",
            conversation.UnreadCount,
            name,
            name,
            email,
            phone);
    }
}
