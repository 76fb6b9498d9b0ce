using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Sdr.Core.Webhooks;

/// <summary>
/// What the intake needs from a webhook body before storing it: its type, who it is about, its
/// de-duplication key and its timestamp. GHL's own events are camelCase (<c>type</c>, <c>locationId</c>,
/// <c>contactId</c>, <c>webhookId</c>, <c>timestamp</c>); GHL workflow webhooks have no <c>type</c> and
/// carry <c>contact_id</c> and <c>location.id</c>.
/// </summary>
public sealed record WebhookEnvelope(
    string EventType,
    string? LocationId,
    string? ContactId,
    string DedupeKey,
    DateTimeOffset? Timestamp)
{
    /// <summary>The envelope, or the problem (field and message) that makes the body unacceptable.</summary>
    public static (WebhookEnvelope? Envelope, string? Field, string? Error) Parse(string endpoint, ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException exception)
        {
            return (null, "body", $"The body is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "body", "The body must be a JSON object.");
            }

            var type = String(root, "type");
            string eventType;
            if (type is null)
            {
                // A GHL workflow webhook ("Webhook" action): no type, snake_case contact fields.
                eventType = WebhookEndpointNames.WorkflowEvent;
            }
            else if (WebhookEndpointNames.EventTypes(endpoint).Contains(type, StringComparer.Ordinal))
            {
                eventType = type;
            }
            else
            {
                return (null, "type", $"Event type '{Truncate(type)}' is not accepted on /sdr/webhook/{endpoint} (expected {string.Join(" or ", WebhookEndpointNames.EventTypes(endpoint))}).");
            }

            var locationId = String(root, "locationId") ?? String(root, "location_id") ?? Nested(root, "location", "id");
            var contactId = ContactIdOf(root, eventType);
            if (string.IsNullOrWhiteSpace(locationId))
            {
                return (null, "locationId", "locationId is required.");
            }

            if (string.IsNullOrWhiteSpace(contactId))
            {
                return (null, eventType == "ContactDndUpdate" ? "id" : "contactId", "The contact id is required.");
            }

            DateTimeOffset? timestamp = null;
            if (String(root, "timestamp") is { } raw)
            {
                if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return (null, "timestamp", "timestamp is not an ISO 8601 date and time.");
                }

                timestamp = parsed;
            }

            var messageId = eventType == "InboundMessage" ? String(root, "messageId") : null;
            var webhookId = String(root, "webhookId");
            var dedupeKey = messageId is not null ? $"msg:{messageId}"
                : webhookId is not null ? $"wh:{webhookId}"
                : $"sha256:{Convert.ToHexStringLower(SHA256.HashData(body.Span))}";
            if (dedupeKey.Length > 200)
            {
                return (null, messageId is not null ? "messageId" : "webhookId", "The id is longer than 190 characters.");
            }

            if (locationId.Length > 64 || contactId.Length > 64)
            {
                return (null, locationId.Length > 64 ? "locationId" : "contactId", "Ids are at most 64 characters.");
            }

            return (new WebhookEnvelope(eventType, locationId, contactId, dedupeKey, timestamp), null, null);
        }
    }

    private static string? ContactIdOf(JsonElement root, string eventType) => eventType switch
    {
        "ContactDndUpdate" => String(root, "id") ?? String(root, "contactId"),
        "AppointmentCreate" or "AppointmentUpdate" => Nested(root, "appointment", "contactId") ?? String(root, "contactId"),
        _ => String(root, "contactId") ?? String(root, "contact_id"),
    };

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    internal static string? Nested(JsonElement element, string outer, string inner) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(outer, out var value) ? String(value, inner) : null;

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
