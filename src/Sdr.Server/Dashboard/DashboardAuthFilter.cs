using System.Net;

namespace Sdr.Server.Dashboard;

/// <summary>
/// The dashboard's pages need the sign-in cookie (<see cref="DashboardSession"/>); with no API key configured they
/// answer only callers on the loopback interface, like the admin API.
/// </summary>
internal sealed class DashboardAuthFilter(DashboardSession session) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (session.ApiKey is null)
        {
            return IsLoopback(http)
                ? await next(context)
                : TypedResults.Text(
                    "The dashboard is loopback-only: no Sdr__ApiKey is configured. Set Sdr__ApiKey to sign in from other machines.",
                    "text/plain; charset=utf-8",
                    statusCode: StatusCodes.Status403Forbidden);
        }

        if (session.IsSignedIn(http))
        {
            return await next(context);
        }

        var returnUrl = http.Request.Path + http.Request.QueryString;
        return TypedResults.Redirect("/sign-in?return_url=" + Uri.EscapeDataString(returnUrl));
    }

    public static bool IsLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}
