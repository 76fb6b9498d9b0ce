namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>A "do not call before" instant for one location, set from GHL's rate-limit headers and 429s.</summary>
internal sealed class GhlLocationThrottle
{
    private readonly Lock _lock = new();
    private DateTimeOffset _holdUntil = DateTimeOffset.MinValue;

    public DateTimeOffset HoldUntil
    {
        get
        {
            lock (_lock)
            {
                return _holdUntil;
            }
        }
    }

    /// <summary>Extends the hold; a shorter hold never cuts a longer one short.</summary>
    public void HoldUntilAtLeast(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _holdUntil)
            {
                _holdUntil = until;
            }
        }
    }
}
