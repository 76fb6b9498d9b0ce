using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Experiments;
using Sdr.Core.GoHighLevel;

namespace Sdr.Server.Endpoints;

public sealed record CreateAbTestRequest(string? Name, string? LocationId, List<AbTestVariantRequest?>? Variants, string? Metric);

/// <summary>A variant: its name is the sequence variant whose templates it sends; weight in percent; tone and step_timing optional.</summary>
public sealed record AbTestVariantRequest(string? Name, int? Weight, string? Tone, Dictionary<string, StepHoursRequest?>? StepTiming);

/// <summary>A step's window in hours from enrolment, replacing the cadence's (sdr:sequence:steps).</summary>
public sealed record StepHoursRequest(double? MinHours, double? MaxHours);

public sealed record PromoteAbTestRequest(string? Variant);

internal static class AbTestsApi
{
    public static RouteGroupBuilder MapAbTestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/ab-tests").WithTags("A/B tests").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapPost("/", CreateAsync)
            .WithName("CreateAbTest")
            .WithSummary("Start an A/B test of sequence variants: new enrolments without a sequence_variant are assigned by contact.")
            .WithDescription("At least two variants, the first the control, weights in whole percent summing to 100, names unique. A variant's name is the sequence variant whose templates its contacts get; a name without templates needs a tone (for the language model's answers) or step_timing ({step: {min_hours, max_hours}} from enrolment). location_id limits it to one location; metric (reply_rate, qualification_rate, booking_rate) is what 'best' means. Assignment: SHA-256 of '{id}:{contact_id}' into the weights, the same on every instance.");
        group.MapGet("/", ListAsync)
            .WithName("ListAbTests")
            .WithSummary("Every A/B test, the newest first, with its variants and status.");
        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetAbTest")
            .WithSummary("An A/B test with its results per variant: assigned, replied, qualified, booked, opted out and their rates, each compared with the control (two-proportion z-test) with the probability of being best, and a verdict.")
            .WithDescription("Only sequences the test assigned count (not those enrolled after its promotion). Reading the results applies the opt-out guardrail to a running test.");
        group.MapPost("/{id:long}/stop", StopAsync)
            .WithName("StopAbTest")
            .WithSummary("Stop assigning: new enrolments get the default variant. Its results stay; it can still be promoted.");
        group.MapPost("/{id:long}/promote", PromoteAsync)
            .WithName("PromoteAbTest")
            .WithSummary("Make a variant (default: the one most likely best on the test's metric) the default for new enrolments of the test's location(s); an explicit sequence_variant still wins.")
            .WithDescription("A running or stopped test may be promoted once; promoting again answers 409.");
        return group;
    }

    public static async Task<Results<Created<ExperimentView>, ValidationProblem>> CreateAsync(
        CreateAbTestRequest? request,
        ExperimentService experiments,
        IOptions<GhlOptions> ghl,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Invalid("body", "A JSON body {name, variants: [{name, weight}, ...]} is required.");
        }

        var location = string.IsNullOrWhiteSpace(request.LocationId) ? null : request.LocationId.Trim();
        if (location is not null && !ghl.Value.Locations.Any(l => l.LocationId == location))
        {
            return Invalid("location_id", $"location_id '{location}' is not a configured GHL location; leave it out to test every location.");
        }

        var draft = new ExperimentDraft(
            request.Name,
            location,
            request.Metric,
            request.Variants?.ConvertAll(v => v is null
                ? new VariantDraft(null, null, null, null)
                : new VariantDraft(
                    v.Name?.Trim(),
                    v.Weight,
                    v.Tone,
                    v.StepTiming?.ToDictionary(s => s.Key, s => new StepHours(s.Value?.MinHours ?? -1, s.Value?.MaxHours ?? -1), StringComparer.OrdinalIgnoreCase))));
        var created = await experiments.CreateAsync(draft, cancellationToken);
        if (created.Experiment is not { } experiment)
        {
            var errors = created.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: "The A/B test is invalid");
        }

        return TypedResults.Created($"/sdr/ab-tests/{experiment.Id}", experiment);
    }

    public static async Task<Ok<IReadOnlyList<ExperimentView>>> ListAsync(ExperimentService experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.ListAsync(cancellationToken));

    public static async Task<Results<Ok<ExperimentResults>, ProblemHttpResult>> GetAsync(long id, ExperimentService experiments, CancellationToken cancellationToken) =>
        await experiments.GetResultsAsync(id, cancellationToken) is { } results
            ? TypedResults.Ok(results)
            : TypedResults.Problem(NotFound(id));

    public static async Task<Results<Ok<ExperimentView>, ProblemHttpResult>> StopAsync(long id, ExperimentService experiments, CancellationToken cancellationToken) =>
        Answer(id, await experiments.StopAsync(id, cancellationToken));

    public static async Task<Results<Ok<ExperimentView>, ProblemHttpResult, ValidationProblem>> PromoteAsync(
        long id,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] PromoteAbTestRequest? request,
        ExperimentService experiments,
        CancellationToken cancellationToken)
    {
        var variant = string.IsNullOrWhiteSpace(request?.Variant) ? null : request.Variant.Trim();
        var change = await experiments.PromoteAsync(id, variant, cancellationToken);
        return change.Status switch
        {
            ExperimentChangeStatus.Done => TypedResults.Ok(change.Experiment!),
            ExperimentChangeStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [change.Field!] = [change.Problem!] }, title: "The promotion is invalid"),
            _ => TypedResults.Problem(Problem(id, change)),
        };
    }

    private static Results<Ok<ExperimentView>, ProblemHttpResult> Answer(long id, ExperimentChange change) =>
        change.Status == ExperimentChangeStatus.Done ? TypedResults.Ok(change.Experiment!) : TypedResults.Problem(Problem(id, change));

    private static ProblemDetails Problem(long id, ExperimentChange change) => change.Status == ExperimentChangeStatus.NotFound
        ? NotFound(id)
        : new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The A/B test's state does not allow this",
            Detail = change.Problem,
        };

    private static ProblemDetails NotFound(long id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such A/B test",
        Detail = $"There is no A/B test with id {id}.",
    };

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The A/B test is invalid");
}
