using Microsoft.AspNetCore.Mvc;
using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class OpportunityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/opportunities/search", Search);
        app.MapGet("/opportunities/pipelines", Pipelines);
    }

    private static IResult Search(
        HttpContext context,
        SandboxState state,
        [FromQuery(Name = "location_id")] string? locationId,
        [FromQuery(Name = "pipeline_id")] string? pipelineId,
        [FromQuery(Name = "pipeline_stage_id")] string? stageId,
        [FromQuery(Name = "contact_id")] string? contactId,
        string? status,
        string? q,
        int? page,
        int? limit,
        string? startAfter,
        string? startAfterId)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return GhlErrors.Unprocessable(context, "location_id should not be empty");
        }

        if (!context.OwnsLocation(locationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var pageSize = Math.Clamp(limit ?? 20, 1, 100);
        // GHL orders by creation and pages by the startAfter (epoch ms) / startAfterId cursor of the last item;
        // page numbers still work for old clients.
        var matches = state.Opportunities(locationId)
            .Where(o => (pipelineId is null || o.PipelineId == pipelineId)
                && (stageId is null || o.PipelineStageId == stageId)
                && (contactId is null || o.ContactId == contactId)
                && (status is null or "all" || string.Equals(o.Status, status, StringComparison.OrdinalIgnoreCase))
                && (q is null || o.Name.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(o => o.CreatedAt.ToUnixTimeMilliseconds())
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();
        List<SandboxOpportunity> pageItems;
        var pageNumber = Math.Max(page ?? 1, 1);
        if (long.TryParse(startAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var afterMs) && !string.IsNullOrEmpty(startAfterId))
        {
            var rest = matches.SkipWhile(o =>
            {
                var ms = o.CreatedAt.ToUnixTimeMilliseconds();
                return ms < afterMs || (ms == afterMs && string.CompareOrdinal(o.Id, startAfterId) <= 0);
            }).ToList();
            pageNumber = (matches.Count - rest.Count) / pageSize + 1;
            pageItems = rest.Take(pageSize).ToList();
        }
        else
        {
            pageItems = matches.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToList();
        }

        var opportunities = pageItems.Select(o => OpportunityDto.From(o, state.GetContact(o.ContactId))).ToArray();
        var hasNext = pageItems.Count > 0 && matches.IndexOf(pageItems[^1]) < matches.Count - 1;
        var last = pageItems.LastOrDefault();
        var meta = new
        {
            total = matches.Count,
            currentPage = pageNumber,
            nextPage = hasNext ? pageNumber + 1 : (int?)null,
            prevPage = pageNumber > 1 ? pageNumber - 1 : (int?)null,
            startAfterId = last?.Id,
            startAfter = last?.CreatedAt.ToUnixTimeMilliseconds(),
            nextPageUrl = hasNext ? NextPageUrl(context, pageNumber + 1) : null,
        };
        return Results.Json(new { opportunities, meta, aggregations = new { }, traceId = context.TraceId() }, SandboxJson.Options);
    }

    private static string NextPageUrl(HttpContext context, int nextPage)
    {
        var query = context.Request.Query
            .Where(kv => kv.Key != "page")
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}")
            .Append($"page={nextPage}");
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join('&', query)}";
    }

    private static IResult Pipelines(HttpContext context, SandboxState state, string? locationId)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return GhlErrors.Unprocessable(context, "locationId should not be empty");
        }

        if (!context.OwnsLocation(locationId))
        {
            return GhlErrors.Forbidden(context);
        }

        var pipelines = state.Pipelines(locationId).Select(p => new
        {
            id = p.Id,
            name = p.Name,
            stages = p.Stages.Select(s => new { id = s.Id, name = s.Name, position = s.Position, showInFunnel = true, showInPieChart = true }),
            showInFunnel = true,
            showInPieChart = true,
            locationId = p.LocationId,
        });
        return Results.Json(new { pipelines, traceId = context.TraceId() }, SandboxJson.Options);
    }
}
