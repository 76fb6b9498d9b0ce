using BenchmarkDotNet.Running;

namespace Sdr.Benchmarks;

/// <summary>
/// <c>decisions</c>: compliance decisions and reply classifications per second on one core
/// (<see cref="ComplianceDecisionBenchmarks"/>, <see cref="ReplyClassifierBenchmarks"/>). Without
/// switches it runs every benchmark of both with BenchmarkDotNet's short job (a few minutes).
/// </summary>
internal static class DecisionsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        Type[] benchmarks = [typeof(ComplianceDecisionBenchmarks), typeof(ReplyClassifierBenchmarks)];
        if (args is ["--cpu-time", ..])
        {
            var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
            return CpuTimeRun.Run(benchmarks, seconds);
        }

        if (args is ["--cpu-trace", var name, ..])
        {
            return await CpuTimeRun.TraceAsync(benchmarks, name, seconds: 5);
        }

        // The benchmarks run in child processes started from BenchmarkDotNet's own folder; they find the config through this.
        Environment.SetEnvironmentVariable(SdrConfigFile.Variable, SdrConfigFile.Locate());

        var switches = new List<string>(args);
        if (!switches.Any(a => a is "--filter" or "-f"))
        {
            switches.AddRange(["--filter", "*"]);
        }

        if (!switches.Any(a => a is "--job" or "-j"))
        {
            switches.AddRange(["--job", "short"]);
        }

        // The generated project rebuilds the server and its dependencies: more than the default 2 minutes on 2 busy cores.
        if (!switches.Contains("--buildTimeout"))
        {
            switches.AddRange(["--buildTimeout", "900"]);
        }

        var summaries = BenchmarkSwitcher.FromTypes(benchmarks).Run([.. switches]);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
