using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sdr.Core.Agent;
using Sdr.Core.Alerts;
using Sdr.Core.Experiments;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Insight;
using Sdr.Server.Dashboard.Components;

namespace Sdr.Server.Dashboard;

/// <summary>
/// The dashboard at <c>/</c>: server-rendered Razor components (static SSR, every value HTML-escaped), charts drawn
/// as SVG on the server, no script at all. Signed in with the admin API key (<see cref="DashboardSession"/>).
/// </summary>
internal static class DashboardRoutes
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;

    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<DashboardSession>();
        builder.Services.AddScoped<DashboardAuthFilter>();
        builder.Services.AddScoped<ContactDirectory>();
        builder.Services.AddScoped<ContactTimeline>();
        builder.Services.AddScoped<ActivitySeries>();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var site = app.MapGroup("").ExcludeFromDescription().AddEndpointFilter(SecurityHeaders);
        site.MapGet("/dashboard.css", DashboardStyles.Get);
        site.MapGet("/sign-in", SignInPage);
        site.MapPost("/sign-in", SignInAsync).DisableAntiforgery();
        site.MapPost("/sign-out", (Delegate)SignOutAsync).DisableAntiforgery();

        var pages = site.MapGroup("").AddEndpointFilter<DashboardAuthFilter>();
        pages.MapGet("/", OverviewAsync);
        pages.MapGet("/contacts", ContactsAsync);
        pages.MapGet("/contacts/{contact_id}", ContactAsync);
        pages.MapGet("/objections", ObjectionsAsync);
        pages.MapGet("/experiments", ExperimentsAsync);
        return app;
    }

    private static IResult SignInPage(HttpContext http, DashboardSession session, string? return_url)
    {
        if (session.ApiKey is not null && session.IsSignedIn(http))
        {
            return TypedResults.Redirect(SafeReturnUrl(return_url));
        }

        return new RazorComponentResult<SignInPage>(new
        {
            KeyConfigured = session.ApiKey is not null,
            ReturnUrl = SafeReturnUrl(return_url),
            CsrfToken = DashboardAntiforgery.TokenFor(http),
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext http, DashboardSession session)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = SafeReturnUrl(form["return_url"]);
        if (!DashboardAntiforgery.IsValid(http, form))
        {
            return SignInFailed(http, session, returnUrl, "The form expired. Please enter the key again.", StatusCodes.Status400BadRequest);
        }

        if (session.ApiKey is null)
        {
            return TypedResults.Redirect(returnUrl);
        }

        if (!session.IsApiKey(form["api_key"]))
        {
            return SignInFailed(http, session, returnUrl, "That is not this server's API key. Check Sdr__ApiKey and try again.", StatusCodes.Status401Unauthorized);
        }

        session.SignIn(http);
        return TypedResults.Redirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!DashboardAntiforgery.IsValid(http, form))
        {
            return TypedResults.Text("The sign-out form expired; reload the page and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        DashboardSession.SignOut(http);
        return TypedResults.Redirect("/sign-in");
    }

    private static RazorComponentResult SignInFailed(HttpContext http, DashboardSession session, string returnUrl, string error, int status) =>
        new RazorComponentResult<SignInPage>(new
        {
            KeyConfigured = session.ApiKey is not null,
            ReturnUrl = returnUrl,
            CsrfToken = DashboardAntiforgery.TokenFor(http),
            Error = error,
        })
        { StatusCode = status };

    private static async Task<IResult> OverviewAsync(
        HttpContext http,
        DashboardSession session,
        IOptions<GhlOptions> ghl,
        SdrPerformanceTracker tracker,
        AlertQueries alerts,
        ActivitySeries activity,
        string? location_id,
        string? days,
        CancellationToken cancellationToken)
    {
        if (Filters(http, session, ghl.Value, "Overview", "overview", location_id, days) is not { } frame)
        {
            return BadFilter();
        }

        var window = frame.Days!.Value;
        var stats = await tracker.GetStatsAsync(frame.LocationId, window, cancellationToken);
        var funnel = await tracker.GetSequenceFunnelAsync(frame.LocationId, window, variant: null, cancellationToken);
        var series = await activity.ForAsync(frame.LocationId, window, cancellationToken);
        bool Here(SdrAlertView alert) => alert.LocationId is null || alert.LocationId == frame.LocationId;
        var open = await alerts.ListAsync(new AlertQuery(AlertStatusFilter.Open), cancellationToken);
        var resolved = await alerts.ListAsync(new AlertQuery(AlertStatusFilter.Resolved, Limit: 20), cancellationToken);
        var model = new OverviewModel(stats, funnel, series, [.. open.Where(Here)], [.. resolved.Where(Here).Take(10)]);
        return new RazorComponentResult<OverviewPage>(new { Frame = frame, Model = model });
    }

    private static async Task<IResult> ContactsAsync(
        HttpContext http,
        DashboardSession session,
        IOptions<GhlOptions> ghl,
        ContactDirectory contacts,
        string? location_id,
        string? q,
        string? state,
        string? page,
        CancellationToken cancellationToken)
    {
        if (Filters(http, session, ghl.Value, "Contacts", "contacts", location_id, days: null) is not { } frame)
        {
            return BadFilter();
        }

        var search = new ContactSearch(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            frame.LocationId,
            ContactDirectory.States.Contains(state) ? state : null,
            int.TryParse(page, out var number) ? number : 1);
        var result = await contacts.SearchAsync(search, cancellationToken);
        return new RazorComponentResult<ContactsPage>(new { Frame = frame, Search = search, Result = result });
    }

    private static async Task<IResult> ContactAsync(
        HttpContext http,
        DashboardSession session,
        IOptions<GhlOptions> ghl,
        ContactTimeline timeline,
        string contact_id,
        string? location_id,
        CancellationToken cancellationToken)
    {
        if (Filters(http, session, ghl.Value, "Contact", "contacts", location_id, days: null) is not { } frame)
        {
            return BadFilter();
        }

        var details = await timeline.ForAsync(contact_id, location_id, cancellationToken);
        var title = details is null ? "Contact not found" : $"{details.FirstName ?? "Contact"} · {details.Prospect.ContactId}";
        return new RazorComponentResult<ContactView>(new { Frame = frame with { Title = title }, Details = details })
        {
            StatusCode = details is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
    }

    private static async Task<IResult> ObjectionsAsync(
        HttpContext http,
        DashboardSession session,
        IOptions<GhlOptions> ghl,
        ObjectionStatistics statistics,
        string? location_id,
        string? days,
        CancellationToken cancellationToken)
    {
        if (Filters(http, session, ghl.Value, "Objections", "objections", location_id, days) is not { } frame)
        {
            return BadFilter();
        }

        var stats = await statistics.ForAsync(frame.LocationId!, frame.Days!.Value, cancellationToken);
        return new RazorComponentResult<ObjectionsPage>(new { Frame = frame, Stats = stats });
    }

    private static async Task<IResult> ExperimentsAsync(
        HttpContext http,
        DashboardSession session,
        IOptions<GhlOptions> ghl,
        ExperimentService experiments,
        string? location_id,
        CancellationToken cancellationToken)
    {
        if (Filters(http, session, ghl.Value, "Experiments", "experiments", location_id, days: null) is not { } frame)
        {
            return BadFilter();
        }

        var results = new List<ExperimentResults>();
        foreach (var test in await experiments.ListAsync(cancellationToken))
        {
            if ((test.LocationId is null || test.LocationId == frame.LocationId)
                && await experiments.GetResultsAsync(test.Id, cancellationToken) is { } result)
            {
                results.Add(result);
            }
        }

        return new RazorComponentResult<ExperimentsPage>(new { Frame = frame, Experiments = results });
    }

    /// <summary>
    /// The page's frame with its filters read from the query: a configured location (the first by default) and a
    /// window of 1–365 days (30 by default); null when either names something that does not exist.
    /// </summary>
    private static DashboardFrame? Filters(HttpContext http, DashboardSession session, GhlOptions ghl, string title, string active, string? locationId, string? days)
    {
        var locations = ghl.Locations.Select(l => l.LocationId).ToList();
        var location = string.IsNullOrEmpty(locationId) ? locations.FirstOrDefault() : locationId;
        if (location is not null && !locations.Contains(location))
        {
            return null;
        }

        int? window = null;
        if (active is "overview" or "objections")
        {
            window = DefaultDays;
            if (!string.IsNullOrEmpty(days))
            {
                if (!int.TryParse(days, out var parsed) || parsed < 1 || parsed > MaxDays)
                {
                    return null;
                }

                window = parsed;
            }
        }

        return new DashboardFrame(title, active, DashboardAntiforgery.TokenFor(http), session.ApiKey is not null, locations, location, window);
    }

    private static ContentHttpResult BadFilter() =>
        TypedResults.Text($"Unknown location_id, or days outside 1-{MaxDays}.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A local path to return to after signing in; anything else (another site, a scheme) goes home.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    /// <summary>The dashboard runs no script: a strict policy makes any markup that slipped through inert.</summary>
    private static async ValueTask<object?> SecurityHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return await next(context);
    }
}
