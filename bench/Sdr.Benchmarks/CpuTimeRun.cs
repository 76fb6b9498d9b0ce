using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Sdr.Benchmarks;

/// <summary>
/// <c>decisions --cpu-time [seconds]</c>: the same [Benchmark] methods in this process on one thread,
/// counted in process CPU time instead of wall time. On a machine shared with other work, wall
/// time per operation grows with the load; CPU time per operation much less so.
/// </summary>
internal static class CpuTimeRun
{
    public static int Run(IEnumerable<Type> benchmarkTypes, double seconds)
    {
        var benchmarks = Load(benchmarkTypes);

        // Every method once before any is measured: the first seconds of a process are JIT and tier-up
        // on background threads, which the process CPU time would otherwise charge to the first benchmark.
        foreach (var (_, _, invoke) in benchmarks)
        {
            Measure(invoke, 1);
        }

        Console.WriteLine("| benchmark | CPU µs/op | ops per CPU-second | wall µs/op | allocated B/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, operations, invoke) in benchmarks)
        {
            var (cpu, wall, bytes, invocations) = Measure(invoke, seconds);
            var ops = (double)invocations * operations;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {cpu.TotalMicroseconds / ops:0.00} | {ops / cpu.TotalSeconds:N0} | {wall.TotalMicroseconds / ops:0.00} | {bytes / ops:N0} |"));
        }

        return 0;
    }

    /// <summary>Samples one benchmark (matched by method name) with EventPipe after a warm-up and prints the hottest frames.</summary>
    public static async Task<int> TraceAsync(IEnumerable<Type> benchmarkTypes, string method, double seconds)
    {
        var (name, _, invoke) = Load(benchmarkTypes).Single(b => b.Name.EndsWith("." + method, StringComparison.Ordinal));
        Measure(invoke, 2);
        var directory = Directory.CreateTempSubdirectory("sdr-decisions-trace").FullName;
        using var trace = CpuTrace.Start(directory);
        Measure(invoke, seconds);
        Console.WriteLine($"// {name}");
        Console.WriteLine(await trace.StopAndReportAsync());
        return 0;
    }

    private static List<(string Name, int Operations, Func<int> Invoke)> Load(IEnumerable<Type> benchmarkTypes)
    {
        var benchmarks = new List<(string Name, int Operations, Func<int> Invoke)>();
        foreach (var type in benchmarkTypes)
        {
            var instance = Activator.CreateInstance(type)!;
            type.GetMethods().SingleOrDefault(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)?.Invoke(instance, null);
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                var operations = method.GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke;
                benchmarks.Add(($"{type.Name}.{method.Name}", operations, method.CreateDelegate<Func<int>>(instance)));
            }
        }

        return benchmarks;
    }

    private static (TimeSpan Cpu, TimeSpan Wall, long Bytes, long Invocations) Measure(Func<int> invoke, double seconds)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        long invocations = 0;
        var sink = 0;
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            sink += invoke();
            invocations++;
        }

        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        GC.KeepAlive(sink);
        return (process.TotalProcessorTime - cpuBefore, wall, GC.GetAllocatedBytesForCurrentThread() - bytesBefore, invocations);
    }
}
