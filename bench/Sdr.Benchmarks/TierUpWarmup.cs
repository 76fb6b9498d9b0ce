using System.Diagnostics;

namespace Sdr.Benchmarks;

/// <summary>
/// Runs a benchmark's work for a few seconds in [GlobalSetup]. A short job's three warm-up
/// iterations of one invocation each are not enough here: the libphonenumber and hours code stays
/// at tier 0 for about three seconds (300+ µs per decision instead of ~30 µs on this machine, gone
/// with <c>DOTNET_TieredCompilation=0</c>), and a server that has been up runs the tier-1 code.
/// </summary>
internal static class TierUpWarmup
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static void Run(Action work)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < Duration)
        {
            work();
        }
    }
}
