namespace Sdr.Tests.Support;

/// <summary>
/// Trait values for tests that need a real server process beside the test run, so a run can pick or
/// leave them: <c>dotnet test --filter "Category!=Database"</c> runs only what needs nothing started.
/// </summary>
public static class TestCategories
{
    public const string Key = "Category";

    /// <summary>Uses SQLite files or the PostgreSQL server that scripts/test.sh starts.</summary>
    public const string Database = "Database";

    /// <summary>Uses the Redis server that scripts/test.sh starts.</summary>
    public const string Redis = "Redis";

    /// <summary>Drives Chromium (Debian's, installed by scripts/test.sh) through Playwright.</summary>
    public const string Browser = "Browser";
}
