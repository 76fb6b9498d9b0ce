using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Sourcing;

namespace Sdr.Server.Endpoints;

/// <summary>The fields of POST /sdr/prospects/source when sent as JSON instead of the query string.</summary>
public sealed record SourceCycleRequest(string? LocationId, List<string>? Sources, int? MaxPerSource);

public sealed record SourceCycleAccepted(long CycleId, string Status, string LocationId, IReadOnlyList<string> Sources, int MaxPerSource);

internal static class SourcingApi
{
    private const int MaxListed = 100;

    public static RouteGroupBuilder MapSourcingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/prospects/source").WithTags("Prospecting").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapPost("/", StartAsync)
            .WithName("StartProspectingCycle")
            .WithSummary("Start a prospecting cycle for a location in the background: 202 with its id; GET /sdr/prospects/source/{id} follows it.")
            .WithDescription("Query string (or a JSON body with the same fields): location_id (a configured GHL location), sources (comma-separated: ghl_pipeline, stale_lead, expired_mls, fsbo; default sdr:prospecting:sources), max_per_source (1-100000; default sdr:prospecting:max_per_source). One cycle per location at a time across instances: while one is queued or running the answer is 409 naming it. Every candidate found is enrolled or skipped with a reason (suppressed, dnd, already_enrolled, cooldown, no_phone, no_valid_phone, outside_service_area, over_cycle_limit, enrollment_rate_limited).");
        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetProspectingCycle")
            .WithSummary("A prospecting cycle: status (queued, running, completed, failed), counts (found, enrolled, skipped by reason, errors, pending) in all and per source, errors, started and finished times.");
        group.MapGet("/", ListAsync)
            .WithName("ListProspectingCycles")
            .WithSummary("The newest prospecting cycles (up to 100), of one location with location_id.");
        return group;
    }

    public static async Task<Results<Accepted<SourceCycleAccepted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpContext context,
        [FromQuery(Name = "location_id")] string? locationId,
        [FromQuery(Name = "sources")] string? sources,
        [FromQuery(Name = "max_per_source")] string? maxPerSource,
        ProspectingCycles cycles,
        IOptions<GhlOptions> ghl,
        IOptions<ProspectingOptions> prospecting,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var body = await ReadBodyAsync(context, validation, cancellationToken);
        var location = (locationId ?? body?.LocationId)?.Trim();
        if (string.IsNullOrEmpty(location))
        {
            validation.Add("location_id", "location_id is required.");
        }
        else if (!ghl.Value.Locations.Any(l => l.LocationId == location))
        {
            validation.Add("location_id", $"location_id '{location}' is not a configured GHL location.");
        }

        var asked = sources is not null
            ? sources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : body?.Sources?.Select(s => s.Trim()).ToList();
        var chosen = asked is { Count: > 0 } ? asked.Distinct(StringComparer.Ordinal).ToList() : prospecting.Value.Sources;
        foreach (var unknown in chosen.Where(s => !ProspectSources.IsKnown(s)))
        {
            validation.Add("sources", $"'{unknown}' is not a source (known: {string.Join(", ", ProspectSources.All)}).");
        }

        if (chosen.Count == 0)
        {
            validation.Add("sources", "No source given and sdr:prospecting:sources is empty.");
        }

        var max = prospecting.Value.MaxPerSource;
        if (maxPerSource is not null)
        {
            if (!int.TryParse(maxPerSource, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > 100_000)
            {
                validation.Add("max_per_source", "max_per_source must be a whole number from 1 to 100000.");
            }
        }
        else if (body?.MaxPerSource is { } fromBody)
        {
            max = fromBody;
            if (max is < 1 or > 100_000)
            {
                validation.Add("max_per_source", "max_per_source must be a whole number from 1 to 100000.");
            }
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The prospecting cycle request is invalid");
        }

        var start = await cycles.StartAsync(location!, chosen, max, ProspectingTrigger.Api, cancellationToken: cancellationToken);
        if (start.Started is not { } cycle)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A prospecting cycle of this location is already queued or running",
                Detail = $"Cycle {start.RunningCycleId} of location '{location}' has not finished; follow it at /sdr/prospects/source/{start.RunningCycleId}.",
                Extensions = { ["running_cycle_id"] = start.RunningCycleId },
            });
        }

        return TypedResults.Accepted(
            $"/sdr/prospects/source/{cycle.CycleId}",
            new SourceCycleAccepted(cycle.CycleId, cycle.Status, cycle.LocationId, cycle.Sources, cycle.MaxPerSource));
    }

    public static async Task<Results<Ok<ProspectingCycleView>, ProblemHttpResult>> GetAsync(long id, ProspectingCycles cycles, CancellationToken cancellationToken) =>
        await cycles.GetAsync(id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such prospecting cycle",
                Detail = $"There is no prospecting cycle with id {id}.",
            });

    public static async Task<Ok<IReadOnlyList<ProspectingCycleView>>> ListAsync(
        [FromQuery(Name = "location_id")] string? locationId,
        ProspectingCycles cycles,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await cycles.ListAsync(string.IsNullOrWhiteSpace(locationId) ? null : locationId.Trim(), MaxListed, cancellationToken));

    /// <summary>The optional JSON body; a body that is not JSON of that shape is a 400 naming "body".</summary>
    private static async Task<SourceCycleRequest?> ReadBodyAsync(HttpContext context, Validation validation, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType() || context.Request.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFromJsonAsync<SourceCycleRequest>(
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower },
                cancellationToken);
        }
        catch (JsonException)
        {
            validation.Add("body", "The body must be JSON: {\"location_id\", \"sources\": [..], \"max_per_source\"}.");
            return null;
        }
    }
}
