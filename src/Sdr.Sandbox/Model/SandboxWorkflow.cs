namespace Sdr.Sandbox;

public sealed record SandboxWorkflow(string Id, string LocationId, string Name, string Status, DateTimeOffset CreatedAt);
