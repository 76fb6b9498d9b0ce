using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Sdr.Server.Endpoints;

/// <summary>
/// Admin endpoints need <c>X-Api-Key</c> equal to <c>Sdr:ApiKey</c>; with no key configured they
/// answer only callers on the loopback interface.
/// </summary>
internal sealed class AdminApiKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = configuration["Sdr:ApiKey"];
        if (string.IsNullOrEmpty(expected))
        {
            var remote = http.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Admin API is loopback-only",
                    detail: "No Sdr__ApiKey is configured, so admin endpoints answer only local callers. Set Sdr__ApiKey and send it in X-Api-Key.");
            }

            return await next(context);
        }

        var given = http.Request.Headers[HeaderName].ToString();
        if (!FixedTimeEquals(given, expected))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong API key",
                detail: $"Send the admin key in the {HeaderName} header.");
        }

        return await next(context);
    }

    internal static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
