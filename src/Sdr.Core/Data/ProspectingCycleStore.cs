using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// The prospecting cycles' rows: starting a cycle (one queued or running per location, across instances), the
/// lease a worker holds while it runs one (claimed with one conditional UPDATE, renewed as it goes, taken over
/// when it runs out), the candidates a cycle found (each stored once) and what became of them.
/// </summary>
public sealed class ProspectingCycleStore(IServiceScopeFactory scopes, SqliteWriteGate gate)
{
    private const int InsertBatch = 1_000;
    private const int MaxStoredErrors = 50;

    /// <summary>Stores a new cycle; when the location already has a queued or running one, stores nothing and returns that one's id.</summary>
    public async Task<(SdrProspectingCycle? Started, long? RunningId)> TryStartAsync(SdrProspectingCycle cycle, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        db.ProspectingCycles.Add(cycle);
        using (await gate.EnterAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (cycle, null);
            }
            catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
            {
                // Another request or instance started one first.
            }
        }

        return (null, await ActiveCycleIdAsync(cycle.LocationId, cancellationToken));
    }

    public async Task<long?> ActiveCycleIdAsync(string locationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.ProspectingCycles.AsNoTracking()
            .Where(c => c.LocationId == locationId && (c.Status == ProspectingCycleStatus.Queued || c.Status == ProspectingCycleStatus.Running))
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<SdrProspectingCycle?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.ProspectingCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The newest cycles, of one location or of all, newest first.</summary>
    public async Task<IReadOnlyList<SdrProspectingCycle>> ListAsync(string? locationId, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.ProspectingCycles.AsNoTracking()
            .Where(c => locationId == null || c.LocationId == locationId)
            .OrderByDescending(c => c.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>When the schedule entry <paramref name="scheduleKey"/> last started a cycle of the location; null when never.</summary>
    public async Task<DateTime?> LastScheduledAtAsync(string locationId, string scheduleKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.ProspectingCycles.AsNoTracking()
            .Where(c => c.LocationId == locationId && c.ScheduleKey == scheduleKey)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the lease of a queued cycle, or of a running one whose lease ran out (its worker died), oldest first;
    /// only <paramref name="cycleId"/> when given. Null when there is none to take.
    /// </summary>
    public async Task<SdrProspectingCycle?> ClaimAsync(string owner, DateTime now, TimeSpan lease, long? cycleId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var claimable = db.ProspectingCycles.Where(c => c.Status == ProspectingCycleStatus.Queued
            || (c.Status == ProspectingCycleStatus.Running && c.LeaseUntil < now));
        var ids = await claimable.Where(c => cycleId == null || c.Id == cycleId).OrderBy(c => c.Id).Select(c => c.Id).Take(10).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            int taken;
            using (await gate.EnterAsync(cancellationToken))
            {
                taken = await claimable.Where(c => c.Id == id).ExecuteUpdateAsync(
                    set => set
                        .SetProperty(c => c.Status, ProspectingCycleStatus.Running)
                        .SetProperty(c => c.LeaseOwner, owner)
                        .SetProperty(c => c.LeaseUntil, now + lease)
                        .SetProperty(c => c.StartedAt, c => c.StartedAt ?? now)
                        .SetProperty(c => c.UpdatedAt, now),
                    cancellationToken);
            }

            if (taken == 1)
            {
                return await db.ProspectingCycles.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Extends the lease; false when this worker no longer holds it (it ran out and another took the cycle).</summary>
    public async Task<bool> RenewAsync(long id, string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            return await db.ProspectingCycles
                .Where(c => c.Id == id && c.LeaseOwner == owner && c.Status == ProspectingCycleStatus.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LeaseUntil, now + lease).SetProperty(c => c.UpdatedAt, now), cancellationToken) == 1;
        }
    }

    /// <summary>Applies <paramref name="change"/> to the cycle if this worker still holds its lease; false when it does not.</summary>
    public async Task<bool> UpdateAsync(long id, string owner, Action<SdrProspectingCycle> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var cycle = await db.ProspectingCycles.SingleOrDefaultAsync(c => c.Id == id && c.LeaseOwner == owner && c.Status == ProspectingCycleStatus.Running, cancellationToken);
        if (cycle is null)
        {
            return false;
        }

        change(cycle);
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Adds an error of a whole source or of the cycle ("source: message"); the first few are kept.</summary>
    public Task<bool> AddErrorAsync(long id, string owner, string error, DateTime now, CancellationToken cancellationToken) =>
        UpdateAsync(id, owner, cycle =>
        {
            var errors = JsonSerializer.Deserialize<List<string>>(cycle.Errors) ?? [];
            if (errors.Count < MaxStoredErrors)
            {
                errors.Add(error.Length > 300 ? error[..300] : error);
            }

            cycle.Errors = JsonSerializer.Serialize(errors);
            cycle.UpdatedAt = now;
        }, cancellationToken);

    /// <summary>Stores the candidates the cycle has not stored yet (by key); returns how many were new.</summary>
    public async Task<int> AddCandidatesAsync(long cycleId, IReadOnlyList<SdrProspectingCandidate> candidates, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var known = (await db.ProspectingCandidates.AsNoTracking().Where(c => c.CycleId == cycleId).Select(c => c.CandidateKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = candidates.Where(c => known.Add(c.CandidateKey)).ToList();
        foreach (var batch in fresh.Chunk(InsertBatch))
        {
            db.ChangeTracker.Clear();
            db.ProspectingCandidates.AddRange(batch);
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return fresh.Count;
    }

    /// <summary>The cycle's undecided candidates after <paramref name="afterId"/>, in the order they were found.</summary>
    public async Task<IReadOnlyList<SdrProspectingCandidate>> PendingAsync(long cycleId, long afterId, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.ProspectingCandidates.AsNoTracking()
            .Where(c => c.CycleId == cycleId && c.Status == ProspectingCandidateStatus.Pending && c.Id > afterId)
            .OrderBy(c => c.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records what became of candidates (status, reason and, for listings, the contact they became).</summary>
    public async Task SaveDecisionsAsync(IReadOnlyList<SdrProspectingCandidate> decided, CancellationToken cancellationToken)
    {
        if (decided.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        foreach (var candidate in decided)
        {
            db.ProspectingCandidates.Attach(candidate);
            var entry = db.Entry(candidate);
            entry.Property(c => c.Status).IsModified = true;
            entry.Property(c => c.Reason).IsModified = true;
            entry.Property(c => c.DecidedAt).IsModified = true;
            entry.Property(c => c.ContactId).IsModified = true;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Skips every undecided candidate of the cycle (of <paramref name="sources"/> only, when given) with <paramref name="reason"/>.</summary>
    public async Task<int> SkipPendingAsync(long cycleId, IReadOnlyList<string>? sources, string reason, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var pending = db.ProspectingCandidates.Where(c => c.CycleId == cycleId && c.Status == ProspectingCandidateStatus.Pending);
        if (sources is not null)
        {
            pending = pending.Where(c => sources.Contains(c.Source));
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            return await pending.ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Status, ProspectingCandidateStatus.Skipped).SetProperty(c => c.Reason, reason).SetProperty(c => c.DecidedAt, now),
                cancellationToken);
        }
    }

    /// <summary>Candidates per source, status and reason: the cycle's counts, read from the stored rows.</summary>
    public async Task<IReadOnlyList<CandidateTally>> TallyAsync(long cycleId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.ProspectingCandidates.AsNoTracking()
            .Where(c => c.CycleId == cycleId)
            .GroupBy(c => new { c.Source, c.Status, c.Reason })
            .Select(g => new CandidateTally(g.Key.Source, g.Key.Status, g.Key.Reason, g.Count()))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>How many candidates of a cycle's source ended with a status (and reason).</summary>
public sealed record CandidateTally(string Source, ProspectingCandidateStatus Status, string? Reason, int Count);
