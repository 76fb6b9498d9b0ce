using System.Diagnostics;

namespace Sdr.Benchmarks;

/// <summary>Process CPU time, allocations and GCs over a measured section (the sandbox runs in-process too).</summary>
internal sealed class ResourceUsage
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly int _gen0;
    private readonly int _gen2;
    private readonly long _started;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(int Threads, long Queue)> _sampler;

    private ResourceUsage()
    {
        _cpu = Cpu();
        _allocated = GC.GetTotalAllocatedBytes();
        _gen0 = GC.CollectionCount(0);
        _gen2 = GC.CollectionCount(2);
        _started = Stopwatch.GetTimestamp();
        _sampler = Task.Run(async () =>
        {
            int threads = 0;
            long queue = 0;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    threads = Math.Max(threads, ThreadPool.ThreadCount);
                    queue = Math.Max(queue, ThreadPool.PendingWorkItemCount);
                    await Task.Delay(50, _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // stopped
            }

            return (threads, queue);
        });
    }

    public static ResourceUsage Start() => new();

    public ResourceSample Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var cpu = Cpu() - _cpu;
        _stop.Cancel();
        var (threads, queue) = _sampler.GetAwaiter().GetResult();
        _stop.Dispose();
        return new ResourceSample(cpu, wall, GC.GetTotalAllocatedBytes() - _allocated, GC.CollectionCount(0) - _gen0, GC.CollectionCount(2) - _gen2, threads, queue);
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

internal sealed record ResourceSample(TimeSpan Cpu, TimeSpan Wall, long AllocatedBytes, int Gen0, int Gen2, int MaxPoolThreads, long MaxPoolQueue)
{
    /// <summary>Average busy cores: 2.0 on a 2-core machine means CPU-bound.</summary>
    public double BusyCores => Cpu.TotalSeconds / Math.Max(Wall.TotalSeconds, 1e-9);
}
