using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sdr.Core.Webhooks;

namespace Sdr.Server.Endpoints;

public sealed record WebhookAck(string Status, long? EventId);

/// <summary>
/// <c>POST /sdr/webhook/{reply|booking-confirmed|opt-out|stage-change}</c>: authenticate over the raw
/// body, check the replay window, store durably (de-duplicated), answer 200; processing is
/// asynchronous. Every refusal is a ProblemDetails naming the cause; no body is ever logged.
/// </summary>
internal static partial class WebhooksApi
{
    public const string Ed25519Header = "x-ghl-signature";
    public const string RsaHeader = "x-wh-signature";
    public const string SecretHeader = "X-Webhook-Secret";

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sdr/webhook").WithTags("Webhooks");
        var logger = routes.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Sdr.Webhooks");
        foreach (var endpoint in WebhookEndpointNames.All)
        {
            group.MapPost($"/{endpoint}", (HttpContext http, WebhookAuthenticator authenticator, WebhookInbox inbox, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
                    ReceiveAsync(endpoint, http, authenticator, inbox, options.Value, time, logger, cancellationToken))
                .WithName($"Webhook-{endpoint}")
                .WithSummary($"GHL webhook ({string.Join(", ", WebhookEndpointNames.EventTypes(endpoint))}, or a GHL workflow webhook with the shared secret).")
                .Produces<WebhookAck>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status429TooManyRequests);
        }

        return routes;
    }

    private static async Task<IResult> ReceiveAsync(
        string endpoint,
        HttpContext http,
        WebhookAuthenticator authenticator,
        WebhookInbox inbox,
        WebhookOptions options,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
        {
            return Refuse(logger, endpoint, StatusCodes.Status415UnsupportedMediaType, "Content-Type", "Webhooks must be sent as application/json.");
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return Refuse(logger, endpoint, StatusCodes.Status413PayloadTooLarge, "body", $"The body is larger than {options.MaxBodyBytes} bytes.");
        }

        var body = await ReadBodyAsync(request, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Refuse(logger, endpoint, StatusCodes.Status413PayloadTooLarge, "body", $"The body is larger than {options.MaxBodyBytes} bytes.");
        }

        var secret = Header(request, SecretHeader) ?? (request.QueryString.HasValue ? request.Query["secret"].FirstOrDefault() : null);
        var auth = authenticator.Authenticate(body, Header(request, Ed25519Header), Header(request, RsaHeader), secret);
        if (auth is WebhookAuthResult.Missing or WebhookAuthResult.Invalid)
        {
            return Refuse(
                logger,
                endpoint,
                StatusCodes.Status401Unauthorized,
                auth == WebhookAuthResult.Missing ? Ed25519Header : "signature",
                auth == WebhookAuthResult.Missing
                    ? $"Sign the body ({Ed25519Header} or {RsaHeader}) or send the shared secret ({SecretHeader})."
                    : "The signature or secret does not verify against the raw body.");
        }

        var (envelope, field, error) = WebhookEnvelope.Parse(endpoint, body);
        if (envelope is null)
        {
            return Refuse(logger, endpoint, StatusCodes.Status400BadRequest, field!, error!);
        }

        var signed = auth is WebhookAuthResult.Ed25519 or WebhookAuthResult.Rsa;
        if (envelope.Timestamp is null && signed)
        {
            return Refuse(logger, endpoint, StatusCodes.Status400BadRequest, "timestamp", "Signed webhooks must carry a timestamp (replay protection).");
        }

        if (envelope.Timestamp is { } timestamp && (time.GetUtcNow() - timestamp).Duration() > TimeSpan.FromSeconds(options.ReplayWindowSeconds))
        {
            return Refuse(logger, endpoint, StatusCodes.Status401Unauthorized, "timestamp", $"timestamp is more than {options.ReplayWindowSeconds} s from now: stale or replayed.");
        }

        var (result, eventId) = await inbox.StoreAsync(endpoint, envelope, Encoding.UTF8.GetString(body), CancellationToken.None);
        switch (result)
        {
            case InboxWriteResult.Stored:
                return TypedResults.Ok(new WebhookAck("accepted", eventId));
            case InboxWriteResult.Duplicate:
                LogDuplicate(logger, endpoint, envelope.EventType);
                return TypedResults.Ok(new WebhookAck("duplicate", eventId));
            default:
                http.Response.Headers.RetryAfter = "5";
                return Refuse(logger, endpoint, StatusCodes.Status429TooManyRequests, "backlog", "The inbox is full or storage is failing; retry later.");
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The body, or null when it is longer than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length and >= 0)
        {
            // Content-Length already checked against the limit; the server stops the body at that length.
            var exact = new byte[length];
            var filled = 0;
            while (filled < exact.Length)
            {
                var n = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken);
                if (n == 0)
                {
                    return exact[..filled];
                }

                filled += n;
            }

            return exact;
        }

        var buffer = new byte[Math.Min(max, 16 * 1024)];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (buffer.Length > max)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(max + 1, Math.Max(buffer.Length * 2, 1024)));
            }

            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return read > max ? null : buffer[..read];
            }

            read += n;
        }
    }

    private static IResult Refuse(ILogger logger, string endpoint, int status, string field, string detail)
    {
        LogRefused(logger, endpoint, status, field);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => "Webhook not authenticated",
                StatusCodes.Status413PayloadTooLarge => "Webhook body too large",
                StatusCodes.Status415UnsupportedMediaType => "Webhook content type not supported",
                StatusCodes.Status429TooManyRequests => "Webhook inbox busy",
                _ => "Webhook not accepted",
            },
            Detail = detail,
            Extensions = { ["field"] = field },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook /sdr/webhook/{Endpoint} refused with {Status} ({Field})")]
    private static partial void LogRefused(ILogger logger, string endpoint, int status, string field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook /sdr/webhook/{Endpoint} ({EventType}) is a duplicate; nothing stored")]
    private static partial void LogDuplicate(ILogger logger, string endpoint, string eventType);
}
