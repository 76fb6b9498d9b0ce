using Sdr.Core.Outbox;

namespace Sdr.Core.Sourcing;

/// <summary>Wakes this instance's prospecting worker when a cycle was queued here.</summary>
public sealed class ProspectingSignal : WorkSignal;
