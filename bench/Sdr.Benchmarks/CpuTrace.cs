using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Sdr.Benchmarks;

/// <summary>
/// An EventPipe session on this very process (the runtime's sample profiler, ~1 sample/ms per thread),
/// written to a .nettrace and summarised with TraceEvent: which frames managed samples were in.
/// </summary>
internal sealed class CpuTrace : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly string _path;
    private readonly Task _copy;

    private CpuTrace(EventPipeSession session, string path, Task copy)
    {
        _session = session;
        _path = path;
        _copy = copy;
    }

    public static CpuTrace Start(string directory, int? processId = null)
    {
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            // Verbose adds GC/AllocationTick (one event per ~100 KB allocated, with its type and stack).
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.Default),
        };
        var session = new DiagnosticsClient(processId ?? Environment.ProcessId).StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 256);
        var path = Path.Combine(directory, "engine.nettrace");
        var copy = Task.Run(async () =>
        {
            await using var file = File.Create(path);
            await session.EventStream.CopyToAsync(file);
        });
        return new CpuTrace(session, path, copy);
    }

    public async Task<string> StopAndReportAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _copy;
        var etlx = TraceLog.CreateFromEventPipeDataFile(_path);
        using var log = new TraceLog(etlx);
        var inclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var exclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        int managed = 0, external = 0;
        var allocTypes = new Dictionary<string, long>(StringComparer.Ordinal);
        var allocSites = new Dictionary<string, long>(StringComparer.Ordinal);
        long allocTotal = 0;
        var pauses = new List<double>();
        double? suspendedAt = null;
        foreach (var ev in log.Events)
        {
            // A GC pause runs from the runtime suspending managed threads to restarting them.
            if (ev.ProviderName == "Microsoft-Windows-DotNETRuntime" && ev.EventName is "GC/SuspendEEStart" or "GC/RestartEEStop")
            {
                if (ev.EventName == "GC/SuspendEEStart")
                {
                    // Reason 1 = for a GC, 6 = preparing one; the sample profiler's own suspensions are not GC pauses.
                    var reason = Convert.ToInt32(ev.PayloadByName("Reason") ?? 0, CultureInfo.InvariantCulture);
                    suspendedAt = reason is 1 or 6 ? ev.TimeStampRelativeMSec : null;
                }
                else if (suspendedAt is { } start)
                {
                    pauses.Add(ev.TimeStampRelativeMSec - start);
                    suspendedAt = null;
                }

                continue;
            }

            if (ev.ProviderName == "Microsoft-Windows-DotNETRuntime" && ev.EventName == "GC/AllocationTick")
            {
                var amount = Convert.ToInt64(ev.PayloadByName("AllocationAmount64") ?? ev.PayloadByName("AllocationAmount") ?? 0L, CultureInfo.InvariantCulture);
                var typeName = ev.PayloadByName("TypeName") as string ?? "?";
                allocTotal += amount;
                allocTypes[typeName] = allocTypes.GetValueOrDefault(typeName) + amount;
                allocSites[AllocationSite(ev.CallStack())] = allocSites.GetValueOrDefault(AllocationSite(ev.CallStack())) + amount;
                continue;
            }

            if (ev.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || !ev.EventName.Contains("Sample", StringComparison.Ordinal))
            {
                continue;
            }

            // Type 2 = the thread was running managed code; 1 = outside the runtime (native code or waiting).
            if (ev.PayloadByName("Type") is { } type && Convert.ToInt32(type, CultureInfo.InvariantCulture) != 2)
            {
                external++;
                continue;
            }

            var stack = ev.CallStack();
            if (stack is null || (_focus is not null && !Contains(stack, _focus)))
            {
                continue;
            }

            managed++;
            var leaf = true;
            var path = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var frame = stack; frame is not null; frame = frame.Caller)
            {
                var name = frame.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name))
                {
                    name = "?" + frame.CodeAddress.ModuleName;
                }

                if (leaf)
                {
                    exclusive[name] = exclusive.GetValueOrDefault(name) + 1;
                    leaf = false;
                }

                if (path.Count < 7 && !IsPlumbing(name))
                {
                    path.Add(Short(name));
                }

                if (seen.Add(name))
                {
                    inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
                }
            }

            var key = string.Join(" < ", path);
            paths[key] = paths.GetValueOrDefault(key) + 1;
        }

        var sb = new StringBuilder();
        sb.AppendLine("Top stacks (leaf first, async/threading plumbing removed):");
        foreach (var (key, count) in paths.OrderByDescending(p => p.Value).Take(40))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {(double)count / Math.Max(managed, 1),6:P1}  {key}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"CPU trace ({_path}): {managed} managed samples, {external} samples outside managed code (native or waiting).");
        sb.AppendLine("Top inclusive frames (share of managed samples):");
        foreach (var (name, count) in inclusive.Where(p => !IsPlumbing(p.Key)).OrderByDescending(p => p.Value).Take(_focus is null ? 50 : 120))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {(double)count / Math.Max(managed, 1),6:P1}  {Trim(name)}");
        }

        sb.AppendLine("Top exclusive frames:");
        foreach (var (name, count) in exclusive.OrderByDescending(p => p.Value).Take(30))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {(double)count / Math.Max(managed, 1),6:P1}  {Trim(name)}");
        }

        pauses.Sort();
        sb.AppendLine(CultureInfo.InvariantCulture, $"GC pauses (suspend to restart): {pauses.Count}, total {pauses.Sum():F0} ms, "
            + $"p50 {(pauses.Count == 0 ? 0 : pauses[pauses.Count / 2]):F2} ms, max {(pauses.Count == 0 ? 0 : pauses[^1]):F2} ms, "
            + $"over 5 ms: {pauses.Count(p => p > 5)}, over 15 ms: {pauses.Count(p => p > 15)}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Allocation samples (GC/AllocationTick): {allocTotal / 1024 / 1024} MB sampled. Top types:");
        foreach (var (name, bytes) in allocTypes.OrderByDescending(p => p.Value).Take(25))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {(double)bytes / Math.Max(allocTotal, 1),6:P1}  {Trim(name)}");
        }

        sb.AppendLine("Top allocation sites (first product frame < its caller):");
        foreach (var (name, bytes) in allocSites.OrderByDescending(p => p.Value).Take(35))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {(double)bytes / Math.Max(allocTotal, 1),6:P1}  {name}");
        }

        return sb.ToString();
    }

    /// <summary>The allocating frame, then the first frames of this product (or of EF / the sandbox) that led to it.</summary>
    private static string AllocationSite(Microsoft.Diagnostics.Tracing.Etlx.TraceCallStack? stack)
    {
        var frames = new List<string>();
        var leaf = true;
        for (var frame = stack; frame is not null && frames.Count < 4; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name) || IsPlumbing(name))
            {
                continue;
            }

            if (leaf || name.StartsWith("Sdr.", StringComparison.Ordinal))
            {
                frames.Add(Short(name));
                leaf = false;
            }
        }

        return frames.Count == 0 ? "?" : string.Join(" < ", frames);
    }

    public void Dispose() => _session.Dispose();

    /// <summary><c>SDR_TRACE_FOCUS=WebhookProcessor</c>: only samples with a frame whose name contains it.</summary>
    private readonly string? _focus = Environment.GetEnvironmentVariable("SDR_TRACE_FOCUS") is { Length: > 0 } focus ? focus : null;

    private static bool Contains(TraceCallStack stack, string focus)
    {
        for (var frame = stack; frame is not null; frame = frame.Caller)
        {
            if (frame.CodeAddress.FullMethodName?.Contains(focus, StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlumbing(string name) =>
        name.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal)
        || name.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal)
        || name.StartsWith("System.Threading.ExecutionContext", StringComparison.Ordinal)
        || name.StartsWith("System.Threading.ThreadPool", StringComparison.Ordinal)
        || name.StartsWith("System.Threading.PortableThreadPool", StringComparison.Ordinal)
        || name.Contains("<>c__DisplayClass", StringComparison.Ordinal);

    private static string Short(string name)
    {
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? name[..paren] : name;
    }

    private static string Trim(string name) => name.Length <= 160 ? name : name[..160];
}
