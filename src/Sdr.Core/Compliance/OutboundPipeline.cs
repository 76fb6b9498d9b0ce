using Microsoft.Extensions.Logging;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Compliance;

/// <summary>
/// The one seam every outbound SMS, email and voicemail passes through, cadence touch or conversational
/// message alike: the checks of <see cref="IOutboundStage"/> in order (each knowing which of its rules
/// apply to which <see cref="MessagePurpose"/>), then the idempotency reservation, then the GHL call.
/// Callers persist the returned touch state together with their own changes.
/// </summary>
public sealed partial class OutboundPipeline(
    IEnumerable<IOutboundStage> stages,
    TouchReservations reservations,
    ChannelDispatcher dispatcher,
    CadenceStore store,
    ILogger<OutboundPipeline> logger)
{
    private readonly IOutboundStage[] _stages = stages.OrderBy(s => s.Order).ToArray();

    /// <summary>
    /// Sends a group of touches: each passes the stages and those that pass are reserved, all in
    /// one transaction, then the GHL calls run concurrently, each holding one of <paramref name="callSlots"/>
    /// (shared by the groups of one batch, so that a group left alone at the end of a batch may use them
    /// all). Outcomes come back in request order; the touches' new states are saved by the caller.
    /// </summary>
    public async Task<IReadOnlyList<DispatchOutcome>> SendManyAsync(IReadOnlyList<OutboundRequest> requests, CallSlots callSlots, CancellationToken cancellationToken)
    {
        var outcomes = new DispatchOutcome[requests.Count];

        // One transaction for the whole group's checks and reservations, committed before any GHL call.
        var (passed, reserved) = await store.CheckAndReserveAsync(
            async token =>
            {
                var alive = await CheckManyAsync(requests, outcomes, token);
                return (alive, await reservations.ReserveManyAsync(alive.Select(i => requests[i]).ToList(), token));
            },
            cancellationToken);

        var toSend = new List<(int Index, SdrOutreachTouch Touch)>(passed.Count);
        for (var j = 0; j < passed.Count; j++)
        {
            var (verdict, touch) = reserved[j];
            if (verdict is { } earlier)
            {
                outcomes[passed[j]] = new DispatchOutcome(earlier, DescribeEarlier(earlier), touch);
            }
            else
            {
                toSend.Add((passed[j], touch!));
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = callSlots.Count, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(toSend, parallel, async (item, token) =>
        {
            using (await callSlots.EnterAsync(token))
            {
                outcomes[item.Index] = await CallGhlAsync(requests[item.Index], item.Touch, token);
            }
        });

        await ReleaseUnsentAsync(requests, passed, outcomes);
        return outcomes;
    }

    /// <summary>
    /// Sends conversational messages that the caller has claimed: the same stages as a touch, in request
    /// order; those that pass are reserved by <paramref name="reserve"/> (given their indexes, it answers
    /// which it reserved) in the same transaction as the stages' units, committed before any GHL call.
    /// A message whose reservation failed comes back <see cref="DispatchResultKind.InFlight"/>; one whose
    /// GHL answer is lost comes back <see cref="DispatchResultKind.OutcomeUnknown"/> and must not be sent again.
    /// </summary>
    public async Task<IReadOnlyList<DispatchOutcome>> SendMessagesAsync(
        IReadOnlyList<OutboundRequest> requests,
        Func<IReadOnlyList<int>, CancellationToken, Task<IReadOnlyList<bool>>> reserve,
        int maxConcurrentCalls,
        CancellationToken cancellationToken)
    {
        var outcomes = new DispatchOutcome[requests.Count];
        var (passed, reserved) = await store.CheckAndReserveAsync(
            async token =>
            {
                var alive = await CheckManyAsync(requests, outcomes, token);
                return (alive, alive.Count == 0 ? [] : await reserve(alive, token));
            },
            cancellationToken);

        var toSend = new List<int>(passed.Count);
        for (var j = 0; j < passed.Count; j++)
        {
            if (reserved[j])
            {
                toSend.Add(passed[j]);
            }
            else
            {
                outcomes[passed[j]] = new DispatchOutcome(DispatchResultKind.InFlight, "claimed by another worker");
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrentCalls, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(toSend, parallel, async (index, token) => outcomes[index] = await CallGhlAsync(requests[index], token));

        await ReleaseUnsentAsync(requests, passed, outcomes);
        return outcomes;
    }

    /// <summary>Gives back what counting stages took for each passed request that did not go out (and may not have).</summary>
    private async Task ReleaseUnsentAsync(IReadOnlyList<OutboundRequest> requests, IReadOnlyList<int> passed, DispatchOutcome[] outcomes)
    {
        foreach (var index in passed)
        {
            if (outcomes[index].Kind is DispatchResultKind.Sent or DispatchResultKind.OutcomeUnknown)
            {
                continue;
            }

            foreach (var stage in _stages.OfType<IReleasingStage>())
            {
                await stage.ReleaseAsync(requests[index], CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Runs the stages over the group, stage by stage, each on the touches every earlier stage let
    /// through (in request order, so counters are taken as if touch by touch). A stopped touch gets its
    /// outcome and the units of the counting stages it passed back; returns the indexes that may go out.
    /// </summary>
    private async Task<List<int>> CheckManyAsync(IReadOnlyList<OutboundRequest> requests, DispatchOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var alive = new List<int>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            if (dispatcher.Unavailable(requests[i].Step, requests[i].Channel) is { } unavailable)
            {
                outcomes[i] = new DispatchOutcome(DispatchResultKind.Blocked, unavailable);
            }
            else
            {
                alive.Add(i);
            }
        }

        var passedStages = new List<IReleasingStage>();
        foreach (var stage in _stages)
        {
            if (alive.Count == 0)
            {
                break;
            }

            var decisions = await stage.EvaluateManyAsync(alive.Select(i => requests[i]).ToList(), cancellationToken);
            var next = new List<int>(alive.Count);
            for (var j = 0; j < alive.Count; j++)
            {
                var (index, decision) = (alive[j], decisions[j]);
                if (decision.Verdict == StageVerdict.Continue)
                {
                    next.Add(index);
                    continue;
                }

                foreach (var counted in passedStages)
                {
                    await counted.ReleaseAsync(requests[index], CancellationToken.None);
                }

                outcomes[index] = decision.Verdict == StageVerdict.Deferred
                    ? new DispatchOutcome(DispatchResultKind.Deferred, $"{stage.Name}: {decision.Reason}", Until: decision.Until)
                    : new DispatchOutcome(DispatchResultKind.Blocked, $"{stage.Name}: {decision.Reason}") { EndsSequence = decision.EndsSequence };
            }

            if (stage is IReleasingStage releasing)
            {
                passedStages.Add(releasing);
            }

            alive = next;
        }

        return alive;
    }

    private async Task<DispatchOutcome> CallGhlAsync(OutboundRequest request, SdrOutreachTouch touch, CancellationToken cancellationToken)
    {
        try
        {
            touch.GhlMessageId = await dispatcher.SendAsync(request, cancellationToken);
            touch.Status = TouchStatus.Sent;
            touch.SentAt = request.Now;
            return new DispatchOutcome(DispatchResultKind.Sent, "sent", touch);
        }
        catch (GhlApiException exception) when (exception.OutcomeUnknown)
        {
            touch.Status = TouchStatus.Unknown;
            touch.Error = Truncate(exception.Message);
            LogOutcomeUnknown(logger, request.ContactId, touch.Step.ToName(), (int?)exception.StatusCode, exception.TraceId);
            return new DispatchOutcome(DispatchResultKind.OutcomeUnknown, "GHL outcome unknown; flagged and not re-sent", touch, Error: exception);
        }
        catch (GhlApiException exception)
        {
            touch.Status = TouchStatus.Failed;
            touch.Error = Truncate(exception.Message);
            LogFailed(logger, request.ContactId, touch.Step.ToName(), (int?)exception.StatusCode, exception.TraceId);
            var kind = exception.IsPermanent ? DispatchResultKind.Blocked : DispatchResultKind.Failed;

            // GHL refuses a text or email to a contact with DND on that channel: the last word on
            // consent is GHL's, so the sequence ends as it would for our own suppression ledger.
            return exception.IsDndRefusal
                ? new DispatchOutcome(kind, $"consent: GHL DND is active for {request.Channel.ToName()}", touch, Error: exception) { EndsSequence = true }
                : new DispatchOutcome(kind, $"GHL rejected the touch: {exception.Message}", touch, Error: exception);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-call: GHL may have the message, so it must be reconciled, not repeated.
            // The caller saves this state before it lets the cancellation through.
            touch.Status = TouchStatus.Unknown;
            touch.Error = "cancelled during the GHL call";
            throw;
        }
    }

    /// <summary>A conversational message's GHL call: it has no touch row, its outcome is returned for its own row.</summary>
    private async Task<DispatchOutcome> CallGhlAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        var purpose = request.Purpose.ToName();
        try
        {
            var messageId = await dispatcher.SendAsync(request, cancellationToken);
            return new DispatchOutcome(DispatchResultKind.Sent, "sent") { GhlMessageId = messageId };
        }
        catch (GhlApiException exception) when (exception.OutcomeUnknown)
        {
            LogOutcomeUnknown(logger, request.ContactId, purpose, (int?)exception.StatusCode, exception.TraceId);
            return new DispatchOutcome(DispatchResultKind.OutcomeUnknown, $"GHL outcome unknown; not re-sent: {Truncate(exception.Message)}", Error: exception);
        }
        catch (GhlApiException exception)
        {
            LogFailed(logger, request.ContactId, purpose, (int?)exception.StatusCode, exception.TraceId);
            var kind = exception.IsPermanent ? DispatchResultKind.Blocked : DispatchResultKind.Failed;
            return exception.IsDndRefusal
                ? new DispatchOutcome(kind, $"consent: GHL DND is active for {request.Channel.ToName()}", Error: exception)
                : new DispatchOutcome(kind, $"GHL rejected the message: {Truncate(exception.Message)}", Error: exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong, the message was handed over: GHL may have it.
            LogOutcomeUnknown(logger, request.ContactId, purpose, null, null);
            return new DispatchOutcome(DispatchResultKind.OutcomeUnknown, $"GHL call failed ({exception.GetType().Name}); not re-sent");
        }
    }

    private static string DescribeEarlier(DispatchResultKind kind) => kind switch
    {
        DispatchResultKind.AlreadySent => "step already sent; not sent again",
        DispatchResultKind.InFlight => "step reserved by another worker",
        _ => "an earlier attempt's outcome is unknown; flagged and not re-sent",
    };

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    [LoggerMessage(Level = LogLevel.Error, Message = "GHL outcome unknown for contact {ContactId} step {Step} (status {Status}, traceId {TraceId}); the message is flagged and will not be re-sent")]
    private static partial void LogOutcomeUnknown(ILogger logger, string contactId, string step, int? status, string? traceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GHL refused contact {ContactId} step {Step} (status {Status}, traceId {TraceId})")]
    private static partial void LogFailed(ILogger logger, string contactId, string step, int? status, string? traceId);
}
