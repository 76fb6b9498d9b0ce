namespace Sdr.Core.GoHighLevel.Resilience;

public enum GhlCircuitState
{
    /// <summary>Calls flow normally.</summary>
    Closed,

    /// <summary>Calls fail fast until the break duration has passed.</summary>
    Open,

    /// <summary>The break has passed; the next call is the single trial that decides.</summary>
    HalfOpen,
}
