namespace Sdr.Server.Dashboard;

/// <summary>What every dashboard page's layout needs: its title, the active tab, the filters and the form token.</summary>
public sealed record DashboardFrame(
    string Title,
    string Active,
    string CsrfToken,
    bool CanSignOut,
    IReadOnlyList<string> Locations,
    string? LocationId,
    int? Days)
{
    public static readonly IReadOnlyList<int> DayChoices = [1, 7, 30, 90, 365];
}
