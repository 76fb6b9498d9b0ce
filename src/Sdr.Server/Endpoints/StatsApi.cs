using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Agent;
using Sdr.Core.GoHighLevel;

namespace Sdr.Server.Endpoints;

internal static class StatsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/stats").WithTags("Stats").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapGet("/objections", GetObjectionsAsync)
            .WithName("GetObjectionStats")
            .WithSummary("Objections answered in the last `days` days, by type: how many, their share of the human replies, and what the prospects did next.")
            .WithDescription("outcomes: replied, qualified, booked, opted_out, silent (no move for objection_silent_after_days), pending (not settled yet).");
        return group;
    }

    public static async Task<Results<Ok<ObjectionStatsView>, ValidationProblem>> GetObjectionsAsync(
        [FromQuery(Name = "location_id")] string? locationId,
        [FromQuery(Name = "days")] string? days,
        ObjectionStatistics statistics,
        IOptions<GhlOptions> ghl,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var window = DefaultDays;
        if (string.IsNullOrWhiteSpace(locationId))
        {
            validation.Add("location_id", "location_id is required.");
        }
        else if (!ghl.Value.Locations.Any(l => l.LocationId == locationId))
        {
            validation.Add("location_id", $"location_id '{locationId}' is not a configured GHL location.");
        }

        if (days is not null && (!int.TryParse(days, out window) || window < 1 || window > MaxDays))
        {
            validation.Add("days", $"days must be a whole number from 1 to {MaxDays}.");
        }

        return validation.IsValid
            ? TypedResults.Ok(await statistics.ForAsync(locationId!, window, cancellationToken))
            : TypedResults.ValidationProblem(validation.Errors, title: "The stats request is invalid");
    }
}
