using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Listings;
using Sdr.Sandbox;
using Sdr.Sandbox.Reso;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Listings;

/// <summary>
/// The server against the GHL sandbox, with a second sandbox serving the RESO feed (its URL must be known
/// before the server starts): an <c>expired_mls</c> feed with OAuth2 client credentials and an <c>fsbo</c>
/// feed with a bearer token, both for the server's location, one-second attempts and short backoff.
/// </summary>
internal sealed class ListingTestHost : IAsyncDisposable
{
    public const string SecretEnv = "SDR_TEST_RESO_CLIENT_SECRET";
    public const string BearerEnv = "SDR_TEST_RESO_TOKEN";

    private ListingTestHost(SdrTestHost host, GhlSandbox feedServer)
    {
        Host = host;
        FeedServer = feedServer;
    }

    public SdrTestHost Host { get; }
    public GhlSandbox FeedServer { get; }
    public SandboxResoFeed Feed => FeedServer.Reso;
    public string LocationId => Host.LocationId;

    public static async Task<ListingTestHost> StartAsync(string provider = TestDatabases.Sqlite, int pageSize = 5, IDictionary<string, string?>? settings = null)
    {
        Environment.SetEnvironmentVariable(SecretEnv, SandboxResoFeed.ClientSecret);
        Environment.SetEnvironmentVariable(BearerEnv, SandboxResoFeed.BearerToken);
        var feedServer = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = false, ContactsPerLocation = 1 });
        var all = new Dictionary<string, string?>
        {
            ["sdr:listings:feeds:0:location_id"] = "sandbox-location-1",
            ["sdr:listings:feeds:0:source"] = ListingSources.ExpiredMls,
            ["sdr:listings:feeds:0:url"] = feedServer.ResoPropertyUrl.ToString(),
            ["sdr:listings:feeds:0:token_url"] = feedServer.ResoTokenUrl.ToString(),
            ["sdr:listings:feeds:0:client_id"] = SandboxResoFeed.ClientId,
            ["sdr:listings:feeds:0:client_secret_env"] = SecretEnv,
            ["sdr:listings:feeds:0:page_size"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sdr:listings:feeds:1:location_id"] = "sandbox-location-1",
            ["sdr:listings:feeds:1:source"] = ListingSources.Fsbo,
            ["sdr:listings:feeds:1:url"] = feedServer.ResoPropertyUrl.ToString(),
            ["sdr:listings:feeds:1:bearer_token_env"] = BearerEnv,
            ["sdr:listings:feeds:1:filter"] = SandboxResoFeed.FsboFilter,
            ["sdr:listings:feeds:1:page_size"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sdr:listings:feed_timeout_seconds"] = "1",
            ["sdr:listings:feed_retry_base_delay_ms"] = "10",
            ["sdr:listings:custom_fields:list_price"] = "cf-list-price",
            ["sdr:listings:custom_fields:days_on_market"] = "cf-dom",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        try
        {
            return new ListingTestHost(await SdrTestHost.StartAsync(provider, all), feedServer);
        }
        catch
        {
            await feedServer.DisposeAsync();
            throw;
        }
    }

    public async Task<T> WithCandidatesAsync<T>(Func<IListingCandidates, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IListingCandidates>());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await FeedServer.DisposeAsync();
    }
}
