using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Agent;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Insight;
using Sdr.Core.Sequences;

namespace Sdr.Server.Endpoints;

internal static class StatsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;
    public const int StatsDefaultDays = 7;

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/stats").WithTags("Stats").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapGet("/", GetStatsAsync)
            .WithName("GetStats")
            .WithSummary("The seed's SDRMetricWindow over the last `days` days (default 7) and over the rolling last hour, 24 hours and 7 days, with the GHL circuit of each location.")
            .WithDescription("Counted from the stored rows. Each window: enrolled; touches by channel and step; dispatch sent / deferred / blocked / failed with counts by kind of reason; replies (people, not auto-responders) by category, replied and touched sequences and reply_rate = replied / touched; time_to_first_reply (seconds from a sequence's first touch to its first reply: count, median_seconds, p90_seconds); objections by type; qualified, booked, opted_out; ghl_errors (failed and unknown touches, failed conversational messages, GHL writes that gave up); llm_calls. circuits: closed, open or half_open, as this server process sees them. location_id is optional (all locations when absent).");
        group.MapGet("/sequences", GetSequenceFunnelAsync)
            .WithName("GetSequenceFunnel")
            .WithSummary("The funnel of the sequences enrolled in the last `days` days (default 7): for each step, how many ever had its touch sent, and how many replied, qualified, booked or opted out after it, per variant.")
            .WithDescription("Each outcome counts once per sequence, at the last step whose touch was sent before it (`enrolled` when none was). funnel: all the variants asked for together; variants: one funnel each. variant is optional (all variants when absent).");
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

    public static async Task<Results<Ok<SdrStatsReport>, ValidationProblem>> GetStatsAsync(
        [FromQuery(Name = "location_id")] string? locationId,
        [FromQuery(Name = "days")] string? days,
        SdrPerformanceTracker tracker,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var window = await ValidateWindowAsync(validation, tracker, locationId, days, cancellationToken);
        return validation.IsValid
            ? TypedResults.Ok(await tracker.GetStatsAsync(Blank(locationId), window, cancellationToken))
            : TypedResults.ValidationProblem(validation.Errors, title: "The stats request is invalid");
    }

    public static async Task<Results<Ok<SequenceFunnelReport>, ValidationProblem>> GetSequenceFunnelAsync(
        [FromQuery(Name = "location_id")] string? locationId,
        [FromQuery(Name = "days")] string? days,
        [FromQuery(Name = "variant")] string? variant,
        SdrPerformanceTracker tracker,
        IOptions<SequenceOptions> sequences,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var window = await ValidateWindowAsync(validation, tracker, locationId, days, cancellationToken);
        variant = Blank(variant);
        if (variant is not null
            && (!Validation.IsId(variant)
                || (variant != sequences.Value.DefaultVariant && !await tracker.IsVariantInUseAsync(variant, cancellationToken))))
        {
            validation.Add("variant", $"variant '{variant}' is neither configured nor used by any sequence.");
        }

        return validation.IsValid
            ? TypedResults.Ok(await tracker.GetSequenceFunnelAsync(Blank(locationId), window, variant, cancellationToken))
            : TypedResults.ValidationProblem(validation.Errors, title: "The stats request is invalid");
    }

    /// <summary>location_id (optional; configured or seen in the data) and days (1 to 365, default 7).</summary>
    private static async Task<int> ValidateWindowAsync(Validation validation, SdrPerformanceTracker tracker, string? locationId, string? days, CancellationToken cancellationToken)
    {
        if (Blank(locationId) is { } location
            && (!Validation.IsId(location) || !await tracker.IsKnownLocationAsync(location, cancellationToken)))
        {
            validation.Add("location_id", $"location_id '{location}' is neither a configured GHL location nor one any sequence was enrolled in.");
        }

        var window = StatsDefaultDays;
        if (days is not null && (!int.TryParse(days, out window) || window < 1 || window > MaxDays))
        {
            validation.Add("days", $"days must be a whole number from 1 to {MaxDays}.");
        }

        return window;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
