using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Replies;
using Sdr.Core.Sequences;

namespace Sdr.Core.Webhooks;

/// <summary>
/// InboundMessage (<c>/reply</c>): a STOP opts the contact out, a HELP is answered once a day, a
/// START renews consent; any reply of an enrolled contact is recorded on its sequence and last touch.
/// </summary>
public sealed class InboundMessageHandler(
    SdrDbContext db,
    OptOutService optOuts,
    OutboundMessageQueue messages,
    ComplianceKeywordClassifier classifier,
    TimeProvider time,
    IOptions<ReplyComplianceOptions> replies)
{
    /// <param name="snapshot">Contacts of the batch known to have no sequence (their replies skip the query); null reads each.</param>
    public async Task<WebhookHandling> HandleAsync(SdrWebhookEvent webhookEvent, InboundMessagePayload payload, string locationId, string contactId, SequenceSnapshot? snapshot, CancellationToken cancellationToken)
    {
        var direction = payload.Direction;
        if (direction is not null && !direction.Equals("inbound", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookHandling.Ignore("not an inbound message");
        }

        var body = payload.Body;
        var messageType = payload.MessageType ?? "SMS";
        var isText = messageType.Equals("SMS", StringComparison.OrdinalIgnoreCase);
        var verdict = classifier.Classify(body);
        var sequence = snapshot?.HasNoSequence(contactId, locationId) == true
            ? null
            : await db.Sequences.LatestFor(contactId, locationId).FirstOrDefaultAsync(cancellationToken);

        string outcome;
        switch (verdict.Intent)
        {
            case ComplianceIntent.OptOut:
                var result = await optOuts.OptOutAsync(
                    new OptOutRequest(contactId, locationId, null, null, SuppressionSources.Reply, verdict.Rule, webhookEvent.DedupeKey, SetGhlDnd: true, SendConfirmation: isText),
                    cancellationToken);
                outcome = $"opted out ({verdict.Rule}); {result.SequencesEnded} sequence(s) ended{(result.ConfirmationQueued ? "; confirmation queued" : string.Empty)}";
                break;
            case ComplianceIntent.Help:
                var today = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var help = MessagePurpose.HelpReply;
                var queued = isText && await messages.EnqueueAsync(
                    help, locationId, contactId, sequence?.Id, Channel.Sms, optOuts.Fill(replies.Value.HelpText), $"{help.ToName()}:{locationId}:{contactId}:{today}", cancellationToken);
                outcome = queued ? "help reply queued" : "help reply already sent today";
                break;
            case ComplianceIntent.OptIn:
                var lifted = await optOuts.RenewConsentAsync(contactId, locationId, webhookEvent.DedupeKey, cancellationToken);
                outcome = $"consent renewed ({lifted} suppression(s) lifted); not re-enrolled";
                break;
            default:
                if (sequence is null)
                {
                    return WebhookHandling.Ignore("contact not enrolled");
                }

                outcome = "reply recorded";
                break;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (sequence is not null)
        {
            sequence.ReplyCount++;
            sequence.UpdatedAt = now;
            var lastTouch = await db.Touches
                .Where(t => t.SequenceId == sequence.Id && t.Status == TouchStatus.Sent)
                .OrderByDescending(t => t.SentAt).ThenByDescending(t => t.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (lastTouch is not null && lastTouch.RepliedAt is null)
            {
                lastTouch.RepliedAt = now;
                lastTouch.ReplyBody = body;
            }
        }

        db.Replies.Add(new SdrReply
        {
            SequenceId = sequence?.Id,
            ContactId = contactId,
            LocationId = locationId,
            MessageId = payload.MessageId,
            Body = body,
            ReceivedAt = now,
            Category = verdict.Intent switch
            {
                ComplianceIntent.OptOut => "opt_out",
                ComplianceIntent.Help => "help",
                ComplianceIntent.OptIn => "re_consent",
                _ => "unclassified",
            },
            Confidence = verdict.Confidence,
            DecidedBy = "keywords",
            Rule = verdict.Rule,
        });
        return WebhookHandling.Done(outcome);
    }
}
