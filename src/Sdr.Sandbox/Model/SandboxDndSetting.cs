namespace Sdr.Sandbox;

public sealed record SandboxDndSetting(string Status, string? Message = null, string? Code = null);
