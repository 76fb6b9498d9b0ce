namespace Sdr.Core.Compliance.Caps;

/// <summary>An <see cref="ICapCounter"/> that can count for a group of touches in one round trip.</summary>
public interface IBatchCapCounter : ICapCounter
{
    /// <summary>
    /// One unit under each of <paramref name="keys"/> (distinct), each exactly as
    /// <see cref="ICapCounter.TryTakeAsync"/> would count it: which were counted, in order.
    /// </summary>
    ValueTask<bool[]> TryTakeEachAsync(IReadOnlyList<string> keys, int limit, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="units"/> units under <paramref name="key"/>, all or none: true when all were
    /// counted, false (and nothing counted) when they do not all fit under <paramref name="limit"/>.
    /// </summary>
    ValueTask<bool> TryTakeAllAsync(string key, int units, int limit, TimeSpan window, CancellationToken cancellationToken);
}
