using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Sequences;

/// <summary>Read side of prospects and sequences; <see cref="SequenceCommands"/> changes them.</summary>
public sealed class SequenceQueries(SdrDbContext db)
{
    public async Task<ProspectView?> GetProspectAsync(string contactId, string? locationId, CancellationToken cancellationToken)
    {
        var prospects = db.Prospects.AsNoTracking().Where(p => p.ContactId == contactId);
        if (locationId is not null)
        {
            prospects = prospects.Where(p => p.LocationId == locationId);
        }

        var prospect = await prospects.OrderByDescending(p => p.EnrolledAt).FirstOrDefaultAsync(cancellationToken);
        if (prospect is null)
        {
            return null;
        }

        var sequence = await LatestSequence(contactId, prospect.LocationId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return new ProspectView(
            prospect.ContactId,
            prospect.LocationId,
            prospect.Source,
            prospect.LeadType,
            prospect.FrsScore,
            prospect.PcsScore,
            Utc(prospect.EnrolledAt),
            sequence?.CurrentStep.ToName(),
            Utc(sequence?.NextTouchAt),
            sequence?.ReplyCount ?? 0,
            sequence?.IsActive ?? false)
        {
            IntentConfidence = prospect.IntentConfidence,
            QualificationSignals = ParseSignals(prospect.QualificationSignals),
            EvaluatedAt = Utc(prospect.EvaluatedAt),
            HandoffTarget = prospect.HandoffTarget,
            HandedOffAt = Utc(prospect.HandedOffAt),
            Profile = Profiles.ProspectProfile.FromJson(prospect.Profile),
            ProfiledAt = Utc(prospect.ProfiledAt),
        };
    }

    public async Task<SequenceView?> GetSequenceAsync(string contactId, string? locationId, CancellationToken cancellationToken)
    {
        var sequence = await LatestSequence(contactId, locationId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (sequence is null)
        {
            return null;
        }

        var touches = await db.Touches.AsNoTracking()
            .Where(t => t.SequenceId == sequence.Id)
            .OrderBy(t => t.ReservedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => r.SequenceId == sequence.Id)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var messages = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.SequenceId == sequence.Id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var events = await db.SequenceEvents.AsNoTracking()
            .Where(e => e.SequenceId == sequence.Id)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var decisions = await db.DispatchDecisions.AsNoTracking()
            .Where(d => d.SequenceId == sequence.Id)
            .OrderBy(d => d.At).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        return new SequenceView(
            sequence.Id,
            sequence.ContactId,
            sequence.LocationId,
            sequence.CurrentStep.ToName(),
            Utc(sequence.NextTouchAt),
            sequence.ReplyCount,
            sequence.AbVariant,
            Utc(sequence.EnrolledAt),
            sequence.IsActive,
            sequence.EndReason,
            sequence.LastError,
            touches.Select(t => new TouchView(t.Step.ToName(), t.Channel, t.Status.ToName(), Utc(t.SentAt), t.GhlMessageId, t.Error, t.NeedsReview)
            {
                TemplateId = t.TemplateId,
                TemplateVariant = t.TemplateVariant,
                ComposedByModel = t.ComposedByModel,
            }).ToList(),
            replies.Select(r => new ReplyView(Utc(r.ReceivedAt), r.Category, r.Confidence, r.DecidedBy)
            {
                Rule = r.Rule,
                AlsoDetected = r.AlsoDetected?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
                AutoResponder = r.IsAutoResponder,
                Action = r.Action,
                Channel = r.MessageType,
                Body = r.Body,
            }).ToList(),
            MergeDecisions(touches, decisions))
        {
            Paused = sequence.IsPaused,
            PauseReason = sequence.PauseReason,
            ResumesAt = Utc(sequence.ResumesAt),
            Messages = [.. messages.Select(m => new MessageView(m.Purpose.ToName(), m.Channel.ToName(), m.Status.ToName(), m.Body, m.Reason, Utc(m.CreatedAt), Utc(m.SentAt)))],
            Events = [.. events.Select(e => new SequenceEventView(Utc(e.At), e.Kind, e.Detail))],
        };
    }

    /// <summary>
    /// Every decision in time order: deferrals, blocks and failures are stored as they happen; a
    /// "sent" decision is the confirmed touch itself, so it is not written twice.
    /// </summary>
    private static List<DecisionView> MergeDecisions(IEnumerable<SdrOutreachTouch> touches, IEnumerable<SdrDispatchDecision> decisions) =>
        decisions.Select(d => new DecisionView(Utc(d.At), d.Step.ToName(), d.Outcome.ToName(), d.Reason, Utc(d.Until)))
            .Concat(touches
                .Where(t => t.Status == TouchStatus.Sent && t.SentAt is not null)
                .Select(t => new DecisionView(Utc(t.SentAt!.Value), t.Step.ToName(), DecisionOutcome.Sent.ToName(), "sent", null)))
            .OrderBy(d => d.At)
            .ToList();

    private static System.Text.Json.JsonElement? ParseSignals(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private IQueryable<SdrOutreachSequence> LatestSequence(string contactId, string? locationId) => db.Sequences.LatestFor(contactId, locationId);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is null ? null : Utc(value.Value);

}

internal static class SequenceQueryExtensions
{
    /// <summary>A contact's sequences, the one to show first: the active one, else the latest enrolled.</summary>
    public static IQueryable<SdrOutreachSequence> LatestFor(this IQueryable<SdrOutreachSequence> sequences, string contactId, string? locationId)
    {
        sequences = sequences.Where(s => s.ContactId == contactId);
        if (locationId is not null)
        {
            sequences = sequences.Where(s => s.LocationId == locationId);
        }

        return sequences.OrderByDescending(s => s.IsActive).ThenByDescending(s => s.EnrolledAt).ThenByDescending(s => s.Id);
    }
}
