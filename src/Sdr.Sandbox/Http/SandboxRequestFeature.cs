namespace Sdr.Sandbox.Http;

internal sealed class SandboxRequestFeature(string traceId)
{
    public string TraceId { get; } = traceId;

    public SandboxLocation? Location { get; set; }
}
