using Microsoft.EntityFrameworkCore;

namespace Sdr.Core.Data;

/// <summary>
/// Saves the agent's work on one reply (the reply's outcome, the sequence, scores, answers and GHL actions
/// queued) in one transaction under the write gate, after every GHL read or LLM call is done: nothing holds
/// the database while the network is slow. Also the resume sweep's atomic claim.
/// </summary>
public sealed class ConversationStore(SdrDbContext db, SqliteWriteGate writeGate)
{
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The write gate, for a bulk statement of the caller's (SQLite: one writer at a time in this process).</summary>
    public ValueTask<SqliteWriteGate.Held> EnterWriteAsync(CancellationToken cancellationToken) => writeGate.EnterAsync(cancellationToken);

    /// <summary>
    /// The paused conversations whose prospect has been quiet until <paramref name="now"/>: each is claimed by
    /// clearing its <c>resumes_at</c> in one statement, so two instances never resume the same one (the caller
    /// resumes it at once, or sets a new <c>resumes_at</c> when it cannot).
    /// </summary>
    public async Task<IReadOnlyList<long>> ClaimQuietAsync(DateTime now, int max, CancellationToken cancellationToken)
    {
        var due = await db.Sequences.AsNoTracking()
            .Where(s => s.IsActive && s.ResumesAt != null && s.ResumesAt <= now)
            .OrderBy(s => s.ResumesAt)
            .Select(s => new { s.Id, s.ResumesAt })
            .Take(max)
            .ToListAsync(cancellationToken);
        var claimed = new List<long>();
        foreach (var sequence in due)
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                var taken = await db.Sequences
                    .Where(s => s.Id == sequence.Id && s.IsActive && s.ResumesAt == sequence.ResumesAt)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.ResumesAt, (DateTime?)null), cancellationToken);
                if (taken == 1)
                {
                    claimed.Add(sequence.Id);
                }
            }
        }

        return claimed;
    }
}
