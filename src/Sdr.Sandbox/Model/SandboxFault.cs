namespace Sdr.Sandbox;

public enum SandboxFaultKind
{
    StatusCode,
    AbortConnection,

    /// <summary>Holds the request (see <see cref="SandboxFault.Hold"/>) until released, then answers the status code.</summary>
    HoldResponse,
}

/// <summary>
/// Matches requests by method and path prefix. With <see cref="ApplyBeforeFailing"/> the endpoint runs first
/// (its write is kept) and the response is then replaced, which simulates a lost response.
/// </summary>
public sealed record SandboxFault(
    string Method,
    string PathPrefix,
    int StatusCode = 500,
    int Count = 1,
    bool ApplyBeforeFailing = false,
    SandboxFaultKind Kind = SandboxFaultKind.StatusCode)
{
    /// <summary>For <see cref="SandboxFaultKind.HoldResponse"/>: the signal the test waits on and releases.</summary>
    public SandboxHold? Hold { get; init; }
}
