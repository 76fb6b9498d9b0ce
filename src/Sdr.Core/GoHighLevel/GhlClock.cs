namespace Sdr.Core.GoHighLevel;

/// <summary>
/// The clock that paces real HTTP traffic (rate-limit holds, retry delays, breaker durations).
/// It is wall-clock time by default even when the business clock (<see cref="TimeProvider"/>) is
/// faked, so that simulated days never stall a real request.
/// </summary>
public sealed record GhlClock(TimeProvider Time);
