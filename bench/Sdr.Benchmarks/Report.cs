using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sdr.Benchmarks;

internal sealed record MachineInfo(int Cores, string Cpu, string Sdk, string Runtime, string Os)
{
    public static MachineInfo Collect() => new(
        Environment.ProcessorCount,
        CpuModel(),
        DotnetVersion(),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public string Describe => $"{Cores} cores (nproc), {Cpu}, .NET SDK {Sdk} ({Runtime}), {Os}";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string DotnetVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var output = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

internal static class Report
{
    public const double TargetTouchesPerSecond = 2000;
    public const double TargetRatio = 0.25;
    private const string BeginMarker = "<!-- cadence-runs:begin -->";
    private const string EndMarker = "<!-- cadence-runs:end -->";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Command(CadenceSettings settings) =>
        "dotnet run -c Release --project bench/Sdr.Benchmarks -- cadence" + (settings.Arguments.Count == 0 ? "" : " " + string.Join(' ', settings.Arguments));

    public static string Table(CadenceResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Invariant, $"Machine: {r.Machine.Describe}");
        sb.AppendLine(Invariant, $"Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        sb.AppendLine(Invariant, $"Command: `{Command(r.Settings)}`");
        sb.AppendLine(Invariant, $"Sequences: {r.Settings.Sequences}, batch size: {r.Settings.BatchSize}, dispatch concurrency: {r.Concurrency}, warm-up: {r.Settings.Warmup}{(r.Settings.Profile ? ", PROFILE HOOKS ON" : "")}");
        sb.AppendLine(Invariant, $"Verification: {r.Verification.Summary}");
        sb.AppendLine();
        sb.AppendLine("| measurement | count | wall s | per second | CPU µs / item | busy cores | alloc KB / item | gen0 / gen2 GCs | max pool threads / queued items |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in new[] { r.Engine, r.ClientOnly, r.Raw, r.RawSqlite }.OfType<Measurement>())
        {
            sb.AppendLine(Invariant, $"| {m.Name} | {m.Count} | {m.Elapsed.TotalSeconds:F2} | {m.PerSecond:F0} | {m.CpuMicrosPerItem:F0} | {m.Usage.BusyCores:F2} | {m.AllocatedKbPerItem:F1} | {m.Usage.Gen0} / {m.Usage.Gen2} | {m.Usage.MaxPoolThreads} / {m.Usage.MaxPoolQueue} |");
        }

        sb.AppendLine();
        var batches = r.Run.Samples.Where(s => s.Processed > 0).ToList();
        if (batches.Count > 0)
        {
            var ordered = batches.Select(b => b.ServerMs).Order().ToList();
            sb.AppendLine(Invariant, $"Batches: {batches.Count} non-empty + 1 empty; server ms per batch min {ordered[0]}, median {ordered[ordered.Count / 2]}, max {ordered[^1]}; skipped {r.Run.Skipped}, errors {r.Run.Errors}.");
        }

        sb.AppendLine(Invariant, $"Target ≥ {TargetTouchesPerSecond:F0} touches/s: {(r.Engine.PerSecond >= TargetTouchesPerSecond ? "MET" : "MISSED")} ({r.Engine.PerSecond:F0}).");
        if (r.Raw is not null)
        {
            var ratio = r.Engine.PerSecond / r.Raw.PerSecond;
            sb.AppendLine(Invariant, $"Target ≥ {TargetRatio:P0} of raw HTTP: {(ratio >= TargetRatio ? "MET" : "MISSED")} (engine/raw = {ratio:P1}; engine/raw+SQLite = {r.Engine.PerSecond / r.RawSqlite!.PerSecond:P1}).");
        }

        return sb.ToString();
    }

    /// <summary>Appends one row to the run log in the doc (creating the doc's skeleton when missing).</summary>
    public static void AppendToDoc(string path, CadenceResult r)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var text = File.Exists(full) ? File.ReadAllText(full) : Skeleton;
        if (!text.Contains(BeginMarker, StringComparison.Ordinal) || !text.Contains(EndMarker, StringComparison.Ordinal))
        {
            text = text.TrimEnd() + "\n\n" + RunLogSection;
        }

        var ratio = r.Raw is null ? "n/a" : (r.Engine.PerSecond / r.Raw.PerSecond).ToString("P1", Invariant);
        var ratioSqlite = r.RawSqlite is null ? "n/a" : (r.Engine.PerSecond / r.RawSqlite.PerSecond).ToString("P1", Invariant);
        var met = r.Engine.PerSecond >= TargetTouchesPerSecond && (r.Raw is null || r.Engine.PerSecond / r.Raw.PerSecond >= TargetRatio);
        var row = string.Create(Invariant, $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {r.Machine.Cores} × {r.Machine.Cpu}, SDK {r.Machine.Sdk} | `{string.Join(' ', r.Settings.Arguments)}`{(r.Settings.Label is null ? "" : " " + r.Settings.Label)} | {r.Settings.Sequences} | {r.Settings.BatchSize} | {r.Concurrency} | **{r.Engine.PerSecond:F0}** | {r.Engine.CpuMicrosPerItem:F0} | {r.Raw?.PerSecond.ToString("F0", Invariant) ?? "n/a"} | {r.RawSqlite?.PerSecond.ToString("F0", Invariant) ?? "n/a"} | {ratio} | {ratioSqlite} | {(r.Verification.Ok ? "OK" : "FAILED")} | {(met ? "met" : "missed")} |");
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        text = text[..end] + row + "\n" + text[end..];
        File.WriteAllText(full, text);
    }

    private const string RunLogSection = $"""
        ## Run log

        Appended by the benchmark itself, one row per run (profile runs carry timing hooks and are a little slower).

        | date (UTC) | machine | arguments | sequences | batch | concurrency | engine touches/s | engine CPU µs/touch | raw HTTP req/s | raw HTTP+SQLite req/s | engine/raw | engine/raw+SQLite | verification | targets |
        |---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
        {BeginMarker}
        {EndMarker}

        """;

    private const string Skeleton = "# Benchmarks\n\n" + RunLogSection;
}
