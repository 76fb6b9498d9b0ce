namespace Sdr.Sandbox;

/// <summary>An answer a persona sent: recorded in the contact's conversation and posted as an InboundMessage webhook.</summary>
public sealed record PersonaReply(
    string LocationId,
    string ContactId,
    SandboxPersona Persona,
    string Body,
    string MessageId,
    string InReplyTo,
    DateTimeOffset At);

/// <summary>A webhook the sandbox posted on its own (a persona's answer, a booked appointment) and what the target answered.</summary>
public sealed record SandboxWebhookDelivery(
    string EventType,
    string LocationId,
    string ContactId,
    string EventId,
    Uri Target,
    int? StatusCode,
    DateTimeOffset At);
