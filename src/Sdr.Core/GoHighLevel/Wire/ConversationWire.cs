using System.Text.Json;

namespace Sdr.Core.GoHighLevel.Wire;

/// <summary>SendMessageBodyDto: only type and contactId are really required (see the spec README).</summary>
internal sealed record SendMessageBodyWire(string Type, string ContactId, string? Message, string? Subject = null, string? Html = null);

/// <summary>SendMessageResponseDto.</summary>
internal sealed record SendMessageResponseWire(string? ConversationId, string? MessageId, List<string>? MessageIds, string? EmailMessageId);

/// <summary>SendConversationResponseDto.</summary>
internal sealed record ConversationSearchResponseWire(List<ConversationWire>? Conversations, double? Total);

/// <summary>ConversationSchema (fields the client reads).</summary>
internal sealed record ConversationWire(string? Id, string? ContactId, string? LocationId)
{
    /// <summary>Epoch milliseconds (a number, or a string as ConversationDto shows it); the sort value startAfterDate continues from.</summary>
    public JsonElement? LastMessageDate { get; init; }
}

/// <summary>GetMessagesByConversationResponseDto: the page that GHL really nests under "messages".</summary>
internal sealed record MessagesPageWire(string? LastMessageId, bool? NextPage, List<MessageWire>? Messages);

/// <summary>GetMessageResponseDto (fields the client reads; never logged).</summary>
internal sealed record MessageWire(string? Id, string? Direction, string? MessageType, string? Body, JsonElement? DateAdded);
