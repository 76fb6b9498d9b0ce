using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Qualification;
using Sdr.Core.Sequences;

namespace Sdr.Core.Agent;

/// <summary>
/// Hands quiet conversations back to the cadence: a sequence paused by a reply whose prospect has said nothing
/// for <c>resume_after_silence_hours</c> resumes at the step where it stopped, with the later steps' windows
/// shifted by the length of the pause (so they keep their spacing instead of all falling due at once), and the
/// timeline says so. A HOT lead who went quiet after being offered times is not sent back to the cadence's sales
/// texts: the offer expires and the lead is handed off, so a person follows up. Also settles answered objections
/// the prospect never reacted to as <c>silent</c>. Run by the cadence worker before each batch; safe on several
/// instances.
/// </summary>
public sealed partial class ConversationResumer(
    SdrDbContext db,
    ConversationStore store,
    CadenceWindows windows,
    ConversationEvents events,
    ConversationHistory history,
    QualificationGate gate,
    HandoffService handoff,
    TimeProvider time,
    IOptions<AgentOptions> options,
    ILogger<ConversationResumer> logger) : IBeforeCadenceBatch
{
    private const int MaxPerBatch = 500;

    public Task<int> RunAsync(CancellationToken cancellationToken) => ResumeQuietAsync(MaxPerBatch, cancellationToken);

    public async Task<int> ResumeQuietAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await store.ClaimQuietAsync(now, max, cancellationToken);
        if (claimed.Count > 0)
        {
            var sequences = await db.Sequences.Include(s => s.Prospect).Where(s => claimed.Contains(s.Id)).ToListAsync(cancellationToken);
            var offers = await db.BookingOffers
                .Where(o => claimed.Contains(o.SequenceId) && o.Status == BookingOfferStatus.Open)
                .ToListAsync(cancellationToken);
            foreach (var sequence in sequences.Where(s => s.IsActive && s.IsPaused))
            {
                if (offers.Where(o => o.SequenceId == sequence.Id).ToList() is { Count: > 0 } unanswered)
                {
                    await HandOffUnansweredOfferAsync(sequence, unanswered, now, cancellationToken);
                    continue;
                }

                var pause = now - sequence.PausedAt!.Value;
                sequence.ShiftSchedule(pause.TotalMinutes);
                var choice = windows.ScheduleNextTouch(sequence, CadenceWindows.Recipient(sequence), sequence.CurrentStep, now);
                var next = choice?.At;
                if (next is null)
                {
                    sequence.Complete(now);
                    events.Add(sequence, SequenceEventKinds.Resumed, "the prospect went quiet and no step was left: sequence completed", now);
                    continue;
                }

                sequence.Resume(next.Value, now);
                events.Add(sequence, SequenceEventKinds.Resumed, string.Create(
                    CultureInfo.InvariantCulture,
                    $"no reply for {options.Value.ResumeAfterSilenceHours} h: cadence resumes after {sequence.CurrentStep.ToName()}, next touch {next:yyyy-MM-dd HH:mm} UTC; later steps shifted by {pause.TotalHours:0.#} h (the pause)"), now);
                if (choice?.Explanation is { } why && sequence.CurrentStep.NextCadenceStep() is { } step)
                {
                    events.Add(sequence, SequenceEventKinds.SendTime, $"{step.ToName().ToUpperInvariant()} at {why}", now);
                }
            }

            await store.SaveAsync(cancellationToken);
            LogResumed(logger, claimed.Count);
        }

        await SettleSilentObjectionsAsync(now, cancellationToken);
        return claimed.Count;
    }

    /// <summary>
    /// The lead passed the gate as HOT and was offered times, then said nothing: the offer expires and the lead goes to
    /// the bot or agent who takes qualified leads, with the reason in the GHL note.
    /// </summary>
    private async Task HandOffUnansweredOfferAsync(SdrOutreachSequence sequence, IReadOnlyList<SdrBookingOffer> unanswered, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var offer in unanswered)
        {
            offer.Status = BookingOfferStatus.Expired;
            offer.DecidedAt = now;
        }

        var conversation = await history.ReadAsync(sequence.ContactId, sequence.LocationId, cancellationToken);
        var prospect = sequence.Prospect;
        var decision = gate.Evaluate(conversation, new ProspectContext(prospect?.LeadType, prospect?.Source, []));
        var why = string.Create(CultureInfo.InvariantCulture, $"qualified; offered times went unanswered for {options.Value.ResumeAfterSilenceHours} h");
        await handoff.HandOffAsync(sequence, decision, why, conversation, now, cancellationToken);
    }

    private async Task SettleSilentObjectionsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var before = now.AddDays(-options.Value.ObjectionSilentAfterDays);
        using (await store.EnterWriteAsync(cancellationToken))
        {
            await db.ObjectionLogs
                .Where(o => o.Outcome == null && o.CreatedAt <= before)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Outcome, ObjectionOutcomes.Silent).SetProperty(o => o.OutcomeAt, now), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} quiet conversation(s) handed back to the cadence")]
    private static partial void LogResumed(ILogger logger, int count);
}
