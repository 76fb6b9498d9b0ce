using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Listings;
using Sdr.Core.Profiles;
using Sdr.Core.Sequences;
using Sdr.Core.Sequences.Eligibility;

namespace Sdr.Core.Sourcing;

/// <summary>
/// The seed's <c>SDRAgent.run_prospecting_cycle</c>: takes a queued (or abandoned) cycle's lease, reads each source
/// into stored candidates, then decides the candidates chunk by chunk: the eligibility rules (one reason per skip),
/// the cycle's limits, and the rest enrolled through <see cref="SequenceEnrollment"/>. Progress is stored after every
/// chunk, so a cycle whose worker died resumes from its undecided candidates and never enrols anyone twice.
/// </summary>
public sealed partial class ProspectingCycleRunner(
    ProspectingCycleStore store,
    ProspectSourcer sourcer,
    SequenceEnrollment enrollment,
    IServiceScopeFactory scopes,
    IOptions<ProspectingOptions> options,
    TimeProvider time,
    ILogger<ProspectingCycleRunner> logger)
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Who holds a lease: this runner, on this machine and process.</summary>
    public string Owner { get; } = LeaseOwnerName();

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>Runs the oldest claimable cycle (or <paramref name="cycleId"/>) to its end; false when there was none to take.</summary>
    public async Task<bool> RunNextAsync(long? cycleId = null, CancellationToken cancellationToken = default)
    {
        var cycle = await store.ClaimAsync(Owner, Now, Lease, cycleId, cancellationToken);
        if (cycle is null)
        {
            return false;
        }

        try
        {
            await RunAsync(cycle, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out and a worker (here after a restart, or another instance) resumes it.
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, cycle.Id, cycle.LocationId);
            await store.AddErrorAsync(cycle.Id, Owner, "cycle: " + exception.Message, Now, CancellationToken.None);
            await store.UpdateAsync(cycle.Id, Owner, c => c.Fail(Now), CancellationToken.None);
        }

        return true;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task RunAsync(SdrProspectingCycle cycle, CancellationToken cancellationToken)
    {
        if (cycle.DiscoveredAt is null && !await DiscoverAsync(cycle, cancellationToken))
        {
            return;
        }

        if (!await DecideAllAsync(cycle, cancellationToken))
        {
            return;
        }

        await store.UpdateAsync(cycle.Id, Owner, c => c.Complete(Now), cancellationToken);
        LogCompleted(logger, cycle.Id, cycle.LocationId);
    }

    /// <summary>Reads every source into candidates (those stored before a crash are kept, not stored twice).</summary>
    private async Task<bool> DiscoverAsync(SdrProspectingCycle cycle, CancellationToken cancellationToken)
    {
        foreach (var source in cycle.SourceList)
        {
            var read = await sourcer.ReadAsync(cycle.LocationId, source, cycle.MaxPerSource, cancellationToken);
            if (read.Error is { } error)
            {
                await store.AddErrorAsync(cycle.Id, Owner, $"{source}: {error}", Now, cancellationToken);
            }

            var now = Now;
            var rows = read.Candidates.Select(c => new SdrProspectingCandidate
            {
                CycleId = cycle.Id,
                Source = source,
                CandidateKey = c.Key,
                ContactId = c.ContactId,
                ListingId = c.ListingId,
                Facts = JsonSerializer.Serialize(c.Facts, FactsJson),
                FoundAt = now,
            }).ToList();
            await store.AddCandidatesAsync(cycle.Id, rows, cancellationToken);
            if (!await store.RenewAsync(cycle.Id, Owner, Now, Lease, cancellationToken))
            {
                return false;
            }
        }

        return await store.UpdateAsync(cycle.Id, Owner, c => c.Discovered(Now), cancellationToken);
    }

    private async Task<bool> DecideAllAsync(SdrProspectingCycle cycle, CancellationToken cancellationToken)
    {
        var limits = await CycleLimits.LoadAsync(store, cycle, options.Value.MaxProspectsPerCycle, cancellationToken);
        var rateLimited = false;
        while (true)
        {
            if (limits.ExhaustedSources() is { Count: > 0 } exhausted)
            {
                await store.SkipPendingAsync(cycle.Id, exhausted, SkipReasons.OverCycleLimit, Now, cancellationToken);
            }

            if (rateLimited)
            {
                await store.SkipPendingAsync(cycle.Id, null, SkipReasons.EnrollmentRateLimited, Now, cancellationToken);
            }

            var chunk = await store.PendingAsync(cycle.Id, 0, options.Value.EnrollChunkSize, cancellationToken);
            if (chunk.Count == 0)
            {
                return true;
            }

            rateLimited = await DecideChunkAsync(cycle, chunk, limits, cancellationToken);
            if (!await store.RenewAsync(cycle.Id, Owner, Now, Lease, cancellationToken))
            {
                return false;
            }
        }
    }

    /// <summary>Decides what it can of one chunk (at least its first candidate); true when enrolment hit the hourly limit.</summary>
    private async Task<bool> DecideChunkAsync(SdrProspectingCycle cycle, IReadOnlyList<SdrProspectingCandidate> chunk, CycleLimits limits, CancellationToken cancellationToken)
    {
        var facts = chunk.ToDictionary(c => c.Id, c => JsonSerializer.Deserialize<CandidateFacts>(c.Facts ?? "{}", FactsJson)!);
        var reasons = await PrecheckAsync(cycle, chunk, facts, cancellationToken);
        var now = Now;
        var decided = new List<SdrProspectingCandidate>();
        var planned = new List<SdrProspectingCandidate>();
        foreach (var candidate in chunk)
        {
            var reason = reasons[candidate.Id];
            if (reason == EnrolledByThisCycle)
            {
                candidate.Decide(ProspectingCandidateStatus.Enrolled, null, now);
                limits.Enrolled(candidate.Source);
                decided.Add(candidate);
            }
            else if (reason is not null)
            {
                candidate.Decide(ProspectingCandidateStatus.Skipped, reason, now);
                decided.Add(candidate);
            }
            else if (limits.HasRoom(candidate.Source, planned.Count(p => p.Source == candidate.Source), planned.Count))
            {
                planned.Add(candidate);
            }

            // Else it stays pending: the next chunk sees whether the planned enrolments used the room.
        }

        foreach (var candidate in decided)
        {
            await MarkListingAsync(candidate, cancellationToken);
        }

        var rateLimited = await EnrollAsync(cycle, planned, facts, limits, cancellationToken);
        decided.AddRange(planned);
        await store.SaveDecisionsAsync(decided, cancellationToken);
        return rateLimited;
    }

    private const string EnrolledByThisCycle = "\u0001enrolled";

    /// <summary>
    /// The rules that need no GHL call, for the whole chunk at once. A contact already enrolled by this very cycle (a
    /// crash between its enrolment and the saved decision) counts as enrolled, not skipped.
    /// </summary>
    private async Task<Dictionary<long, string?>> PrecheckAsync(SdrProspectingCycle cycle, IReadOnlyList<SdrProspectingCandidate> chunk, Dictionary<long, CandidateFacts> facts, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var eligibility = scope.ServiceProvider.GetRequiredService<ProspectEligibility>();
        var checks = chunk.Select(c =>
        {
            var f = facts[c.Id];
            return new EligibilityFacts(c.ContactId ?? c.CandidateKey, f.Phone, f.Dnd, f.DndChannels, f.State, f.PostalCode, f.City);
        }).ToList();
        var results = await eligibility.CheckAsync(db, cycle.LocationId, checks, withCooldown: true, cancellationToken);
        var reasons = chunk.Select((c, i) => (c.Id, results[i])).ToDictionary(p => p.Id, p => p.Item2);

        var enrolledHere = chunk.Where(c => reasons[c.Id] == SkipReasons.AlreadyEnrolled && c.ContactId is not null).Select(c => c.ContactId!).ToList();
        if (enrolledHere.Count > 0 && cycle.StartedAt is { } started)
        {
            var ours = (await db.Sequences.AsNoTracking()
                .Where(s => s.LocationId == cycle.LocationId && s.IsActive && enrolledHere.Contains(s.ContactId) && s.EnrolledAt >= started)
                .Select(s => new { s.ContactId, s.Prospect!.Source })
                .ToListAsync(cancellationToken))
                .Select(s => (s.ContactId, s.Source))
                .ToHashSet();
            foreach (var candidate in chunk.Where(c => c.ContactId is not null && ours.Contains((c.ContactId!, c.Source))))
            {
                reasons[candidate.Id] = EnrolledByThisCycle;
            }
        }

        return reasons;
    }

    /// <summary>Enrols the planned candidates per source (listing owners made GHL contacts first); true when the hourly limit was hit.</summary>
    private async Task<bool> EnrollAsync(SdrProspectingCycle cycle, List<SdrProspectingCandidate> planned, Dictionary<long, CandidateFacts> facts, CycleLimits limits, CancellationToken cancellationToken)
    {
        var rateLimited = false;
        foreach (var group in planned.GroupBy(c => c.Source))
        {
            var ready = await OwnersAsContactsAsync(group.ToList(), facts, cancellationToken);
            if (ready.Count == 0)
            {
                continue;
            }

            var hints = ready.Where(c => facts[c.Id].Hints is not null).ToDictionary(c => c.ContactId!, c => facts[c.Id].Hints!, StringComparer.Ordinal);
            var result = await enrollment.EnrollAsync(new EnrollCommand([.. ready.Select(c => c.ContactId!)], cycle.LocationId, null, null, group.Key, hints), cancellationToken);
            var now = Now;
            var enrolled = result.Enrolled.ToHashSet(StringComparer.Ordinal);
            var skipped = result.Skipped.ToDictionary(s => s.ContactId, s => s.Reason, StringComparer.Ordinal);
            var errors = result.Errors.ToDictionary(e => e.ContactId, e => e.Error, StringComparer.Ordinal);
            foreach (var candidate in ready)
            {
                var id = candidate.ContactId!;
                if (enrolled.Contains(id))
                {
                    candidate.Decide(ProspectingCandidateStatus.Enrolled, null, now);
                    limits.Enrolled(candidate.Source);
                }
                else if (skipped.TryGetValue(id, out var reason))
                {
                    candidate.Decide(ProspectingCandidateStatus.Skipped, reason, now);
                    rateLimited |= reason == SkipReasons.EnrollmentRateLimited;
                }
                else
                {
                    candidate.Decide(ProspectingCandidateStatus.Error, Truncate(errors.GetValueOrDefault(id) ?? "not enrolled"), now);
                }

                await MarkListingAsync(candidate, cancellationToken);
            }
        }

        return rateLimited;
    }

    /// <summary>Listing owners are upserted as GHL contacts just before their enrolment; a failed upsert is the candidate's error.</summary>
    private async Task<List<SdrProspectingCandidate>> OwnersAsContactsAsync(List<SdrProspectingCandidate> candidates, Dictionary<long, CandidateFacts> facts, CancellationToken cancellationToken)
    {
        var listingsNeeded = candidates.Where(c => c.ContactId is null && facts[c.Id].Listing is not null).ToList();
        if (listingsNeeded.Count == 0)
        {
            return candidates.Where(c => c.ContactId is not null).ToList();
        }

        await using var scope = scopes.CreateAsyncScope();
        var listings = scope.ServiceProvider.GetService<IListingCandidates>();
        foreach (var candidate in listingsNeeded)
        {
            if (listings is null)
            {
                candidate.Decide(ProspectingCandidateStatus.Error, ProspectSourcer.NoListingFeed, Now);
                continue;
            }

            try
            {
                var contact = await listings.UpsertOwnerAsync(facts[candidate.Id].Listing!, cancellationToken);
                candidate.ContactId = contact.Id;
            }
            catch (OwnerUpsertBudgetExhaustedException exception)
            {
                // The day's upserts are spent: the listing stays staged for a later cycle.
                candidate.Decide(ProspectingCandidateStatus.Skipped, OwnerUpsertBudgetSpent, Now);
                LogUpsertBudgetSpent(logger, exception.LocationId);
            }
            catch (GhlApiException exception)
            {
                candidate.Decide(ProspectingCandidateStatus.Error, Truncate(exception.Message), Now);
            }
        }

        return candidates.Where(c => c.ContactId is not null && c.Status == ProspectingCandidateStatus.Pending).ToList();
    }

    private async Task MarkListingAsync(SdrProspectingCandidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.ListingId is not { } listingId)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IListingCandidates>() is { } listings)
        {
            var outcome = candidate.Status switch
            {
                ProspectingCandidateStatus.Enrolled => ListingCandidates.Enrolled,

                // Passing reasons (limits, budgets, a GHL error, a sequence still running or cooling down) leave the
                // listing staged for a later cycle; only what will not change rules it out for good.
                ProspectingCandidateStatus.Skipped when candidate.Reason is { } reason && !PassingReasons.Contains(reason) => reason,
                _ => ListingCandidates.Restaged,
            };
            await listings.MarkAsync(listingId, outcome, cancellationToken);
        }
    }

    /// <summary>The skip recorded when the location's owner upserts for the day are used up.</summary>
    public const string OwnerUpsertBudgetSpent = "owner_upsert_budget_spent";

    private static readonly HashSet<string> PassingReasons = new(StringComparer.Ordinal)
    {
        SkipReasons.AlreadyEnrolled,
        SkipReasons.Cooldown,
        SkipReasons.OverCycleLimit,
        SkipReasons.EnrollmentRateLimited,
        OwnerUpsertBudgetSpent,
    };

    private static string LeaseOwnerName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length > 100 ? name[^100..] : name;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;

    [LoggerMessage(Level = LogLevel.Error, Message = "Prospecting cycle {CycleId} of location {LocationId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long cycleId, string locationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owner upserts of location {LocationId} for today are used up; its listings stay staged for a later cycle")]
    private static partial void LogUpsertBudgetSpent(ILogger logger, string locationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prospecting cycle {CycleId} of location {LocationId} completed")]
    private static partial void LogCompleted(ILogger logger, long cycleId, string locationId);
}
