using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Conversations;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Phones;
using Sdr.Core.Replies;

namespace Sdr.Core.Compliance.Consent;

/// <param name="Channel">Null: every channel.</param>
/// <param name="Cause">Unique per opt-out event (the webhook's dedupe key), so a replay queues nothing twice.</param>
/// <param name="ConfirmationText">The closing text instead of the STOP confirmation (a "not interested"); placeholders as in the settings.</param>
public sealed record OptOutRequest(
    string ContactId,
    string LocationId,
    string? Phone,
    string? Channel,
    string Source,
    string Reason,
    string Cause,
    bool SetGhlDnd,
    bool SendConfirmation,
    string? ConfirmationText = null);

public sealed record OptOutResult(bool AlreadySuppressed, int SequencesEnded, bool ConfirmationQueued);

/// <summary>
/// An opt-out takes effect locally in the caller's unit of work (suppression ledger row for the
/// contact and its phone number in every location, active sequences ended as OPTED_OUT) and queues
/// what GHL must learn (SMS DND, the opt-out tag), retried until GHL accepts, and at most one
/// confirmation text (a conversational message: sent within five minutes or never). The cadence's
/// consent stage reads the same ledger, so nothing more goes out even while GHL is down.
/// </summary>
public sealed partial class OptOutService(
    SdrDbContext db,
    GhlActionQueue actions,
    OutboundMessageQueue messages,
    TimeProvider time,
    IOptions<ReplyComplianceOptions> replies,
    IOptions<MessagingOptions> messaging,
    ILogger<OptOutService> logger)
{
    /// <summary>Sources a START/UNSTOP may lift; a do-not-call import or a manual block stays.</summary>
    private static readonly string[] RenewableSources = [SuppressionSources.Reply, SuppressionSources.Webhook, SuppressionSources.GhlDnd];

    public async Task<OptOutResult> OptOutAsync(OptOutRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var phone = request.Phone ?? await KnownPhoneAsync(request.ContactId, cancellationToken);
        var phoneHash = PhoneHash.Of(phone);
        var already = await SuppressionLedger.FindAsync(db, request.ContactId, request.LocationId, request.Channel ?? Channel.Sms.ToName(), phoneHash, cancellationToken) is not null;

        db.Suppressions.Add(new SdrSuppression
        {
            ContactId = request.ContactId,
            LocationId = null,
            PhoneHash = phoneHash,
            Channel = request.Channel,
            Reason = request.Reason,
            Source = request.Source,
            CreatedAt = now,
        });

        var ended = 0;
        if (request.Channel is null || request.Channel == Channel.Sms.ToName())
        {
            ended = await EndSequencesAsync(request.ContactId, phoneHash, $"opted out ({request.Source}: {request.Reason})", now, cancellationToken);
        }

        // The same person in other locations of this install (matched by phone) is told to GHL too.
        // A contact already opted out had these queued by the first opt-out: a repeated STOP queues nothing.
        var contacts = already ? [] : await SamePersonAsync(request.ContactId, request.LocationId, phoneHash, cancellationToken);
        foreach (var (locationId, contactId) in contacts)
        {
            var key = $"{locationId}:{contactId}:{request.Cause}";
            if (request.SetGhlDnd)
            {
                await actions.EnqueueAsync(GhlActionKinds.SetSmsDnd, locationId, contactId, $"{GhlActionKinds.SetSmsDnd}:{key}", null, cancellationToken);
            }

            await actions.EnqueueAsync(GhlActionKinds.AddTag, locationId, contactId, $"{GhlActionKinds.AddTag}:{key}", replies.Value.OptOutTag, cancellationToken);
        }

        var confirmation = false;
        if (request.SendConfirmation && !already && replies.Value.SendOptOutConfirmation)
        {
            var purpose = MessagePurpose.OptOutConfirmation;
            confirmation = await messages.EnqueueAsync(
                purpose,
                request.LocationId,
                request.ContactId,
                null,
                Channel.Sms,
                Fill(request.ConfirmationText ?? replies.Value.OptOutConfirmationText),
                $"{purpose.ToName()}:{request.LocationId}:{request.ContactId}:{request.Cause}",
                cancellationToken);
        }

        LogOptedOut(logger, request.ContactId, request.Source, ended, contacts.Count);
        return new OptOutResult(already, ended, confirmation);
    }

    /// <summary>
    /// START / UNSTOP: lifts the suppressions that came from the contact's own opt-out (not a
    /// do-not-call import or a manual block) and clears SMS DND in GHL. Does not re-enrol.
    /// </summary>
    public async Task<int> RenewConsentAsync(string contactId, string locationId, string cause, CancellationToken cancellationToken)
    {
        var phoneHash = PhoneHash.Of(await KnownPhoneAsync(contactId, cancellationToken));
        var lifted = await db.Suppressions
            .Where(s => s.ContactId == contactId || (phoneHash != null && s.PhoneHash == phoneHash))
            .Where(s => RenewableSources.Contains(s.Source))
            .ToListAsync(cancellationToken);
        db.Suppressions.RemoveRange(lifted);
        if (lifted.Count > 0)
        {
            var key = $"{locationId}:{contactId}:{cause}";
            await actions.EnqueueAsync(GhlActionKinds.ClearSmsDnd, locationId, contactId, $"{GhlActionKinds.ClearSmsDnd}:{key}", null, cancellationToken);
            await actions.EnqueueAsync(GhlActionKinds.RemoveTag, locationId, contactId, $"{GhlActionKinds.RemoveTag}:{key}", replies.Value.OptOutTag, cancellationToken);
        }

        LogRenewed(logger, contactId, lifted.Count);
        return lifted.Count;
    }

    /// <summary>GHL cleared a DND: lifts only the suppressions that mirrored GHL's DND for these channels.</summary>
    public async Task<int> LiftGhlDndAsync(string contactId, IReadOnlyCollection<string?> channels, CancellationToken cancellationToken)
    {
        var rows = await db.Suppressions
            .Where(s => s.ContactId == contactId && s.Source == SuppressionSources.GhlDnd)
            .ToListAsync(cancellationToken);
        var lifted = rows.Where(s => channels.Contains(s.Channel)).ToList();
        db.Suppressions.RemoveRange(lifted);
        return lifted.Count;
    }

    public string Fill(string template) => template
        .Replace("{sender_name}", messaging.Value.SenderName, StringComparison.Ordinal)
        .Replace("{company}", messaging.Value.CompanyName, StringComparison.Ordinal);

    private async Task<int> EndSequencesAsync(string contactId, string? phoneHash, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var sequences = await ActiveSequencesOf(db, contactId, phoneHash).ToListAsync(cancellationToken);
        foreach (var sequence in sequences)
        {
            sequence.OptOut(reason, now);
        }

        return sequences.Count;
    }

    /// <summary>
    /// The active sequences of a contact, or of anyone with the same phone. The phone's prospects are a
    /// subquery on <c>prospect_id</c> rather than a join: an OR spanning two joined tables made SQLite scan
    /// every sequence and look up its prospect, once per opt-out, inside the webhook processor's write
    /// transaction; this form reads the two indexes (contact_id, and prospect_id through the phone hash).
    /// </summary>
    internal static IQueryable<SdrOutreachSequence> ActiveSequencesOf(SdrDbContext db, string contactId, string? phoneHash)
    {
        var active = db.Sequences.Where(s => s.IsActive);
        return phoneHash is null
            ? active.Where(s => s.ContactId == contactId)
            : active.Where(s => s.ContactId == contactId || db.Prospects.Where(p => p.PhoneHash == phoneHash).Select(p => p.Id).Contains(s.ProspectId));
    }

    private async Task<List<(string LocationId, string ContactId)>> SamePersonAsync(string contactId, string locationId, string? phoneHash, CancellationToken cancellationToken)
    {
        var others = phoneHash is null
            ? []
            : await db.Prospects.AsNoTracking()
                .Where(p => p.PhoneHash == phoneHash && !(p.ContactId == contactId && p.LocationId == locationId))
                .Select(p => new { p.LocationId, p.ContactId })
                .ToListAsync(cancellationToken);
        return [(locationId, contactId), .. others.Select(o => (o.LocationId, o.ContactId)).Distinct()];
    }

    private async Task<string?> KnownPhoneAsync(string contactId, CancellationToken cancellationToken) =>
        (await db.Prospects.AsNoTracking().Where(p => p.ContactId == contactId && p.Phone != null).Select(p => p.Phone).FirstOrDefaultAsync(cancellationToken));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact {ContactId} opted out ({Source}): {Sequences} sequence(s) ended, GHL updates queued for {Contacts} contact(s)")]
    private static partial void LogOptedOut(ILogger logger, string contactId, string source, int sequences, int contacts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} renewed consent (START): {Lifted} suppression(s) lifted; not re-enrolled")]
    private static partial void LogRenewed(ILogger logger, string contactId, int lifted);
}
