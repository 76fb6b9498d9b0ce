using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;

namespace Sdr.Server.Dashboard;

/// <summary>What kind of moment a timeline entry is (it sets the entry's colour and label).</summary>
public enum TimelineKind
{
    Enrolled,
    Touch,
    Decision,
    Reply,
    Message,
    Event,
}

/// <summary>One moment of a contact's history, in plain words; <c>Text</c> is the prospect's or our message, shown escaped.</summary>
public sealed record TimelineEntry(DateTimeOffset At, TimelineKind Kind, string Title, string? Detail, string? Text);

public sealed record BookingOfferRow(DateTimeOffset CreatedAt, int Round, string Status, IReadOnlyList<DateTimeOffset> Slots, DateTimeOffset? BookedSlot, string? AppointmentId);

public sealed record ContactDetails(
    ProspectView Prospect,
    string? FirstName,
    string? Phone,
    SequenceView? Sequence,
    string Status,
    int OtherSequences,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<BookingOfferRow> BookingOffers);

/// <summary>
/// A contact's whole story for its dashboard page: the API's prospect and sequence views
/// (<see cref="SequenceQueries"/>) plus what only an admin page shows (the text of each touch, the booking offers),
/// merged into one timeline.
/// </summary>
public sealed class ContactTimeline(SdrDbContext db, SequenceQueries queries)
{
    public async Task<ContactDetails?> ForAsync(string contactId, string? locationId, CancellationToken cancellationToken)
    {
        var prospectView = await queries.GetProspectAsync(contactId, locationId, cancellationToken);
        if (prospectView is null)
        {
            return null;
        }

        var prospect = await db.Prospects.AsNoTracking()
            .SingleAsync(p => p.ContactId == contactId && p.LocationId == prospectView.LocationId, cancellationToken);
        var sequence = await queries.GetSequenceAsync(contactId, prospectView.LocationId, cancellationToken);
        var entity = sequence is null ? null : await db.Sequences.AsNoTracking().SingleAsync(s => s.Id == sequence.SequenceId, cancellationToken);
        var sequenceCount = await db.Sequences.CountAsync(s => s.ContactId == contactId && s.LocationId == prospectView.LocationId, cancellationToken);

        var timeline = new List<TimelineEntry>();
        var offers = new List<BookingOfferRow>();
        if (sequence is not null)
        {
            timeline.Add(new TimelineEntry(sequence.EnrolledAt, TimelineKind.Enrolled, "Enrolled in the cadence", $"Variant {sequence.AbVariant}, source {prospectView.Source}, lead type {prospectView.LeadType}.", null));
            var touches = await db.Touches.AsNoTracking()
                .Where(t => t.SequenceId == sequence.SequenceId)
                .OrderBy(t => t.ReservedAt).ThenBy(t => t.Id)
                .ToListAsync(cancellationToken);
            timeline.AddRange(touches.Select(Touch));
            timeline.AddRange(sequence.Decisions.Where(d => d.Outcome != "sent").Select(Decision));
            timeline.AddRange(sequence.Replies.Select(Reply));
            timeline.AddRange(sequence.Messages.Select(Message));
            timeline.AddRange(sequence.Events.Select(e => new TimelineEntry(e.At, TimelineKind.Event, EventTitle(e.Kind), e.Detail, null)));
            offers.AddRange((await db.BookingOffers.AsNoTracking()
                    .Where(o => o.SequenceId == sequence.SequenceId)
                    .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
                    .ToListAsync(cancellationToken))
                .Select(o => new BookingOfferRow(DashboardTime.Utc(o.CreatedAt), o.Round, o.Status, o.OfferedSlots(), o.BookedSlot is { } slot ? DashboardTime.Utc(slot) : null, o.AppointmentId)));
        }

        // What belongs to the contact rather than to one sequence: an opt-out confirmation, a HELP reply, a reply
        // that came when no sequence was running.
        var location = prospectView.LocationId;
        var looseMessages = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.ContactId == contactId && m.LocationId == location && m.SequenceId == null)
            .ToListAsync(cancellationToken);
        timeline.AddRange(looseMessages.Select(m => Message(new MessageView(
            m.Purpose.ToName(), m.Channel.ToName(), m.Status.ToName(), m.Body, m.Reason, DashboardTime.Utc(m.CreatedAt), m.SentAt is { } sent ? DashboardTime.Utc(sent) : null))));
        var looseReplies = await db.Replies.AsNoTracking()
            .Where(r => r.ContactId == contactId && r.LocationId == location && r.SequenceId == null)
            .ToListAsync(cancellationToken);
        timeline.AddRange(looseReplies.Select(r => Reply(new ReplyView(DashboardTime.Utc(r.ReceivedAt), r.Category, r.Confidence, r.DecidedBy)
        {
            Rule = r.Rule,
            AlsoDetected = r.AlsoDetected?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            AutoResponder = r.IsAutoResponder,
            Action = r.Action,
            Channel = r.MessageType,
            Body = r.Body,
        })));

        return new ContactDetails(
            prospectView,
            prospect.FirstName,
            prospect.Phone,
            sequence,
            ContactDirectory.StatusOf(entity),
            Math.Max(0, sequenceCount - 1),
            [.. timeline.OrderBy(e => e.At).ThenBy(e => e.Kind)],
            offers);
    }

    /// <summary>"Template consultative/sms_1 (consultative), rewritten by claude-sonnet-4-5."; null for a touch stored before templates were recorded.</summary>
    private static string? Provenance(SdrOutreachTouch touch) => touch.TemplateId is null
        ? null
        : $"Template {touch.TemplateId} ({touch.TemplateVariant})" + (touch.ComposedByModel is null ? "." : $", rewritten by {touch.ComposedByModel}.");

    private static string? Join(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";

    private static TimelineEntry Touch(SdrOutreachTouch touch)
    {
        var step = StepLabel(touch.Step.ToName());
        var (title, detail) = touch.Status switch
        {
            TouchStatus.Sent => ($"{step} sent by {touch.Channel}", touch.GhlMessageId is null ? null : $"GHL message {touch.GhlMessageId}."),
            TouchStatus.Reserved => ($"{step} reserved, waiting for GHL's answer", null),
            TouchStatus.Failed => ($"{step} failed", touch.Error),
            _ => ($"{step}: outcome unknown (GHL's answer was lost)", (touch.Error ?? "Not re-sent blindly.") + (touch.NeedsReview ? " Check this touch in GHL." : "")),
        };
        var at = touch.SentAt ?? touch.ReservedAt;
        return new TimelineEntry(DashboardTime.Utc(at), TimelineKind.Touch, title, Join(detail, Provenance(touch)), touch.MessageBody);
    }

    private static TimelineEntry Decision(DecisionView decision)
    {
        var step = StepLabel(decision.Step);
        var title = decision.Outcome switch
        {
            "deferred" => decision.Until is { } until ? $"{step} deferred until {DashboardTime.Format(until)}" : $"{step} deferred",
            "blocked" => $"{step} blocked",
            "failed" => $"{step} failed",
            _ => $"{step} {decision.Outcome}",
        };
        return new TimelineEntry(decision.At, TimelineKind.Decision, title, "Why: " + decision.Reason, null);
    }

    private static TimelineEntry Reply(ReplyView reply)
    {
        var title = reply.AutoResponder ? $"Automatic answer received by {reply.Channel ?? "SMS"}" : $"Reply received by {reply.Channel ?? "SMS"}";
        var classified = $"Classified as {reply.Category ?? "unknown"}"
            + (reply.Confidence is { } confidence ? $" (confidence {confidence:0.00})" : "")
            + $", decided by {reply.DecidedBy ?? "—"}"
            + (reply.Rule is null ? "" : $", rule {reply.Rule}")
            + (reply.AlsoDetected.Count > 0 ? $"; also detected {string.Join(", ", reply.AlsoDetected)}" : "")
            + "."
            + (reply.Action is null ? "" : $" What the agent did: {reply.Action}.");
        return new TimelineEntry(reply.ReceivedAt, TimelineKind.Reply, title, classified, reply.Body);
    }

    private static TimelineEntry Message(MessageView message)
    {
        var what = message.Purpose switch
        {
            "answer" => "Our answer",
            "qualifying_question" => "Our qualifying question",
            "booking_offer" => "Our offer of call times",
            "opt_out_confirmation" => "Opt-out confirmation",
            "help_reply" => "Help reply",
            _ => "Our message",
        };
        var status = message.Status switch
        {
            "sent" => $"sent by {message.Channel}",
            "pending" => "waiting to go out",
            _ => message.Status,
        };
        var at = message.SentAt ?? message.CreatedAt;
        return new TimelineEntry(at, TimelineKind.Message, $"{what} {status}", message.Reason is null ? null : "Why: " + message.Reason, message.Body);
    }

    private static string EventTitle(string kind) => kind switch
    {
        SequenceEventKinds.Paused => "Cadence paused",
        SequenceEventKinds.Resumed => "Cadence resumed",
        SequenceEventKinds.Nurture => "Moved to the nurture pause",
        SequenceEventKinds.Evaluated => "Qualification evaluated",
        SequenceEventKinds.QuestionAsked => "Qualifying question asked",
        SequenceEventKinds.SlotsOffered => "Call times offered",
        SequenceEventKinds.Booked => "Appointment booked",
        SequenceEventKinds.HandedOff => "Handed off",
        SequenceEventKinds.OptedOut => "Opted out",
        SequenceEventKinds.SendTime => "Send time chosen",
        _ => kind.Replace('_', ' '),
    };

    public static string StepLabel(string step) => step.ToUpperInvariant();
}
