namespace Sdr.Core.Data.Entities;

/// <summary>
/// <c>sdr_rate_counters</c>: a cap counter when Redis is not configured. The count is valid until
/// <see cref="WindowEndsAt"/>; after that the next take starts it again at one.
/// </summary>
public sealed class SdrRateCounter
{
    public required string Key { get; set; }
    public int Count { get; set; }
    public DateTime WindowEndsAt { get; set; }
}
