namespace Sdr.Sandbox;

public sealed class SandboxOptions
{
    public int Port { get; set; }

    public IList<SandboxLocation> Locations { get; set; } = [new SandboxLocation("sandbox-location-1", "sandbox-token-1")];

    public int ContactsPerLocation { get; set; } = 300;

    public int Seed { get; set; } = 42;

    public bool RateLimitEnabled { get; set; } = true;

    public int RequestsPerWindow { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    public int DailyLimit { get; set; } = 200_000;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seeds scripted prospects (<see cref="SandboxPersona"/>) after the plain contacts; they answer only when a <see cref="WebhookTarget"/> is set.</summary>
    public bool PersonasEnabled { get; set; }

    /// <summary>Where the sandbox posts persona answers and booked appointments; none: it raises no webhooks on its own.</summary>
    public SandboxWebhookTarget? WebhookTarget { get; set; }

    /// <summary>How long a persona takes to answer, at least; zero answers at once.</summary>
    public TimeSpan PersonaReplyDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Up to this much more, the same for the same message (3-8 s by default).</summary>
    public TimeSpan PersonaReplyJitter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>So a loop on our side cannot make a persona answer forever.</summary>
    public int PersonaMaxAnswersPerDay { get; set; } = 6;

    /// <summary>
    /// Holds the webhooks the sandbox raises on its own until <see cref="GhlSandbox.DeliverDueEventsAsync"/> delivers
    /// the due ones, one at a time in a repeatable order: for a simulation that moves the clock itself.
    /// </summary>
    public bool DeliverEventsOnDemand { get; set; }

    /// <summary>Expired, withdrawn and canceled MLS listings the built-in RESO feed serves (with their agents and owners).</summary>
    public int ResoExpiredListings { get; set; } = 24;

    /// <summary>FSBO listings the built-in RESO feed serves (active, no agent).</summary>
    public int ResoFsboListings { get; set; } = 12;

    // Bounded so a long benchmark run cannot grow the request log without limit.
    public int MaxRecordedRequests { get; set; } = 100_000;
}
