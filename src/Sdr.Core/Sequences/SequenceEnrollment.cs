using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Experiments;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Phones;

namespace Sdr.Core.Sequences;

/// <summary>
/// Enrols contacts: checks each against GHL, creates the prospect and its one active sequence, and queues
/// SMS_1 for the moment <see cref="FirstTouchPacer"/> plans (at once for a single enrolment, spread for a batch);
/// the cadence worker sends it, woken when it is due now.
/// </summary>
public sealed partial class SequenceEnrollment(
    IServiceScopeFactory scopes,
    IGoHighLevelClient ghl,
    FirstTouchPacer pacer,
    CadenceWakeSignal wake,
    TimeProvider time,
    IOptions<SequenceOptions> sequenceOptions,
    IOptions<PerformanceOptions> performance,
    ILogger<SequenceEnrollment> logger)
{
    public const int MaxContactsPerRequest = 500;

    public async Task<EnrollResult> EnrollAsync(EnrollCommand command, CancellationToken cancellationToken = default)
    {
        var enrolled = new ConcurrentBag<(int Order, string ContactId)>();
        var skipped = new ConcurrentBag<(int Order, EnrollSkip Skip)>();
        var errors = new ConcurrentBag<(int Order, EnrollError Error)>();
        var unauthorized = new StrongBox<string?>(null);
        var contacts = command.ContactIds.Distinct(StringComparer.Ordinal).Select((id, order) => (id, order)).ToList();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = performance.Value.DispatchConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(contacts, parallel, async (item, ct) =>
        {
            var (contactId, order) = item;
            if (Volatile.Read(ref unauthorized.Value) is { } authError)
            {
                errors.Add((order, new EnrollError(contactId, authError)));
                return;
            }

            try
            {
                var outcome = await EnrollOneAsync(command, contactId, ct);
                if (outcome is null)
                {
                    enrolled.Add((order, contactId));
                }
                else
                {
                    skipped.Add((order, new EnrollSkip(contactId, outcome)));
                }
            }
            catch (GhlApiException exception)
            {
                if (exception.IsUnauthorized)
                {
                    // One 401 means the location's token is wrong: do not hammer GHL with the rest.
                    Volatile.Write(ref unauthorized.Value, exception.Message);
                }

                LogGhlError(logger, contactId, command.LocationId, (int?)exception.StatusCode, exception.TraceId);
                errors.Add((order, new EnrollError(contactId, exception.Message)));
            }
        });

        return new EnrollResult(
            enrolled.OrderBy(e => e.Order).Select(e => e.ContactId).ToList(),
            skipped.OrderBy(s => s.Order).Select(s => s.Skip).ToList(),
            errors.OrderBy(e => e.Order).Select(e => e.Error).ToList());
    }

    /// <summary>Returns null when enrolled, else the reason it was skipped.</summary>
    private async Task<string?> EnrollOneAsync(EnrollCommand command, string contactId, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
            if (await HasActiveSequenceAsync(db, contactId, command.LocationId, cancellationToken))
            {
                return "already_enrolled";
            }

            var contact = await ghl.GetContactAsync(command.LocationId, contactId, cancellationToken);
            if (contact is null)
            {
                throw new GhlApiException("get-contact", System.Net.HttpStatusCode.NotFound, $"contact {contactId} not found in GHL location {command.LocationId}");
            }

            var eligibility = scope.ServiceProvider.GetRequiredService<Eligibility.ProspectEligibility>();
            if ((await eligibility.CheckAsync(db, command.LocationId, [Eligibility.EligibilityFacts.Of(contact)], withCooldown: false, cancellationToken))[0] is { } reason)
            {
                return reason;
            }

            var throttle = scope.ServiceProvider.GetRequiredService<Compliance.Caps.EnrollmentThrottle>();
            var now = time.GetUtcNow().UtcDateTime;
            if (!await throttle.TryEnrollAsync(command.LocationId, now, cancellationToken))
            {
                return "enrollment_rate_limited";
            }

            var created = await CreateSequenceAsync(db, command, contact, cancellationToken);
            if (created is null)
            {
                await throttle.ReleaseAsync(command.LocationId, now, CancellationToken.None);
                return "already_enrolled";
            }

        }

        return null;
    }

    private static Task<bool> HasActiveSequenceAsync(SdrDbContext db, string contactId, string locationId, CancellationToken cancellationToken) =>
        db.Sequences.AnyAsync(s => s.ContactId == contactId && s.LocationId == locationId && s.IsActive, cancellationToken);

    private async Task<long?> CreateSequenceAsync(SdrDbContext db, EnrollCommand command, GhlContact contact, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var prospect = await db.Prospects.SingleOrDefaultAsync(p => p.ContactId == contact.Id && p.LocationId == command.LocationId, cancellationToken);
        if (prospect is null)
        {
            prospect = new SdrProspect { ContactId = contact.Id, LocationId = command.LocationId, Source = command.Source };
            db.Prospects.Add(prospect);
        }

        var profile = Messaging.ProspectProfiler.Build(contact, command.Hints?.GetValueOrDefault(contact.Id));
        prospect.Profile = profile.ToJson();
        prospect.ProfiledAt = now;
        prospect.EnrolledAt = now;
        prospect.LeadType = command.LeadType ?? profile.LeadType ?? prospect.LeadType;
        prospect.FirstName = contact.FirstName;
        prospect.TimeZone = contact.Timezone;
        prospect.State = contact.State;
        prospect.SetPhone(contact.Phone);

        var (variant, abTestId) = await ChooseVariantAsync(db, command, contact.Id, cancellationToken);
        var sequence = new SdrOutreachSequence
        {
            Prospect = prospect,
            ContactId = contact.Id,
            LocationId = command.LocationId,
            CurrentStep = SequenceStep.Enrolled,
            AbVariant = variant,
            AbTestId = abTestId,
            EnrolledAt = now,
            NextTouchAt = now,
            IsActive = true,
            UpdatedAt = now,
        };
        db.Sequences.Add(sequence);

        try
        {
            using (await pacer.LockAsync(command.LocationId, cancellationToken))
            {
                sequence.NextTouchAt = await pacer.PlanAsync(db, sequence, Compliance.RecipientInfo.For(prospect), now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            if (sequence.NextTouchAt <= time.GetUtcNow().UtcDateTime)
            {
                wake.Queued();
            }

            return sequence.Id;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // A concurrent enrolment of the same contact won the race.
            return null;
        }
    }

    /// <summary>An explicit <c>sequence_variant</c> always wins; else a running A/B test or a promoted winner; else the configured default.</summary>
    private async Task<(string Variant, long? AbTestId)> ChooseVariantAsync(SdrDbContext db, EnrollCommand command, string contactId, CancellationToken cancellationToken)
    {
        if (command.SequenceVariant is { } asked)
        {
            return (asked, null);
        }

        var assigned = await new ExperimentAssigner(db).AssignAsync(command.LocationId, contactId, cancellationToken);
        return assigned is null ? (sequenceOptions.Value.DefaultVariant, null) : (assigned.Variant, assigned.AbTestId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolment of contact {ContactId} in location {LocationId} failed at GHL (status {Status}, traceId {TraceId})")]
    private static partial void LogGhlError(ILogger logger, string contactId, string locationId, int? status, string? traceId);
}
