using Sdr.Core.Alerts;
using Sdr.Core.Insight;

namespace Sdr.Server.Dashboard;

/// <summary>
/// What the overview shows, every figure from the stats service (the same numbers as <c>GET /sdr/stats</c> and
/// <c>GET /sdr/stats/sequences</c> for the location and window), the daily activity and the alerts.
/// </summary>
public sealed record OverviewModel(
    SdrStatsReport Stats,
    SequenceFunnelReport Funnel,
    IReadOnlyList<ActivityDay> Activity,
    IReadOnlyList<SdrAlertView> OpenAlerts,
    IReadOnlyList<SdrAlertView> RecentlyResolved);
