using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Sdr.Sandbox.Reso;

/// <summary>The sandbox's RESO Web API: the OData Property resource and its OAuth2 token endpoint.</summary>
internal static class ResoEndpoints
{
    private const int MaxTop = 1000;

    public static void Map(IEndpointRouteBuilder app, SandboxResoFeed feed)
    {
        app.MapPost("/reso/oauth/token", (Delegate)((HttpContext context) => TokenAsync(context, feed)));
        app.MapGet("/reso/odata/Property", (Delegate)((HttpContext context) => PropertyAsync(context, feed)));
    }

    private static async Task<IResult> TokenAsync(HttpContext context, SandboxResoFeed feed)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Json(new { error = "invalid_request" }, statusCode: 400);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }

        if (form["client_id"] != SandboxResoFeed.ClientId || form["client_secret"] != SandboxResoFeed.ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = feed.IssueToken(),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)feed.TokenLifetime.TotalSeconds,
        });
    }

    private static async Task<IResult> PropertyAsync(HttpContext context, SandboxResoFeed feed)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !feed.Accepts(header["Bearer ".Length..].Trim()))
        {
            return Results.Json(new { error = new { code = "401", message = "The access token is missing, invalid or expired." } }, statusCode: 401);
        }

        var fault = feed.TakeFault();
        if (fault == ResoFault.Timeout)
        {
            try
            {
                await Task.Delay(feed.TimeoutDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        else if (fault == ResoFault.ServerError)
        {
            return Results.Json(new { error = new { code = "503", message = "Service Unavailable" } }, statusCode: 503);
        }

        var query = context.Request.Query;
        Func<JsonObject, bool> filter;
        try
        {
            filter = ODataFilter.Parse(query["$filter"]);
        }
        catch (FormatException exception)
        {
            return Results.Json(new { error = new { code = "400", message = exception.Message } }, statusCode: 400);
        }

        var orderBy = query["$orderby"].ToString();
        if (orderBy.Length > 0 && orderBy.Replace(" ", "", StringComparison.Ordinal) is not ("ModificationTimestamp,ListingKey" or "ModificationTimestampasc,ListingKeyasc"))
        {
            return Results.Json(new { error = new { code = "400", message = "$orderby supports ModificationTimestamp,ListingKey only" } }, statusCode: 400);
        }

        var top = int.TryParse(query["$top"], CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 1, MaxTop) : 100;
        var skip = int.TryParse(query["$skip"], CultureInfo.InvariantCulture, out var s) ? Math.Max(0, s) : 0;
        List<JsonObject> matching;
        try
        {
            matching = feed.Query(filter);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            return Results.Json(new { error = new { code = "400", message = "$filter compares a field with a value of another type" } }, statusCode: 400);
        }

        var page = matching.Skip(skip).Take(top).ToList();
        var response = new JsonObject
        {
            ["@odata.context"] = $"{context.Request.Scheme}://{context.Request.Host}/reso/odata/$metadata#Property",
            ["value"] = new JsonArray([.. page]),
        };
        var next = NextLink(context, skip, top, matching.Count, fault, feed.NextLinkLoops);
        if (next is not null)
        {
            response["@odata.nextLink"] = next;
        }

        return Results.Text(response.ToJsonString(), "application/json");
    }

    private static string? NextLink(HttpContext context, int skip, int top, int total, ResoFault? fault, bool loops)
    {
        var request = context.Request;
        var basePath = $"{request.Scheme}://{request.Host}{request.Path}";
        var parameters = request.Query
            .Where(p => p.Key is not ("$skip" or "dup"))
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        if (loops)
        {
            return QueryHelpers.AddQueryString(basePath, parameters);
        }

        if (fault == ResoFault.RepeatPage)
        {
            parameters["$skip"] = skip.ToString(CultureInfo.InvariantCulture);
            parameters["dup"] = "1";
            return QueryHelpers.AddQueryString(basePath, parameters);
        }

        if (skip + top >= total)
        {
            return null;
        }

        parameters["$skip"] = (skip + top).ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(basePath, parameters);
    }
}
