using Microsoft.Extensions.Logging;

namespace Sdr.Core.GoHighLevel.Resilience;

/// <summary>Consecutive-failure breaker for one location. Thread-safe; all state changes happen under one lock.</summary>
internal sealed class GhlLocationCircuitBreaker(string locationId, TimeProvider timeProvider, ILogger logger)
{
    private readonly Lock _lock = new();
    private GhlCircuitState _state = GhlCircuitState.Closed;
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil;
    private bool _trialInFlight;

    public GhlCircuitState State
    {
        get
        {
            lock (_lock)
            {
                return _state == GhlCircuitState.Open && timeProvider.GetUtcNow() >= _openUntil ? GhlCircuitState.HalfOpen : _state;
            }
        }
    }

    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_lock)
            {
                return _state == GhlCircuitState.Open ? _openUntil : null;
            }
        }
    }

    /// <summary>False when the call must fail fast. In half-open, only the first caller gets the trial.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            switch (_state)
            {
                case GhlCircuitState.Closed:
                    return true;
                case GhlCircuitState.Open when timeProvider.GetUtcNow() >= _openUntil:
                    _state = GhlCircuitState.HalfOpen;
                    _trialInFlight = true;
                    GhlLog.CircuitHalfOpen(logger, locationId);
                    return true;
                case GhlCircuitState.HalfOpen when !_trialInFlight:
                    _trialInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Cheap pre-check so an open circuit fails fast before waiting on the rate limiter.</summary>
    public bool IsRejecting()
    {
        lock (_lock)
        {
            return _state switch
            {
                GhlCircuitState.Open => timeProvider.GetUtcNow() < _openUntil,
                GhlCircuitState.HalfOpen => _trialInFlight,
                _ => false,
            };
        }
    }

    /// <summary>GHL answered (2xx or a 4xx that is the caller's problem): the service is up.</summary>
    public void RecordSuccess()
    {
        lock (_lock)
        {
            _consecutiveFailures = 0;
            if (_state == GhlCircuitState.HalfOpen)
            {
                _state = GhlCircuitState.Closed;
                _trialInFlight = false;
                GhlLog.CircuitClosed(logger, locationId);
            }
        }
    }

    public void RecordFailure(int failureThreshold, TimeSpan breakDuration)
    {
        lock (_lock)
        {
            _consecutiveFailures++;
            var shouldOpen = _state == GhlCircuitState.HalfOpen
                || (_state == GhlCircuitState.Closed && _consecutiveFailures >= failureThreshold);
            if (!shouldOpen)
            {
                return;
            }

            _state = GhlCircuitState.Open;
            _trialInFlight = false;
            _openUntil = timeProvider.GetUtcNow() + breakDuration;
            GhlLog.CircuitOpened(logger, locationId, _consecutiveFailures, breakDuration);
        }
    }

    /// <summary>The attempt ended without a verdict (caller cancelled): free the half-open trial slot.</summary>
    public void RecordAbandoned()
    {
        lock (_lock)
        {
            if (_state == GhlCircuitState.HalfOpen)
            {
                _trialInFlight = false;
            }
        }
    }
}
