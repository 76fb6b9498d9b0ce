using Sdr.Sandbox.Http;
using Sdr.Sandbox.Personas;

namespace Sdr.Sandbox.Endpoints;

internal static class ConversationEndpoints
{
    private const int DefaultMessageLimit = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/conversations/messages", Send);
        app.MapGet("/conversations/search", Search);
        app.MapGet("/conversations/{conversationId}/messages", Messages);
    }

    private static async Task<IResult> Send(HttpContext context, SandboxState state, PersonaResponder personas)
    {
        var body = await SandboxJson.ReadAsync<SendMessageBody>(context);
        if (body is null)
        {
            return GhlErrors.BadRequest(context, "Invalid JSON body");
        }

        var kind = string.Equals(body.Type, MessageKinds.Sms, StringComparison.OrdinalIgnoreCase) ? MessageKinds.Sms
            : string.Equals(body.Type, MessageKinds.Email, StringComparison.OrdinalIgnoreCase) ? MessageKinds.Email
            : null;
        if (kind is null)
        {
            return GhlErrors.Unprocessable(context, "type must be one of the following values: SMS, Email");
        }

        if (string.IsNullOrEmpty(body.ContactId))
        {
            return GhlErrors.Unprocessable(context, "contactId should not be empty");
        }

        var contact = ContactLookup.Find(context, state, body.ContactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        var rejection = kind == MessageKinds.Sms ? CheckSms(context, contact, body) : CheckEmail(context, contact, body);
        if (rejection is not null)
        {
            return rejection;
        }

        var now = state.TimeProvider.GetUtcNow();
        var conversation = state.GetOrCreateConversation(contact.LocationId, contact.Id);
        var text = kind == MessageKinds.Email ? body.Html ?? body.Message : body.Message;
        var message = new SandboxMessage(state.NewId(), conversation.Id, contact.LocationId, contact.Id, kind, "outbound", text, body.Subject, "delivered", now);
        conversation.Append(message);
        state.Record(new SentMessage(contact.LocationId, contact.Id, kind, text, body.Subject, message.Id, conversation.Id, now));
        personas.MessageSent(message);
        return Results.Json(
            new
            {
                conversationId = conversation.Id,
                messageId = message.Id,
                emailMessageId = kind == MessageKinds.Email ? message.Id : null,
                msg = "Message queued successfully.",
                traceId = context.TraceId(),
            },
            SandboxJson.Options);
    }

    private static IResult? CheckSms(HttpContext context, SandboxContact contact, SendMessageBody body)
    {
        if (string.IsNullOrEmpty(body.Message))
        {
            return GhlErrors.Unprocessable(context, "message should not be empty");
        }

        lock (contact.Sync)
        {
            if (string.IsNullOrEmpty(contact.Phone))
            {
                return GhlErrors.BadRequest(context, "Missing phone number");
            }

            return contact.Dnd || contact.IsChannelActive("SMS")
                ? GhlErrors.BadRequest(context, "Cannot send message as DND is active for SMS.")
                : null;
        }
    }

    private static IResult? CheckEmail(HttpContext context, SandboxContact contact, SendMessageBody body)
    {
        if (string.IsNullOrEmpty(body.Html) && string.IsNullOrEmpty(body.Message))
        {
            return GhlErrors.Unprocessable(context, "html or message should not be empty");
        }

        lock (contact.Sync)
        {
            if (string.IsNullOrEmpty(contact.Email) && string.IsNullOrEmpty(body.EmailTo))
            {
                return GhlErrors.BadRequest(context, "Missing email address");
            }

            return contact.Dnd || contact.IsChannelActive("Email")
                ? GhlErrors.BadRequest(context, "Cannot send message as DND is active for Email.")
                : null;
        }
    }

    private static IResult Search(
        HttpContext context,
        SandboxState state,
        string? locationId,
        string? contactId,
        int? limit,
        string? sort,
        string? sortBy,
        string? startAfterDate)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return GhlErrors.Unprocessable(context, "locationId should not be empty");
        }

        if (!context.OwnsLocation(locationId))
        {
            return GhlErrors.Forbidden(context);
        }

        IEnumerable<SandboxConversation> found = contactId is { Length: > 0 }
            ? state.ConversationForContact(contactId) is { } c && c.LocationId == locationId ? [c] : []
            : state.Contacts(locationId).Select(x => state.ConversationForContact(x.Id)).OfType<SandboxConversation>();
        var all = found.Select(c => (Conversation: c, Last: c.LastMessage?.DateAdded.ToUnixTimeMilliseconds() ?? 0)).ToList();
        if (sortBy is "last_message_date")
        {
            // GHL's order and cursor: by the last message's date; startAfterDate is the sort value of the last item seen.
            var ascending = string.Equals(sort, "asc", StringComparison.OrdinalIgnoreCase);
            all = ascending ? [.. all.OrderBy(x => x.Last)] : [.. all.OrderByDescending(x => x.Last)];
            if (long.TryParse(startAfterDate, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var after))
            {
                all = [.. all.Where(x => ascending ? x.Last > after : x.Last < after)];
            }
        }

        var conversations = all.Take(Math.Clamp(limit ?? 20, 1, 100)).Select(x => ConversationDto.From(x.Conversation, state.GetContact(x.Conversation.ContactId))).ToArray();
        return Results.Json(new { conversations, total = all.Count, traceId = context.TraceId() }, SandboxJson.Options);
    }

    private static IResult Messages(HttpContext context, SandboxState state, string conversationId, string? lastMessageId, int? limit, string? type)
    {
        var conversation = state.GetConversation(conversationId);
        if (conversation is null)
        {
            return GhlErrors.BadRequest(context, "Conversation not found");
        }

        if (!context.OwnsLocation(conversation.LocationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var (page, hasMore) = conversation.PageNewestFirst(lastMessageId, Math.Clamp(limit ?? DefaultMessageLimit, 1, 100));
        var types = type?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var messages = page
            .Where(m => types is not { Length: > 0 } || types.Contains(MessageDto.TypeName(m.Type), StringComparer.OrdinalIgnoreCase))
            .Select(MessageDto.From)
            .ToArray();
        return Results.Json(
            new { messages = new { lastMessageId = page.Count > 0 ? page[^1].Id : null, nextPage = hasMore, messages } },
            SandboxJson.Options);
    }
}
