using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Replies;

namespace Sdr.Core.Agent;

/// <summary>
/// A reply that opts the contact out (STOP and its forms, or "not interested", by the keywords, the patterns or
/// the LLM): the same effects as STOP through <see cref="OptOutService"/> (ledger, GHL DND and tag, at most one
/// closing text, and for "not interested" the polite one), a "not interested" logged as an objection that ended
/// in an opt-out, and every open objection of the contact settled as opted out. Joins the caller's unit of work.
/// </summary>
public sealed class ReplyOptOut(SdrDbContext db, OptOutService optOuts, ConversationEvents events, IOptions<AgentOptions> options)
{
    /// <param name="cause">Unique per reply (its webhook's dedupe key), so a replay queues nothing twice.</param>
    public async Task<OptOutResult> OptOutAsync(SdrReply reply, SdrOutreachSequence? sequence, ReplyCategory category, string rule, string cause, DateTime now, CancellationToken cancellationToken)
    {
        var notInterested = category == ReplyCategory.NotInterested;
        var result = await optOuts.OptOutAsync(
            new OptOutRequest(reply.ContactId, reply.LocationId, null, null, SuppressionSources.Reply, rule, cause, SetGhlDnd: true, SendConfirmation: !reply.IsEmail,
                ConfirmationText: notInterested ? options.Value.NotInterestedClosingText : null),
            cancellationToken);
        await events.SettleObjectionsAsync(reply.ContactId, reply.LocationId, ObjectionOutcomes.OptedOut, now, cancellationToken);
        if (notInterested)
        {
            db.ObjectionLogs.Add(new SdrObjectionLog
            {
                ContactId = reply.ContactId,
                LocationId = reply.LocationId,
                SequenceId = sequence?.Id,
                ReplyId = reply.Id == 0 ? null : reply.Id,
                ObjectionType = ReplyCategory.NotInterested.ToName(),
                AbVariant = sequence?.AbVariant,
                RawMessage = reply.Body,
                RebuttalSource = "opt_out",
                Outcome = ObjectionOutcomes.OptedOut,
                OutcomeAt = now,
                CreatedAt = now,
            });
        }

        return result;
    }
}
