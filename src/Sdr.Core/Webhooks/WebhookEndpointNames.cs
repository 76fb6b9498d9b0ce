namespace Sdr.Core.Webhooks;

/// <summary>Names of the four webhook endpoints (the seed's, as stored in <c>sdr_webhook_events.endpoint</c>) and the GHL event types each takes.</summary>
public static class WebhookEndpointNames
{
    public const string Reply = "reply";
    public const string BookingConfirmed = "booking-confirmed";
    public const string OptOut = "opt-out";
    public const string StageChange = "stage-change";

    /// <summary>Event type given to a GHL workflow webhook (no <c>type</c> in its payload).</summary>
    public const string WorkflowEvent = "Workflow";

    public static readonly IReadOnlyList<string> All = [Reply, BookingConfirmed, OptOut, StageChange];

    public static IReadOnlyList<string> EventTypes(string endpoint) => endpoint switch
    {
        Reply => ["InboundMessage"],
        BookingConfirmed => ["AppointmentCreate", "AppointmentUpdate"],
        OptOut => ["ContactDndUpdate"],
        StageChange => ["OpportunityStageUpdate", "OpportunityCreate"],
        _ => [],
    };
}
