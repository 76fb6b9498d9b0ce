namespace Sdr.Core.GoHighLevel;

/// <summary>Supplies the bearer token for a GHL location; null when the location is not configured.</summary>
public interface ILocationTokenProvider
{
    ValueTask<string?> GetTokenAsync(string locationId, CancellationToken cancellationToken = default);
}
