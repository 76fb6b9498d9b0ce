using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Alerts;

/// <summary>Which alerts to list: open ones, resolved ones or all; all locations or one.</summary>
public enum AlertStatusFilter
{
    Open,
    Resolved,
    All,
}

public sealed record AlertQuery(AlertStatusFilter Status = AlertStatusFilter.Open, string? LocationId = null, int Limit = AlertQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <summary>An alert as the API and the dashboard show it.</summary>
public sealed record SdrAlertView(
    long Id,
    string Key,
    string Kind,
    string? LocationId,
    string Severity,
    string Status,
    string Summary,
    DateTime OpenedAt,
    DateTime? ResolvedAt,
    double LastValue,
    double Threshold,
    DateTime LastEvaluatedAt,
    string Notified,
    string? RecoveryNotified,
    string? LastDeliveryError);

/// <summary>Reads of <c>sdr_alerts</c> for <c>GET /sdr/alerts</c> and the dashboard: newest first.</summary>
public sealed class AlertQueries(SdrDbContext db)
{
    public async Task<IReadOnlyList<SdrAlertView>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var alerts = db.Alerts.AsNoTracking();
        alerts = query.Status switch
        {
            AlertStatusFilter.Open => alerts.Where(a => a.ResolvedAt == null),
            AlertStatusFilter.Resolved => alerts.Where(a => a.ResolvedAt != null),
            _ => alerts,
        };
        if (query.LocationId is { } locationId)
        {
            alerts = alerts.Where(a => a.LocationId == locationId);
        }

        var rows = await alerts.OrderByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(query.Limit, 1, AlertQuery.MaxLimit))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ViewOf)];
    }

    public static SdrAlertView ViewOf(SdrAlert alert) => new(
        alert.Id,
        alert.Key,
        alert.Kind.ToName(),
        alert.LocationId,
        alert.Severity.ToName(),
        alert.ResolvedAt is null ? "open" : "resolved",
        alert.Summary,
        alert.OpenedAt,
        alert.ResolvedAt,
        alert.LastValue,
        alert.Threshold,
        alert.LastEvaluatedAt,
        alert.NoticeState.ToName(),
        alert.RecoveryState?.ToName(),
        alert.LastDeliveryError);
}
