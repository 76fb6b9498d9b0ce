using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Enrol GHL contacts in the outreach cadence; SMS_1 goes out at once.")
            .WithDescription("Each contact is checked in GHL. Contacts already in an active sequence, without a phone, or on DND are skipped with a reason. At most 500 ids per call.");
        group.MapGet("/{contact_id}", GetProspectAsync)
            .WithName("GetProspect")
            .WithSummary("A prospect's profile and the state of its latest sequence.");
        group.MapPost("/{contact_id}/evaluate", EvaluateAsync)
            .WithName("EvaluateProspect")
            .WithSummary("Run the QualificationGate over the whole conversation now (the seed's evaluate_and_handoff) and return its decision.")
            .WithDescription("The scores are stored on the prospect. A pass hands the contact off (tags, GHL note, sequence QUALIFIED) unless a booking offer is open; a contact whose sequence has ended is only scored.");
        return group;
    }

    public static async Task<Results<Ok<EnrollResponse>, ValidationProblem>> EnrollAsync(
        EnrollRequest? request,
        SequenceEnrollment enrollment,
        IOptions<GhlOptions> ghl,
        CancellationToken cancellationToken)
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
        var result = await enrollment.EnrollAsync(command, cancellationToken);
        return TypedResults.Ok(new EnrollResponse(result.Enrolled, result.Skipped, result.Errors, result.TotalEnrolled));
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
