using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>
/// Singleton holding one circuit breaker per GHL location. Health checks and metrics read
/// <see cref="GetState"/> / <see cref="Snapshot"/>; the client drives the transitions.
/// </summary>
public sealed class GhlCircuitBreakerRegistry(TimeProvider timeProvider, ILogger<GhlCircuitBreakerRegistry> logger)
{
    private readonly ConcurrentDictionary<string, GhlLocationCircuitBreaker> _breakers = new(StringComparer.Ordinal);

    /// <summary>Closed for a location that has never been called.</summary>
    public GhlCircuitState GetState(string locationId) =>
        _breakers.TryGetValue(locationId, out var breaker) ? breaker.State : GhlCircuitState.Closed;

    /// <summary>When an open circuit will admit its trial call; null unless open.</summary>
    public DateTimeOffset? GetOpenUntil(string locationId) =>
        _breakers.TryGetValue(locationId, out var breaker) ? breaker.OpenUntil : null;

    public IReadOnlyDictionary<string, GhlCircuitState> Snapshot() =>
        _breakers.ToDictionary(pair => pair.Key, pair => pair.Value.State, StringComparer.Ordinal);

    internal GhlLocationCircuitBreaker For(string locationId) =>
        _breakers.GetOrAdd(locationId, id => new GhlLocationCircuitBreaker(id, timeProvider, logger));
}
