using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Data;

/// <summary>
/// Storage of <c>sdr_alerts</c>: the atomic claims that keep several instances from opening, resolving or announcing
/// the same alert twice, under the SQLite write gate. Opening is an insert that the unique index on the open alert's key
/// refuses to a second instance; resolving and claiming a notice are conditional updates only one instance wins.
/// Every call opens its own scope.
/// </summary>
public sealed class AlertStore(IServiceScopeFactory scopes, SqliteWriteGate gate)
{
    public async Task<IReadOnlyList<SdrAlert>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        return await db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Inserts <paramref name="alert"/>; false (and nothing written) when an alert with its key is already open.</summary>
    public async Task<bool> TryOpenAsync(SdrAlert alert, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        db.Alerts.Add(alert);
        using (await gate.EnterAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
            {
                return false;
            }
        }
    }

    /// <summary>Records the latest figure of an open alert and whether (since when) its condition is clear.</summary>
    public async Task ObserveAsync(long id, double value, DateTime now, DateTime? clearSince, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Alerts.Where(a => a.Id == id && a.ResolvedAt == null).ExecuteUpdateAsync(
                set => set.SetProperty(a => a.LastValue, value).SetProperty(a => a.LastEvaluatedAt, now).SetProperty(a => a.ClearSince, clearSince),
                cancellationToken);
        }
    }

    /// <summary>Resolves an open alert and queues its recovery notice; false when another instance resolved it first.</summary>
    public async Task<bool> TryResolveAsync(long id, double value, DateTime now, AlertDelivery recovery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            return await db.Alerts.Where(a => a.Id == id && a.ResolvedAt == null).ExecuteUpdateAsync(
                set => set
                    .SetProperty(a => a.ResolvedAt, now)
                    .SetProperty(a => a.LastValue, value)
                    .SetProperty(a => a.LastEvaluatedAt, now)
                    .SetProperty(a => a.RecoveryState, recovery)
                    .SetProperty(a => a.NextDeliveryAt, now),
                cancellationToken) == 1;
        }
    }

    /// <summary>
    /// Alerts with a notice due (oldest first), each leased to this instance until <paramref name="leaseUntil"/> by one
    /// conditional update, so a notice is posted by one instance at a time.
    /// </summary>
    public async Task<IReadOnlyList<SdrAlert>> ClaimDueNoticesAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        var due = await db.Alerts.AsNoTracking()
            .Where(a => (a.NoticeState == AlertDelivery.Pending || a.RecoveryState == AlertDelivery.Pending)
                && a.NextDeliveryAt <= now && (a.DeliveryClaimedUntil == null || a.DeliveryClaimedUntil <= now))
            .OrderBy(a => a.NextDeliveryAt).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        var claimed = new List<long>();
        foreach (var id in due)
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                var won = await db.Alerts
                    .Where(a => a.Id == id && (a.DeliveryClaimedUntil == null || a.DeliveryClaimedUntil <= now)
                        && (a.NoticeState == AlertDelivery.Pending || a.RecoveryState == AlertDelivery.Pending))
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.DeliveryClaimedUntil, leaseUntil), cancellationToken);
                if (won == 1)
                {
                    claimed.Add(id);
                }
            }
        }

        return claimed.Count == 0 ? [] : await db.Alerts.AsNoTracking().Where(a => claimed.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Writes the delivery state of a claimed alert and releases its lease.</summary>
    public async Task SaveDeliveryAsync(SdrAlert alert, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SdrDbContext>();
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Alerts.Where(a => a.Id == alert.Id).ExecuteUpdateAsync(
                set => set
                    .SetProperty(a => a.NoticeState, alert.NoticeState)
                    .SetProperty(a => a.NoticeSentAt, alert.NoticeSentAt)
                    .SetProperty(a => a.RecoveryState, alert.RecoveryState)
                    .SetProperty(a => a.RecoverySentAt, alert.RecoverySentAt)
                    .SetProperty(a => a.DeliveryAttempts, alert.DeliveryAttempts)
                    .SetProperty(a => a.NextDeliveryAt, alert.NextDeliveryAt)
                    .SetProperty(a => a.LastDeliveryError, alert.LastDeliveryError)
                    .SetProperty(a => a.DeliveryClaimedUntil, (DateTime?)null),
                cancellationToken);
        }
    }
}
