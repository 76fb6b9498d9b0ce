using System.Text.Json;

namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>GHL's error shapes: {statusCode, message: string | string[], error, traceId}.</summary>
internal sealed record GhlErrorBody(string? Message, string? TraceId)
{
    public static GhlErrorBody Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return new GhlErrorBody(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new GhlErrorBody(null, null);
            }

            return new GhlErrorBody(ReadMessage(root), ReadString(root, "traceId"));
        }
        catch (JsonException)
        {
            return new GhlErrorBody(null, null);
        }
    }

    private static string? ReadMessage(JsonElement root)
    {
        if (!root.TryGetProperty("message", out var message))
        {
            return ReadString(root, "error");
        }

        return message.ValueKind switch
        {
            JsonValueKind.String => message.GetString(),
            JsonValueKind.Array => string.Join("; ", message.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString())),
            _ => null,
        };
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
