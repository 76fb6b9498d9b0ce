using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Messaging;

namespace Sdr.Core.Sequences;

/// <summary>
/// Settles touches whose outcome is unknown (a lost GHL response, or a reservation left behind by a
/// process that died mid-call) against the contact's GHL conversation history: found there → sent,
/// and the sequence moves on; surely absent → failed, and the step goes out again through the whole
/// pipeline; no way to tell → flagged for review, never re-sent, and the sequence moves on.
/// </summary>
public sealed partial class TouchReconciler(
    SdrDbContext db,
    IGoHighLevelClient ghl,
    ChannelDispatcher dispatcher,
    OutreachSequenceEngine engine,
    CadenceWindows windows,
    IEnumerable<IOutboundStage> stages,
    IOptions<SequenceOptions> options,
    TimeProvider time,
    ILogger<TouchReconciler> logger)
{
    /// <summary>Newest messages read per contact: far more than a cadence sends between two runs.</summary>
    private const int HistoryLimit = 50;

    private readonly SequenceOptions _options = options.Value;

    private enum Result
    {
        /// <summary>Not settled yet (history unreadable, or the sequence busy): looked at again later.</summary>
        Pending,
        Sent,
        NotSent,
        Flagged,
    }

    internal sealed record Candidate(long Id, long SequenceId, DateTime ReservedAt);

    /// <summary>
    /// Unsettled touches, oldest first. It repeats the partial index's own term (status &lt;&gt; 'sent'):
    /// SQLite's planner uses a partial index only when the query contains the index's condition, and
    /// without it this query, run before every batch, would read every touch ever sent.
    /// </summary>
    internal static IQueryable<Candidate> UnsettledQuery(SdrDbContext db, DateTime staleBefore, DateTime now, string? locationId)
    {
        var unsettled = db.Touches.AsNoTracking().Where(t => t.Status != TouchStatus.Sent
            && t.ReservedAt <= staleBefore
            && (t.Status == TouchStatus.Reserved
                || (t.Status == TouchStatus.Unknown && !t.NeedsReview && (t.ReconcileAfter == null || t.ReconcileAfter <= now))));
        if (locationId is not null)
        {
            unsettled = unsettled.Where(t => t.LocationId == locationId);
        }

        return unsettled
            .OrderBy(t => t.ReservedAt).ThenBy(t => t.Id)
            .Select(t => new Candidate(t.Id, t.SequenceId, t.ReservedAt));
    }

    /// <summary>
    /// Looks at up to <c>reconcile_batch_size</c> unsettled touches, oldest first. A touch qualifies
    /// once its reservation is older than <c>reservation_timeout_minutes</c> (so GHL has had time to
    /// show a message it took) and its backoff has passed. Returns how many were settled.
    /// </summary>
    public async Task<int> ReconcileAsync(string? locationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now - TimeSpan.FromMinutes(_options.ReservationTimeoutMinutes);
        var candidates = await UnsettledQuery(db, staleBefore, now, locationId)
            .Take(_options.ReconcileBatchSize)
            .ToListAsync(cancellationToken);

        var settled = 0;
        foreach (var candidate in candidates)
        {
            if (await ReconcileOneAsync(candidate, now, staleBefore, cancellationToken) is not Result.Pending)
            {
                settled++;
            }
        }

        return settled;
    }

    private async Task<Result> ReconcileOneAsync(Candidate candidate, DateTime now, DateTime staleBefore, CancellationToken cancellationToken)
    {
        // Claim the sequence like a batch does. A claim made no later than the reservation belongs to
        // the worker that reserved the touch, which is gone by now (its reservation expired): take it over.
        var claimToken = Guid.NewGuid();
        var reserverLeaseEnd = candidate.ReservedAt + CadenceScheduler.ClaimLease;
        var claimed = await db.Sequences
            .Where(s => s.Id == candidate.SequenceId && (s.ClaimedUntil == null || s.ClaimedUntil < now || s.ClaimedUntil <= reserverLeaseEnd))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ClaimToken, claimToken).SetProperty(s => s.ClaimedUntil, now + CadenceScheduler.ClaimLease), cancellationToken);
        if (claimed == 0)
        {
            return Result.Pending;
        }

        db.ChangeTracker.Clear();
        try
        {
            var touch = await db.Touches.SingleAsync(t => t.Id == candidate.Id, cancellationToken);
            var sequence = await db.Sequences.Include(s => s.Prospect).SingleAsync(s => s.Id == candidate.SequenceId, cancellationToken);
            var result = Result.Pending;
            Func<Task>? afterSave = null;
            if (touch.Status == TouchStatus.Unknown || (touch.Status == TouchStatus.Reserved && touch.ReservedAt <= staleBefore))
            {
                (result, afterSave) = await SettleAsync(touch, sequence, now, cancellationToken);
            }

            sequence.ClaimToken = null;
            sequence.ClaimedUntil = null;
            sequence.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            if (afterSave is not null)
            {
                await afterSave();
            }

            if (result is not Result.Pending)
            {
                LogSettled(logger, touch.ContactId, touch.Step.ToName(), result.ToString());
            }

            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, candidate.Id);
            db.ChangeTracker.Clear();
            await db.Sequences.Where(s => s.Id == candidate.SequenceId && s.ClaimToken == claimToken)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ClaimToken, (Guid?)null).SetProperty(s => s.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            return Result.Pending;
        }
    }

    private async Task<(Result, Func<Task>?)> SettleAsync(SdrOutreachTouch touch, SdrOutreachSequence sequence, DateTime now, CancellationToken cancellationToken)
    {
        var step = touch.Step;
        var channel = ChannelNames.TryParseChannel(touch.Channel, out var parsed) ? parsed : Channel.None;
        if (touch.Status == TouchStatus.Reserved)
        {
            touch.Status = TouchStatus.Unknown;
            touch.Error = "reservation expired without confirmation";
        }

        if (channel is not (Channel.Sms or Channel.Email) || dispatcher.SendsThroughWorkflow(step, channel))
        {
            // A workflow enrolment (voicemail drop, workflow SMS/email) leaves no message of ours to find.
            return (Flag(touch, sequence, step, now, "it went out through a GHL workflow, which leaves nothing to match in the conversation history"), null);
        }

        IReadOnlyList<GhlMessage> history;
        try
        {
            history = await ghl.GetConversationMessagesAsync(touch.LocationId, touch.ContactId, HistoryLimit, cancellationToken);
        }
        catch (GhlApiException exception)
        {
            return (RetryLater(touch, sequence, step, now, exception), null);
        }

        var attributed = await db.Touches
            .Where(t => t.ContactId == touch.ContactId && t.Id != touch.Id && t.GhlMessageId != null)
            .Select(t => t.GhlMessageId!)
            .ToListAsync(cancellationToken);
        var candidates = history
            .Where(m => ConversationMatch.IsCandidate(m, channel, touch.ReservedAt) && !attributed.Contains(m.Id))
            .OrderBy(m => m.DateAdded)
            .ToList();

        if (touch.MessageBody is { } body && candidates.FirstOrDefault(m => ConversationMatch.SameBody(m.Body, body)) is { } match)
        {
            var sentAt = Clamp(match.DateAdded.UtcDateTime, touch.ReservedAt, now);
            touch.Status = TouchStatus.Sent;
            touch.GhlMessageId = match.Id;
            touch.SentAt = sentAt;
            touch.Error = null;
            touch.ReconcileAfter = null;
            touch.ReconcileAttempts++;
            engine.ApplyReconciledSent(sequence, step, sentAt);

            return (Result.Sent, null);
        }

        if (touch.MessageBody is null && candidates.Count > 0)
        {
            return (Flag(touch, sequence, step, now, "its text is not stored, so the messages GHL sent since cannot be told apart"), null);
        }

        // GHL answered and has no such message: it surely did not take it.
        touch.Status = TouchStatus.Failed;
        touch.Error = "reconciled: not in the GHL conversation history, so GHL did not take it";
        touch.ReconcileAttempts = 0;
        touch.ReconcileAfter = null;
        engine.ApplyReconciledNotSent(sequence, step, now);

        // The caps counted it when it was reserved; it did not go out, so they are given back.
        var request = new OutboundRequest(sequence, step, channel, new ComposedMessage(touch.MessageBody ?? string.Empty), touch.ReservedAt)
        {
            Recipient = CadenceWindows.Recipient(sequence),
        };
        return (Result.NotSent, () => ReleaseCapsAsync(request));
    }

    private Result RetryLater(SdrOutreachTouch touch, SdrOutreachSequence sequence, SequenceStep step, DateTime now, GhlApiException exception)
    {
        // An open circuit breaker is waited out without spending an attempt, as for sends.
        if (!exception.IsCircuitOpen)
        {
            touch.ReconcileAttempts++;
        }

        if (touch.ReconcileAttempts >= _options.ReconcileMaxAttempts)
        {
            return Flag(touch, sequence, step, now, $"the GHL conversation history could not be read in {touch.ReconcileAttempts} attempts");
        }

        touch.ReconcileAfter = now + windows.RetryDelay(Math.Max(1, touch.ReconcileAttempts));
        touch.Error = Truncate("outcome unknown; the GHL conversation history could not be read yet: " + exception.Message);
        LogRetry(logger, touch.ContactId, touch.Step.ToName(), touch.ReconcileAttempts, (int?)exception.StatusCode);
        return Result.Pending;
    }

    private Result Flag(SdrOutreachTouch touch, SdrOutreachSequence sequence, SequenceStep step, DateTime now, string why)
    {
        var reason = $"outcome of {step.ToName()} unknown, flagged for review and not re-sent: {why}";
        touch.NeedsReview = true;
        touch.ReconcileAfter = null;
        touch.Error = Truncate(reason);
        engine.ApplyUnresolved(sequence, step, now, reason);

        return Result.Flagged;
    }

    private async Task ReleaseCapsAsync(OutboundRequest request)
    {
        foreach (var stage in stages.OfType<IReleasingStage>())
        {
            await stage.ReleaseAsync(request, CancellationToken.None);
        }
    }

    private static DateTime Clamp(DateTime value, DateTime min, DateTime max) =>
        value < min ? min : value > max ? max : value;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled the unknown touch of contact {ContactId} step {Step} against GHL: {Result}")]
    private static partial void LogSettled(ILogger logger, string contactId, string step, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the GHL conversation of contact {ContactId} to reconcile step {Step} (attempt {Attempts}, status {Status}); will try again")]
    private static partial void LogRetry(ILogger logger, string contactId, string step, int attempts, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciling touch {TouchId} failed; it will be tried again")]
    private static partial void LogFailed(ILogger logger, Exception exception, long touchId);
}
