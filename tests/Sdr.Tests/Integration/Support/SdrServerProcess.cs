using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sdr.Core.Security;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Support;

/// <summary>
/// The real <c>sdr</c> executable (built beside the tests) run as a child process with
/// <c>dotnet sdr.dll serve</c>, for tests that need to kill it outright.
/// </summary>
public sealed class SdrServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private SdrServerProcess(Process process, ConcurrentQueue<string> output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output => string.Join(System.Environment.NewLine, _output);

    /// <summary>
    /// What every child needs: Production settings, the shipped configuration, its data folder, the test
    /// Fernet key, the sandbox as its GHL location, and no cadence worker (tests drive the cadence).
    /// </summary>
    public static Dictionary<string, string> Environment(GhlSandbox sandbox, string dataDirectory)
    {
        var location = sandbox.State.Locations[0];
        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SDR_CONFIG"] = Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"),
            ["Sdr__DataDirectory"] = dataDirectory,
            [FernetKeyRing.EnvironmentVariable] = TestKeys.Fernet,
            ["Ghl__BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Ghl__Locations__0__LocationId"] = location.LocationId,
            ["Ghl__Locations__0__Token"] = location.Token,
            ["Sdr__CadenceWorker__Enabled"] = "false",
        };
    }

    public static async Task<SdrServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "sdr.dll");
        File.Exists(assembly).ShouldBeTrue($"{assembly} is built with the tests (project reference to Sdr.Server)");
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { assembly, "serve", "--urls", baseUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new SdrServerProcess(process, output, baseUrl);
        try
        {
            await server.WaitUntilLiveAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process and everything it started, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"sdr exited with code {_process.ExitCode} at start:{System.Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health/live");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"sdr did not answer /health/live within {StartTimeout}:{System.Environment.NewLine}{Output}");
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
