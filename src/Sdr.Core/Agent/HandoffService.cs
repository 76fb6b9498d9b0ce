using System.Globalization;
using System.Text;
using Sdr.Core.Data.Entities;
using Sdr.Core.Outbox;
using Sdr.Core.Qualification;

namespace Sdr.Core.Agent;

/// <summary>
/// Hands a qualified contact to the bot that takes it from here (the seed's JorgeHandoffService role): the
/// target bot's activation tag and <c>SDR-Qualified</c> added in GHL (added, never a replacement of the tag
/// list), a GHL note summarising the conversation, the scores and why, the sequence QUALIFIED and the
/// cadence stopped. Every GHL write goes through the durable action queue, so GHL being down delays the
/// handoff and never loses it. A booked sequence keeps BOOKED.
/// </summary>
public sealed class HandoffService(GhlActionQueue actions, QualificationGate gate, ConversationEvents events)
{
    private const int NoteTurns = 12;
    private const int NoteTurnLength = 200;

    public async Task HandOffAsync(SdrOutreachSequence sequence, GateDecision decision, string why, IReadOnlyList<ConversationTurn> conversation, DateTime now, CancellationToken cancellationToken)
    {
        var (locationId, contactId) = (sequence.LocationId, sequence.ContactId);
        var cause = string.Create(CultureInfo.InvariantCulture, $"handoff:{sequence.Id}");
        var tags = gate.ActivationTags(decision);
        foreach (var tag in tags)
        {
            await actions.EnqueueAsync(GhlActionKinds.AddTag, locationId, contactId, $"{GhlActionKinds.AddTag}:{locationId}:{contactId}:{cause}:{tag}", tag, cancellationToken);
        }

        await actions.EnqueueAsync(GhlActionKinds.AddNote, locationId, contactId, $"{GhlActionKinds.AddNote}:{locationId}:{contactId}:{cause}", Note(decision, why, conversation), cancellationToken);

        if (sequence.IsActive)
        {
            sequence.Qualify(now);
        }

        if (sequence.Prospect is { } prospect)
        {
            prospect.HandoffTarget = decision.HandoffTarget ?? "lead_bot";
            prospect.HandedOffAt = now;
        }

        await events.SettleObjectionsAsync(contactId, locationId, ObjectionOutcomes.Qualified, now, cancellationToken);
        events.Add(sequence, SequenceEventKinds.HandedOff, string.Create(
            CultureInfo.InvariantCulture,
            $"handed off to {decision.HandoffTarget ?? "lead_bot"} ({why}); tags added: {string.Join(", ", tags)}; FRS {decision.FrsScore:0}, PCS {decision.PcsScore:0}, confidence {decision.Confidence:0.00}"), now);
    }

    /// <summary>The GHL note: who, why, the scores with their signals, and the last messages.</summary>
    public static string Note(GateDecision decision, string why, IReadOnlyList<ConversationTurn> conversation)
    {
        var note = new StringBuilder();
        note.Append(CultureInfo.InvariantCulture, $"SDR Agent handoff to {decision.HandoffTarget ?? "lead_bot"}: {why}.\n");
        note.Append(CultureInfo.InvariantCulture, $"Lead type: {decision.LeadType}. FRS {decision.FrsScore:0}/100, PCS {decision.PcsScore:0}/100, intent confidence {decision.Confidence:0.00}.\n");
        var signals = decision.IntentProfile.Signals.Where(s => !s.Negated).ToList();
        if (signals.Count > 0)
        {
            note.Append("Why: ").Append(string.Join("; ", signals.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} ({s.Dimension} {s.Weight:+0;-0})")))).Append('\n');
        }

        if (decision.IntentProfile.Missing.Count > 0)
        {
            note.Append("Still unknown: ").Append(string.Join(", ", decision.IntentProfile.Missing)).Append('\n');
        }

        note.Append("Conversation (latest last):\n");
        foreach (var turn in conversation.TakeLast(NoteTurns))
        {
            var text = turn.Text.ReplaceLineEndings(" ");
            note.Append(turn.FromProspect ? "Prospect: " : "Us: ")
                .Append(text.Length <= NoteTurnLength ? text : text[..NoteTurnLength] + "…")
                .Append('\n');
        }

        return note.ToString();
    }
}
