namespace Sdr.Sandbox;

/// <summary>
/// Holds the answer of a <see cref="SandboxFaultKind.HoldResponse"/> fault: the test learns when the
/// request arrived (after the write, when the fault applies it) and decides when, if ever, it is answered.
/// A caller that goes away meanwhile (a killed process) simply never gets an answer.
/// </summary>
public sealed class SandboxHold
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held request has reached the sandbox (and its write, if any, is done).</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Lets the held request answer with the fault's status code.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task WaitAsync(CancellationToken requestAborted)
    {
        _arrived.TrySetResult();
        await _released.Task.WaitAsync(requestAborted);
    }
}
