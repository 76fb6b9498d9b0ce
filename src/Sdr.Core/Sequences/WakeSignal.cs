namespace Sdr.Core.Sequences;

/// <summary>Wakes a worker of this instance before its next tick; a poke while it works is kept for its next wait.</summary>
public abstract class WakeSignal
{
    private TaskCompletionSource _next = NewSource();

    public void Poke() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Waits until poked or until <paramref name="timeout"/> has passed on <paramref name="time"/>; true when poked.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _next);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, stop.Token);
        var first = await Task.WhenAny(current.Task, delay);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (first != current.Task)
        {
            return false;
        }

        Interlocked.CompareExchange(ref _next, NewSource(), current);
        return true;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Wakes the cadence worker: enrolment pokes it when a first touch is due now, so a single manual enrolment gets
/// its SMS_1 within seconds rather than at the next cron interval.
/// </summary>
public sealed class CadenceWakeSignal : WakeSignal;

/// <summary>Wakes the enrolment job worker when this instance has stored a new job.</summary>
public sealed class EnrollmentJobSignal : WakeSignal;
