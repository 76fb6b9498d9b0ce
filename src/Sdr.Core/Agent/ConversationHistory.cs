using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Qualification;

namespace Sdr.Core.Agent;

/// <summary>
/// The whole conversation with a contact, oldest first, for the QualificationGate: our touches and answers,
/// the contact's replies, and GHL's conversation history (messages from before enrolment, or sent by people
/// in GHL). A GHL message we hold already (same GHL message id) is counted once. When GHL cannot be read the
/// stored conversation is used alone.
/// </summary>
public sealed partial class ConversationHistory(SdrDbContext db, IGoHighLevelClient ghl, ILogger<ConversationHistory> logger)
{
    private const int GhlHistoryLimit = 50;

    public async Task<IReadOnlyList<ConversationTurn>> ReadAsync(string contactId, string locationId, CancellationToken cancellationToken)
    {
        var touches = await db.Touches.AsNoTracking()
            .Where(t => t.ContactId == contactId && t.LocationId == locationId && t.Status == TouchStatus.Sent)
            .Select(t => new { t.MessageBody, t.SentAt, t.GhlMessageId })
            .ToListAsync(cancellationToken);
        var answers = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.ContactId == contactId && m.LocationId == locationId && m.Status == OutboundMessageStatus.Sent)
            .Select(m => new { m.Body, m.SentAt, m.GhlMessageId })
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => r.ContactId == contactId && r.LocationId == locationId && !r.IsAutoResponder)
            .Select(r => new { r.Body, r.ReceivedAt, r.MessageId })
            .ToListAsync(cancellationToken);

        var turns = new List<ConversationTurn>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var touch in touches.Where(t => t.MessageBody is not null && t.SentAt is not null))
        {
            turns.Add(new ConversationTurn(false, touch.MessageBody!, touch.SentAt!.Value, "touch"));
            AddKnown(known, touch.GhlMessageId);
        }

        foreach (var answer in answers.Where(a => a.Body is not null && a.SentAt is not null))
        {
            turns.Add(new ConversationTurn(false, answer.Body!, answer.SentAt!.Value, "touch"));
            AddKnown(known, answer.GhlMessageId);
        }

        foreach (var reply in replies.Where(r => !string.IsNullOrWhiteSpace(r.Body)))
        {
            turns.Add(new ConversationTurn(true, reply.Body!, reply.ReceivedAt, "reply"));
            AddKnown(known, reply.MessageId);
        }

        foreach (var message in await GhlHistoryAsync(contactId, locationId, cancellationToken))
        {
            if (known.Contains(message.Id) || string.IsNullOrWhiteSpace(message.Body))
            {
                continue;
            }

            var fromProspect = message.Direction.Equals("inbound", StringComparison.OrdinalIgnoreCase);
            turns.Add(new ConversationTurn(fromProspect, message.Body, message.DateAdded.UtcDateTime, "ghl"));
        }

        return [.. turns.OrderBy(t => t.At)];
    }

    private async Task<IReadOnlyList<GhlMessage>> GhlHistoryAsync(string contactId, string locationId, CancellationToken cancellationToken)
    {
        try
        {
            return await ghl.GetConversationMessagesAsync(locationId, contactId, GhlHistoryLimit, cancellationToken);
        }
        catch (GhlApiException exception)
        {
            LogHistoryUnavailable(logger, contactId, (int?)exception.StatusCode);
            return [];
        }
    }

    private static void AddKnown(HashSet<string> known, string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            known.Add(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GHL conversation history of contact {ContactId} unavailable (status {Status}); qualifying on the stored conversation")]
    private static partial void LogHistoryUnavailable(ILogger logger, string contactId, int? status);
}
