namespace Sdr.Sandbox;

public sealed record SandboxLocation(string LocationId, string Token, string TimeZone = "America/Chicago");
