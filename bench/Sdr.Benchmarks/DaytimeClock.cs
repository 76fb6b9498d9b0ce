namespace Sdr.Benchmarks;

/// <summary>
/// The server's clock for the cadence run: real time, moved so that the run starts on a Wednesday at
/// 12:00 in Chicago (the benchmark contacts are Texans). Without it the touches are (rightly) deferred
/// by the hours stage whenever the benchmark is started outside Texas calling hours.
/// </summary>
internal sealed class DaytimeClock : TimeProvider
{
    /// <summary>Wednesday 8 July 2026, 12:00 CDT: no holiday, inside every state's window.</summary>
    private static readonly DateTimeOffset Start = new(2026, 7, 8, 17, 0, 0, TimeSpan.Zero);

    private readonly TimeSpan _offset = Start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
