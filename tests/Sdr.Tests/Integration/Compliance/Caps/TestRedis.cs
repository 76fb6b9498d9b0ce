using StackExchange.Redis;

namespace Sdr.Tests.Integration.Compliance.Caps;

/// <summary>The throwaway Redis server scripts/test.sh starts; Redis tests are never skipped.</summary>
public static class TestRedis
{
    public static string Server =>
        Environment.GetEnvironmentVariable("SDR_TEST_REDIS") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException("SDR_TEST_REDIS is not set: run the tests with scripts/test.sh, which starts a throwaway Redis server.");

    public static Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Server);

    /// <summary>A location id no other test uses, so tests can share the server.</summary>
    public static string UniqueLocation() => "loc-" + Guid.NewGuid().ToString("N")[..12];
}
