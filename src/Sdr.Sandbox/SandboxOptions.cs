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

    // Bounded so a long benchmark run cannot grow the request log without limit.
    public int MaxRecordedRequests { get; set; } = 100_000;
}
