namespace Sdr.Core.Compliance.Caps;

/// <summary>Group takes on any <see cref="ICapCounter"/>: in one round trip when it is an <see cref="IBatchCapCounter"/>, else one by one.</summary>
public static class CapCounterExtensions
{
    /// <summary>One unit under each of <paramref name="keys"/> (distinct): which were counted, in order.</summary>
    public static async ValueTask<bool[]> TryTakeEachAsync(this ICapCounter counter, IReadOnlyList<string> keys, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        if (counter is IBatchCapCounter batch)
        {
            return await batch.TryTakeEachAsync(keys, limit, window, cancellationToken);
        }

        var counted = new bool[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            counted[i] = await counter.TryTakeAsync(keys[i], limit, window, cancellationToken);
        }

        return counted;
    }

    /// <summary><paramref name="units"/> units under <paramref name="key"/>, all or none: true when all were counted.</summary>
    public static async ValueTask<bool> TryTakeAllAsync(this ICapCounter counter, string key, int units, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        if (counter is IBatchCapCounter batch)
        {
            return await batch.TryTakeAllAsync(key, units, limit, window, cancellationToken);
        }

        var taken = 0;
        try
        {
            while (taken < units && await counter.TryTakeAsync(key, limit, window, cancellationToken))
            {
                taken++;
            }
        }
        finally
        {
            if (taken < units)
            {
                for (; taken > 0; taken--)
                {
                    await counter.ReleaseAsync(key, CancellationToken.None);
                }
            }
        }

        return taken == units;
    }
}
