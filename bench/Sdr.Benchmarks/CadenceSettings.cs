using System.Globalization;

namespace Sdr.Benchmarks;

/// <summary>Command-line settings of the <c>cadence</c> load driver.</summary>
internal sealed record CadenceSettings
{
    public const string Usage = """
        usage:
          sdr-bench cadence [--sequences 10000] [--batch-size 500] [--concurrency N] [--warmup 60000]
                            [--profile] [--cpu-trace] [--idle-seconds 2] [--min-threads N] [--skip-baselines] [--doc bench/RUNLOG.md | --no-doc] [--label text]
          sdr-bench bdn [BenchmarkDotNet switches, e.g. --filter *]
          sdr-bench decisions [BenchmarkDotNet switches; default --filter * --job short]
          sdr-bench decisions --cpu-time [seconds per benchmark, default 3]   (same benchmarks, CPU time, in-process)
          sdr-bench decisions --cpu-trace <benchmark, e.g. Decision>      (EventPipe samples of one benchmark, in-process)

          --concurrency  sets sdr:performance:dispatch_concurrency for the engine and the baselines
                         (default: the server's own setting, i.e. config/sdr_config.yaml or
                         env sdr__performance__dispatch_concurrency, 16 when unset)
          --warmup       sequences pushed through the engine (and requests through each baseline)
                         before timing, to take JIT and connection set-up out of the numbers
          --profile      adds EF Core / HttpClient timing hooks and prints where the time goes
                         (the hooks cost a little; profile runs are labelled as such)
          --min-threads  experiment: ThreadPool.SetMinThreads(N, N) before the host starts (the server
                         runs in this process), to test for thread-pool starvation
          --cpu-trace    EventPipe sample profiler over the timed engine run (in-process session);
                         prints the hottest frames, inclusive and exclusive
        """;

    public int Sequences { get; init; } = 10_000;
    public int BatchSize { get; init; } = 500;
    public int? Concurrency { get; init; }
    // 2,000 left tiered compilation still rewriting hot methods during the measured run (libclrjit at 18 % of
    // perf samples; 4.8 % after 20,000), so the run measured the JIT as much as the engine. perf on 2026-12-05
    // still found libclrjit at 15.8 % of the first 5 s after 20,000 and at 0 after 60,000: a server runs
    // for days, so the measured run starts once tiered compilation has settled.
    public int Warmup { get; init; } = 60_000;
    public bool Profile { get; init; }
    public bool CpuTrace { get; init; }
    public int IdleSeconds { get; init; } = 2;
    public int? MinThreads { get; init; }
    public bool SkipBaselines { get; init; }
    public string? DocPath { get; init; } = Path.Combine("bench", "RUNLOG.md");
    public string? Label { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static CadenceSettings Parse(string[] args)
    {
        var settings = new CadenceSettings { Arguments = args };
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            settings = arg switch
            {
                "--sequences" => settings with { Sequences = Int(args, ref i, 1, 1_000_000) },
                "--batch-size" => settings with { BatchSize = Int(args, ref i, 1, 5000) },
                "--concurrency" => settings with { Concurrency = Int(args, ref i, 1, 256) },
                "--warmup" => settings with { Warmup = Int(args, ref i, 0, 100_000) },
                "--profile" => settings with { Profile = true },
                "--min-threads" => settings with { MinThreads = Int(args, ref i, 1, 1024) },
                "--idle-seconds" => settings with { IdleSeconds = Int(args, ref i, 0, 600) },
                "--cpu-trace" => settings with { CpuTrace = true },
                "--skip-baselines" => settings with { SkipBaselines = true },
                "--doc" => settings with { DocPath = Value(args, ref i) },
                "--no-doc" => settings with { DocPath = null },
                "--label" => settings with { Label = Value(args, ref i) },
                _ => throw new ArgumentException($"unknown option '{arg}'\n{Usage}"),
            };
        }

        return settings;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Int(string[] args, ref int i, int min, int max)
    {
        var name = args[i];
        var raw = Value(args, ref i);
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{raw}'");
    }
}
