using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data;

namespace Sdr.Core.Sequences;

public sealed partial class CadenceScheduler
{
    /// <summary>True when some active sequence is due and unclaimed: the cadence worker's cheap look between batches.</summary>
    public async Task<bool> HasDueTouchesAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.Sequences.AnyAsync(
            s => s.IsActive && s.NextTouchAt <= now && (s.ClaimedUntil == null || s.ClaimedUntil < now),
            cancellationToken);
    }
}
