namespace Sdr.Core.Compliance.Caps;

/// <summary>A sliding-window counter: at most a limit of units in any window ending now.</summary>
public interface IRollingWindowCounter
{
    /// <summary>
    /// Atomically records a unit taken at <paramref name="now"/> if fewer than <paramref name="limit"/>
    /// were taken in the window before it; else nothing is recorded and the answer says when the
    /// oldest unit leaves the window.
    /// </summary>
    ValueTask<RollingTake> TryTakeAsync(string key, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken);

    /// <summary>Gives back one unit taken at <paramref name="takenAt"/> (the <c>now</c> it was taken with).</summary>
    ValueTask ReleaseAsync(string key, TimeSpan window, DateTime takenAt, CancellationToken cancellationToken);
}

/// <summary>Whether a unit was taken; when not, the UTC time the window has room again.</summary>
public readonly record struct RollingTake(bool Taken, DateTime? FreesAt)
{
    public static readonly RollingTake Allowed = new(true, null);

    public static RollingTake Refused(DateTime freesAt) => new(false, freesAt);
}
