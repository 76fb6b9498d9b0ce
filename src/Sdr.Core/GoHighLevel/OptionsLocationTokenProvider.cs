using Microsoft.Extensions.Options;

namespace Sdr.Core.GoHighLevel;

/// <summary>Reads tokens from <see cref="GhlOptions.Locations"/>; the monitor picks up PostConfigure and reloads.</summary>
public sealed class OptionsLocationTokenProvider(IOptionsMonitor<GhlOptions> options) : ILocationTokenProvider
{
    public ValueTask<string?> GetTokenAsync(string locationId, CancellationToken cancellationToken = default)
    {
        foreach (var location in options.CurrentValue.Locations)
        {
            if (string.Equals(location.LocationId, locationId, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(location.Token))
            {
                return ValueTask.FromResult<string?>(location.Token);
            }
        }

        return ValueTask.FromResult<string?>(null);
    }
}
