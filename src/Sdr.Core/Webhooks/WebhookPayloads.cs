using System.Text.Json;

namespace Sdr.Core.Webhooks;

/// <summary>
/// The fields the handlers read from a stored event's payload, parsed once (System.Text.Json) by the
/// <see cref="WebhookEventHandlers"/> dispatcher. A missing field, or one of the wrong JSON type, is null.
/// </summary>
public sealed record InboundMessagePayload(string? Direction, string? Body, string? MessageType, string? MessageId)
{
    /// <summary>GHL's InboundMessage: <c>body</c>, or <c>message.body</c> in older payloads.</summary>
    public static InboundMessagePayload Parse(JsonElement root) => new(
        WebhookEnvelope.String(root, "direction"),
        WebhookEnvelope.String(root, "body") ?? WebhookEnvelope.Nested(root, "message", "body"),
        WebhookEnvelope.String(root, "messageType"),
        WebhookEnvelope.String(root, "messageId"));
}

/// <summary>One channel of GHL's <c>dndSettings</c>: its GHL name and whether its <c>status</c> is <c>active</c>.</summary>
public sealed record GhlDndChannelSetting(string GhlChannel, bool Active);

/// <summary>ContactDndUpdate (or a workflow's opt-out post): <c>phone</c>, <c>dnd</c> (every channel) and <c>dndSettings</c>.</summary>
public sealed record ContactDndPayload(string? Phone, bool Dnd, IReadOnlyList<GhlDndChannelSetting> Channels)
{
    public static ContactDndPayload Parse(JsonElement root)
    {
        var channels = new List<GhlDndChannelSetting>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dndSettings", out var dndSettings) && dndSettings.ValueKind == JsonValueKind.Object)
        {
            foreach (var channel in dndSettings.EnumerateObject())
            {
                channels.Add(new GhlDndChannelSetting(channel.Name, string.Equals(WebhookEnvelope.String(channel.Value, "status"), "active", StringComparison.OrdinalIgnoreCase)));
            }
        }

        var dnd = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dnd", out var dndValue) && dndValue.ValueKind == JsonValueKind.True;
        return new ContactDndPayload(WebhookEnvelope.String(root, "phone"), dnd, channels);
    }
}

/// <summary>AppointmentCreate/AppointmentUpdate: the appointment's status (<c>appointment.appointmentStatus</c>, or at the top level).</summary>
public sealed record AppointmentPayload(string? AppointmentStatus)
{
    public static AppointmentPayload Parse(JsonElement root) =>
        new(WebhookEnvelope.Nested(root, "appointment", "appointmentStatus") ?? WebhookEnvelope.String(root, "appointmentStatus"));
}

/// <summary>OpportunityStageUpdate/OpportunityCreate: the stage the opportunity is in now.</summary>
public sealed record OpportunityStagePayload(string? PipelineStageId)
{
    public static OpportunityStagePayload Parse(JsonElement root) =>
        new(WebhookEnvelope.String(root, "pipelineStageId") ?? WebhookEnvelope.String(root, "pipeline_stage_id"));
}
