using Microsoft.EntityFrameworkCore;
using Sdr.Core.Phones;

namespace Sdr.Core.Data;

/// <summary>
/// Stores the phone facts of prospects that have none yet (rows from before they were stored) or
/// have them from other libphonenumber data (after an upgrade), so their touches stop parsing the
/// phone. Runs after the migrations; safe to run twice or beside the engine (same values).
/// </summary>
public static class ProspectPhoneBackfill
{
    private const int BatchSize = 500;

    /// <summary>Returns how many prospects were updated.</summary>
    public static async Task<int> RunAsync(SdrDbContext db, CancellationToken cancellationToken = default)
    {
        var version = ResolvedPhone.DataVersion;
        var updated = 0;
        var afterId = 0L;
        while (true)
        {
            var batch = await db.Prospects
                .Where(p => p.Id > afterId && p.Phone != null && (p.PhoneDataVersion == null || p.PhoneDataVersion != version))
                .OrderBy(p => p.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return updated;
            }

            foreach (var prospect in batch)
            {
                prospect.SetPhone(prospect.Phone);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            updated += batch.Count;
            afterId = batch[^1].Id;
        }
    }
}
