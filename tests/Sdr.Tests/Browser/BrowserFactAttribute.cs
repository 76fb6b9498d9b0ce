namespace Sdr.Tests.Browser;

/// <summary>
/// A browser test: it needs Chromium (<c>SDR_TEST_CHROMIUM</c>, else <c>/usr/bin/chromium</c>). scripts/test.sh
/// installs it, so under <c>CI=true</c> a missing browser fails the test; only a local run without one skips.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = "No Chromium: set SDR_TEST_CHROMIUM or install Debian's chromium (scripts/test.sh does).";
        }
    }
}

public static class Chromium
{
    private const string DebianPath = "/usr/bin/chromium";

    /// <summary>The browser to drive, or null when none is installed.</summary>
    public static string? Path =>
        Environment.GetEnvironmentVariable("SDR_TEST_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists(DebianPath) ? DebianPath
        : null;

    /// <summary>In CI the browser tests must run: a missing Chromium is a failure there, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
