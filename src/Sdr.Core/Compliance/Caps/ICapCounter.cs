namespace Sdr.Core.Compliance.Caps;

/// <summary>A fixed-window counter shared by every instance.</summary>
public interface ICapCounter
{
    /// <summary>
    /// Atomically counts one unit under <paramref name="key"/> if fewer than <paramref name="limit"/>
    /// are counted: true when counted, false (and nothing counted) when the limit is reached. The
    /// window starts with the first unit and the key is forgotten when it ends.
    /// </summary>
    ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Gives back one unit taken for a touch that did not go out; never below zero.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
