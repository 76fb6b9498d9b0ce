using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Agent;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Qualification;
using Sdr.Core.Sequences;

namespace Sdr.Server.Endpoints;

public sealed record EnrollRequest(List<string?>? ContactIds, string? LocationId, string? LeadType, string? SequenceVariant);

/// <summary>The seed's GateDecision, with the signals behind the scores and what is still unknown.</summary>
public sealed record GateDecisionResponse(
    bool Passed,
    double FrsScore,
    double PcsScore,
    string LeadType,
    double Confidence,
    string? HandoffTarget,
    string? DisqualifyReason,
    bool Hot,
    IReadOnlyList<IntentSignal> Signals,
    IReadOnlyList<string> Missing)
{
    public static GateDecisionResponse From(GateDecision decision) => new(
        decision.Passed,
        Math.Round(decision.FrsScore, 1),
        Math.Round(decision.PcsScore, 1),
        decision.LeadType,
        Math.Round(decision.Confidence, 3),
        decision.HandoffTarget,
        decision.DisqualifyReason,
        decision.IsHot,
        decision.IntentProfile.Signals,
        [.. decision.IntentProfile.Missing.Select(m => m.ToString())]);
}

public sealed record EnrollResponse(IReadOnlyList<string> Enrolled, IReadOnlyList<EnrollSkip> Skipped, IReadOnlyList<EnrollError> Errors, int TotalEnrolled);

internal static class ProspectsApi
{
    public static RouteGroupBuilder MapProspectsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/prospects").WithTags("Prospects").AddEndpointFilter<AdminApiKeyFilter>();
        group.MapPost("/enroll", EnrollAsync)
            .WithName("EnrollProspects")
            .WithSummary("Enrol GHL contacts in the outreach cadence; SMS_1 is queued, never sent inside the request.")
            .WithDescription(
                "Each contact is checked in GHL. Contacts already in an active sequence, without a phone, or on DND are skipped with a reason. " +
                "Up to sdr:enrollment:sync_max_contacts ids (25) the answer is 200 with the lists; more (at most 500 per call) are stored as a job and answered 202 " +
                "with its enrollment_id and a Location to follow with GET /sdr/prospects/enroll/{enrollment_id}. A client that goes away never leaves a list half done. " +
                "Each SMS_1 is planned inside its window, the recipient's allowed hours, the location's GHL budget and daily SMS cap: a single enrolment's goes within seconds, a batch's are spread.");
        group.MapGet("/enroll/{enrollment_id}", GetEnrollmentAsync)
            .WithName("GetEnrollment")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A large enrolment's state and its enrolled, skipped and errors lists as far as the work has come.");
        group.MapGet("/{contact_id}", GetProspectAsync)
            .WithName("GetProspect")
            .WithSummary("A prospect's profile and the state of its latest sequence.");
        group.MapPost("/{contact_id}/evaluate", EvaluateAsync)
            .WithName("EvaluateProspect")
            .WithSummary("Run the QualificationGate over the whole conversation now (the seed's evaluate_and_handoff) and return its decision.")
            .WithDescription("The scores are stored on the prospect. A pass hands the contact off (tags, GHL note, sequence QUALIFIED) unless a booking offer is open; a contact whose sequence has ended is only scored.");
        return group;
    }

    public static async Task<Results<Ok<EnrollResponse>, Accepted<EnrollmentAccepted>, ValidationProblem>> EnrollAsync(
        EnrollRequest? request,
        SequenceEnrollment enrollment,
        EnrollmentJobs jobs,
        IOptions<GhlOptions> ghl,
        IOptions<EnrollmentOptions> options,
        IHostApplicationLifetime lifetime)
    {
        var validation = Validate(request, ghl.Value);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The enrolment request is invalid");
        }

        var command = new EnrollCommand(
            request!.ContactIds!.Select(id => id!.Trim()).ToList(),
            request.LocationId!.Trim(),
            request.LeadType,
            string.IsNullOrWhiteSpace(request.SequenceVariant) ? null : request.SequenceVariant.Trim());
        // Neither path listens to the request's abort: a client that goes away must not leave the list half done.
        if (command.ContactIds.Distinct(StringComparer.Ordinal).Count() > options.Value.SyncMaxContacts)
        {
            var accepted = await jobs.CreateAsync(command, lifetime.ApplicationStopping);
            return TypedResults.Accepted($"/sdr/prospects/enroll/{accepted.EnrollmentId}", accepted);
        }

        var result = await enrollment.EnrollAsync(command, lifetime.ApplicationStopping);
        return TypedResults.Ok(new EnrollResponse(result.Enrolled, result.Skipped, result.Errors, result.TotalEnrolled));
    }

    public static async Task<Results<Ok<EnrollmentJobView>, ProblemHttpResult>> GetEnrollmentAsync(
        string enrollment_id,
        EnrollmentJobs jobs,
        CancellationToken cancellationToken)
    {
        var job = Guid.TryParse(enrollment_id, out var id) ? await jobs.GetAsync(id, cancellationToken) : null;
        return job is null
            ? TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such enrolment",
                Detail = $"Enrolment '{enrollment_id}' is not known.",
            })
            : TypedResults.Ok(job);
    }

    public static async Task<Results<Ok<ProspectView>, ProblemHttpResult>> GetProspectAsync(
        string contact_id,
        string? location_id,
        SequenceQueries queries,
        CancellationToken cancellationToken)
    {
        var prospect = await queries.GetProspectAsync(contact_id, location_id, cancellationToken);
        return prospect is null
            ? TypedResults.Problem(NotFoundProblem.For("prospect", contact_id))
            : TypedResults.Ok(prospect);
    }

    public static async Task<Results<Ok<GateDecisionResponse>, ProblemHttpResult, ValidationProblem>> EvaluateAsync(
        string contact_id,
        string? location_id,
        SdrAgent agent,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!Validation.IsId(contact_id))
        {
            validation.Add("contact_id", "contact_id must be 1-64 letters, digits, '-' or '_'.");
        }

        if (location_id is not null && !Validation.IsId(location_id))
        {
            validation.Add("location_id", "location_id must be 1-64 letters, digits, '-' or '_'.");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors, title: "The evaluation request is invalid");
        }

        var decision = await agent.EvaluateAndHandoffAsync(contact_id, location_id, cancellationToken);
        return decision is null
            ? TypedResults.Problem(NotFoundProblem.For("prospect", contact_id))
            : TypedResults.Ok(GateDecisionResponse.From(decision));
    }

    private static Validation Validate(EnrollRequest? request, GhlOptions ghl)
    {
        var validation = new Validation();
        if (request is null)
        {
            validation.Add("body", "A JSON body {contact_ids: [...], location_id} is required.");
            return validation;
        }

        if (request.ContactIds is null)
        {
            validation.Add("contact_ids", "contact_ids is required.");
        }
        else if (request.ContactIds.Count == 0)
        {
            validation.Add("contact_ids", "contact_ids must name at least one contact.");
        }
        else if (request.ContactIds.Count > SequenceEnrollment.MaxContactsPerRequest)
        {
            validation.Add("contact_ids", $"contact_ids may hold at most {SequenceEnrollment.MaxContactsPerRequest} ids; got {request.ContactIds.Count}.");
        }
        else
        {
            for (var i = 0; i < request.ContactIds.Count; i++)
            {
                if (!Validation.IsId(request.ContactIds[i]?.Trim()))
                {
                    validation.Add($"contact_ids[{i}]", "Each contact id must be 1-64 letters, digits, '-' or '_'.");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(request.LocationId))
        {
            validation.Add("location_id", "location_id is required.");
        }
        else if (!ghl.Locations.Any(l => l.LocationId == request.LocationId.Trim()))
        {
            validation.Add("location_id", $"location_id '{request.LocationId}' is not a configured GHL location (Ghl__Locations__N__LocationId).");
        }

        if (request.LeadType is not null && !Sdr.Core.Sequences.LeadTypes.All.Contains(request.LeadType))
        {
            validation.Add("lead_type", "lead_type must be buyer, seller or ambiguous.");
        }

        if (request.SequenceVariant is { } variant && !Validation.IsId(variant.Trim()))
        {
            validation.Add("sequence_variant", "sequence_variant must be 1-64 letters, digits, '-' or '_'.");
        }

        return validation;
    }
}
