namespace Sdr.Sandbox;

public sealed record SandboxMessage(
    string Id,
    string ConversationId,
    string LocationId,
    string ContactId,
    string Type,
    string Direction,
    string? Body,
    string? Subject,
    string Status,
    DateTimeOffset DateAdded);

public sealed class SandboxConversation(string id, string locationId, string contactId)
{
    private readonly Lock _sync = new();
    private readonly List<SandboxMessage> _messages = [];

    public string Id { get; } = id;

    public string LocationId { get; } = locationId;

    public string ContactId { get; } = contactId;

    public int UnreadCount { get; private set; }

    public IReadOnlyList<SandboxMessage> Messages
    {
        get
        {
            lock (_sync)
            {
                return [.. _messages];
            }
        }
    }

    public SandboxMessage? LastMessage
    {
        get
        {
            lock (_sync)
            {
                return _messages.Count == 0 ? null : _messages[^1];
            }
        }
    }

    internal void Append(SandboxMessage message)
    {
        lock (_sync)
        {
            _messages.Add(message);
            UnreadCount = message.Direction == "inbound" ? UnreadCount + 1 : 0;
        }
    }

    // Newest first, like GHL; the cursor is the id of the last message of the previous page.
    internal (List<SandboxMessage> Page, bool HasMore) PageNewestFirst(string? lastMessageId, int limit)
    {
        lock (_sync)
        {
            var start = _messages.Count - 1;
            if (!string.IsNullOrEmpty(lastMessageId))
            {
                var index = _messages.FindIndex(m => m.Id == lastMessageId);
                start = index < 0 ? -1 : index - 1;
            }

            var page = new List<SandboxMessage>(Math.Min(limit, Math.Max(start + 1, 0)));
            var i = start;
            for (; i >= 0 && page.Count < limit; i--)
            {
                page.Add(_messages[i]);
            }

            return (page, i >= 0);
        }
    }
}
