using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sdr.Core.Alerts;

namespace Sdr.Server.Endpoints;

internal static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/alerts").WithTags("Alerts").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapGet("/", ListAlertsAsync)
            .WithName("ListAlerts")
            .WithSummary("Alerts raised by the watched conditions, newest first: GHL circuit open, daily SMS cap reached, dispatch failure rate, webhook backlog, GHL action queue stuck, LLM failing.")
            .WithDescription("status: open (default), resolved or all; location_id: one GHL location's alerts; limit: 1-1000 (100). "
                + "notified / recovery_notified: pending, sent, failed (every post to the alert webhook failed; the alert is kept) or skipped (no webhook configured).");
        return group;
    }

    public static async Task<Results<Ok<AlertListView>, ValidationProblem>> ListAlertsAsync(
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "location_id")] string? locationId,
        [FromQuery(Name = "limit")] string? limit,
        AlertQueries alerts,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var filter = AlertStatusFilter.Open;
        var take = AlertQuery.DefaultLimit;
        switch (status)
        {
            case null or "open":
                break;
            case "resolved":
                filter = AlertStatusFilter.Resolved;
                break;
            case "all":
                filter = AlertStatusFilter.All;
                break;
            default:
                validation.Add("status", "status must be open, resolved or all.");
                break;
        }

        if (locationId is not null && !Validation.IsId(locationId))
        {
            validation.Add("location_id", "location_id must be a GHL location id (letters, digits, '-' or '_', at most 64).");
        }

        if (limit is not null && (!int.TryParse(limit, out take) || take < 1 || take > AlertQuery.MaxLimit))
        {
            validation.Add("limit", $"limit must be a whole number from 1 to {AlertQuery.MaxLimit}.");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The alerts request is invalid");
        }

        var list = await alerts.ListAsync(new AlertQuery(filter, locationId, take), cancellationToken);
        return TypedResults.Ok(new AlertListView(list.Count, list));
    }
}

/// <summary>The answer of <c>GET /sdr/alerts</c>.</summary>
internal sealed record AlertListView(int Count, IReadOnlyList<SdrAlertView> Alerts);
