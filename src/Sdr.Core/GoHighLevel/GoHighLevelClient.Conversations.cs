using System.Globalization;
using System.Net;
using System.Text.Json;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Core.GoHighLevel.Wire;

namespace Sdr.Core.GoHighLevel;

public sealed partial class GoHighLevelClient
{
    private const int MessagesPageLimit = 100;

    public async Task<GhlSendResult> SendMessageAsync(string locationId, GhlOutboundMessage message, CancellationToken cancellationToken = default)
    {
        var body = message.Type switch
        {
            GhlMessageType.Sms => new SendMessageBodyWire("SMS", message.ContactId, message.Message),
            GhlMessageType.Email => new SendMessageBodyWire("Email", message.ContactId, message.Message, message.Subject, ToHtml(message.Message)),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Type, "unsupported GHL message type"),
        };
        var request = new GhlRequest("SendMessage", locationId, HttpMethod.Post, "/conversations/messages", GhlApiVersions.Conversations, GhlCallKind.NonIdempotentWrite)
        {
            JsonBody = GhlJson.Serialize(body),
        };
        var response = await SendAsync<SendMessageResponseWire>(request, cancellationToken).ConfigureAwait(false);
        var messageId = response?.MessageId ?? response?.MessageIds?.FirstOrDefault() ?? throw UnexpectedShape(request, null);
        return new GhlSendResult(messageId, response!.ConversationId);
    }

    public async Task<IReadOnlyList<GhlMessage>> GetConversationMessagesAsync(string locationId, string contactId, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var search = new GhlRequest(
            "SearchConversations",
            locationId,
            HttpMethod.Get,
            "/conversations/search?" + Query(("locationId", locationId), ("contactId", contactId), ("sort", "desc"), ("sortBy", "last_message_date"), ("limit", "1")),
            GhlApiVersions.Conversations,
            GhlCallKind.Read);
        var conversations = await SendAsync<ConversationSearchResponseWire>(search, cancellationToken).ConfigureAwait(false);
        var conversationId = conversations?.Conversations?.FirstOrDefault(c => c.Id is not null)?.Id;
        if (conversationId is null)
        {
            return [];
        }

        var messages = new List<GhlMessage>();
        string? lastMessageId = null;
        while (messages.Count < limit)
        {
            var query = Query(("limit", Math.Min(limit - messages.Count, MessagesPageLimit).ToString(CultureInfo.InvariantCulture)), ("lastMessageId", lastMessageId));
            var request = new GhlRequest("GetMessages", locationId, HttpMethod.Get, $"/conversations/{Escape(conversationId)}/messages?{query}", GhlApiVersions.Conversations, GhlCallKind.Read);
            using var document = await SendForDocumentAsync(request, cancellationToken).ConfigureAwait(false);
            var page = ReadMessagesPage(request, document.RootElement);
            messages.AddRange((page.Messages ?? []).Select(GhlWireMapper.ToMessage).OfType<GhlMessage>().Take(limit - messages.Count));
            if (page.NextPage != true || page.LastMessageId is null || page.LastMessageId == lastMessageId)
            {
                break;
            }

            lastMessageId = page.LastMessageId;
        }

        return messages.OrderByDescending(m => m.DateAdded).ToArray();
    }

    /// <summary>GHL really nests the page under "messages" (upstream issue #54); the spec shows it flat. Accept both.</summary>
    private static MessagesPageWire ReadMessagesPage(GhlRequest request, JsonElement root)
    {
        try
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Object)
            {
                return messages.Deserialize<MessagesPageWire>(GhlJson.Options) ?? new MessagesPageWire(null, false, []);
            }

            return root.Deserialize<MessagesPageWire>(GhlJson.Options) ?? new MessagesPageWire(null, false, []);
        }
        catch (JsonException ex)
        {
            throw UnexpectedShape(request, ex);
        }
    }

    private static string ToHtml(string text) =>
        WebUtility.HtmlEncode(text).ReplaceLineEndings("<br>");
}
