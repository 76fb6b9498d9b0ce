using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Sequences;

namespace Sdr.Server.Endpoints;

public sealed record StopSequenceResponse(string ContactId, bool Stopped, bool OptedOut);

internal static class SequencesApi
{
    public const int MaxBatchSize = 5000;

    public static RouteGroupBuilder MapSequencesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/sequences").WithTags("Sequences").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapPost("/process-batch", ProcessBatchAsync)
            .WithName("ProcessBatch")
            .WithSummary("Send the touches that are due now (what the cadence worker does every cron_interval_minutes).")
            .WithDescription("processed: sequences claimed; dispatched: touches GHL took; skipped: handled without a GHL call (deferred, blocked, paused, already sent); errors: touches that failed and will be retried or were given up; reconciled: touches of unknown outcome settled against the GHL conversation history before the batch (sent, to be sent again, or flagged for review).");
        group.MapGet("/{contact_id}", GetSequenceAsync)
            .WithName("GetSequence")
            .WithSummary("A contact's sequence with its touches, replies and every dispatch decision.");
        group.MapDelete("/{contact_id}", StopSequenceAsync)
            .WithName("StopSequence")
            .WithSummary("Stop the contact's active sequence without opting the contact out.");
        return group;
    }

    public static async Task<Results<Ok<BatchResult>, ValidationProblem>> ProcessBatchAsync(
        [FromQuery(Name = "batch_size")] string? batchSize,
        [FromQuery(Name = "location_id")] string? locationId,
        CadenceScheduler scheduler,
        IOptions<PerformanceOptions> performance,
        CancellationToken cancellationToken)
    {
        var size = performance.Value.CronBatchSize;
        if (batchSize is not null && (!int.TryParse(batchSize, out size) || size < 1 || size > MaxBatchSize))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["batch_size"] = [$"batch_size must be a whole number from 1 to {MaxBatchSize}."] },
                title: "The batch request is invalid");
        }

        if (locationId is not null && !Validation.IsId(locationId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["location_id"] = ["location_id must be 1-64 letters, digits, '-' or '_'."] },
                title: "The batch request is invalid");
        }

        return TypedResults.Ok(await scheduler.ProcessDueTouchesAsync(size, locationId, cancellationToken));
    }

    public static async Task<Results<Ok<SequenceView>, ProblemHttpResult>> GetSequenceAsync(
        string contact_id,
        string? location_id,
        SequenceQueries queries,
        CancellationToken cancellationToken)
    {
        var sequence = await queries.GetSequenceAsync(contact_id, location_id, cancellationToken);
        return sequence is null
            ? TypedResults.Problem(NotFoundProblem.For("sequence", contact_id))
            : TypedResults.Ok(sequence);
    }

    public static async Task<Results<Ok<StopSequenceResponse>, ProblemHttpResult>> StopSequenceAsync(
        string contact_id,
        string? location_id,
        SequenceCommands commands,
        CancellationToken cancellationToken)
    {
        if (!await commands.StopAsync(contact_id, location_id, cancellationToken))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No active sequence for this contact",
                Detail = $"Contact '{contact_id}' has no active sequence to stop.",
            });
        }

        return TypedResults.Ok(new StopSequenceResponse(contact_id, Stopped: true, OptedOut: false));
    }
}
