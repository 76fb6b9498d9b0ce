using System.Diagnostics;
using Sdr.Core.Security;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Configuration;

/// <summary>
/// The real <c>sdr serve</c> with one bad setting in its environment, as an operator would start it: it
/// exits non-zero, and the first line of stderr names the key; no stack trace on either stream.
/// </summary>
public sealed class BadSettingProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("sdr:rate_limits:daily_sms_cap", "-5")]
    [InlineData("sdr:rate_limits:daily_sms_cap", "lots")]
    [InlineData("sdr:rate_limits:daily_sms_capp", "100")]
    [InlineData("sdr:performance:circuit_breaker_retry_delay_minutes", "0")]
    [InlineData("sdr:performance:circuit_breaker_retry_delay_minutes", "soon")]
    public async Task BadSetting_ExitsNonZero_FirstStderrLineNamesTheKey(string key, string value)
    {
        var (exitCode, stdout, stderr) = await RunServeAsync(new Dictionary<string, string> { [key.Replace(":", "__", StringComparison.Ordinal)] = value });

        exitCode.ShouldNotBe(0);
        var firstLine = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        firstLine.ShouldNotBeNull($"nothing on stderr; stdout: {stdout}");
        firstLine.ShouldStartWith("Configuration error: ");
        firstLine.ShouldContain(key, Case.Insensitive);
        (stdout + stderr).ShouldNotContain("   at ", customMessage: "a stack trace was printed");
        (stdout + stderr).ShouldNotContain("Exception", customMessage: "an exception type was printed");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunServeAsync(Dictionary<string, string> settings)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "sdr.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { assembly, "serve", "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SDR_CONFIG"] = Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"),
            ["Sdr__DataDirectory"] = Path.Combine(Path.GetTempPath(), $"sdr-bad-setting-{Guid.NewGuid():N}"),
            [FernetKeyRing.EnvironmentVariable] = TestKeys.Fernet,
            ["Ghl__Locations__0__LocationId"] = "loc-1",
            ["Ghl__Locations__0__Token"] = "tok-1",
            ["Sdr__CadenceWorker__Enabled"] = "false",
        };
        foreach (var (key, value) in environment.Concat(settings))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sdr kept running with a bad setting: {await stdout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
