using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.GoHighLevel;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Tests.Unit.GoHighLevel;

/// <summary>A client wired like production, but over a fake handler, fake clock and recorded logs.</summary>
internal sealed class GhlTestHarness : IDisposable
{
    public const string LocationA = "loc-A";
    public const string LocationB = "loc-B";
    public const string TokenA = "secret-token-A";
    public const string TokenB = "secret-token-B";

    private readonly HttpClient _httpClient;

    private GhlTestHarness(FakeGhlHandler handler, GhlOptions options)
    {
        Handler = handler;
        Options = options;
        var monitor = new StaticOptionsMonitor<GhlOptions>(options);
        Breakers = new GhlCircuitBreakerRegistry(Time, new FakeLogger<GhlCircuitBreakerRegistry>(Logs));
        Limiter = new GhlRateLimiter(Microsoft.Extensions.Options.Options.Create(options), Time);
        _httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new GoHighLevelClient(_httpClient, monitor, new OptionsLocationTokenProvider(monitor), Limiter, Breakers, Time, new FakeLogger<GoHighLevelClient>(Logs));
    }

    public FakeGhlHandler Handler { get; }

    public GhlOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Every log record of the client and the breakers, formatted.</summary>
    public FakeLogCollector Logs { get; } = new();

    public GhlCircuitBreakerRegistry Breakers { get; }

    public GhlRateLimiter Limiter { get; }

    public GoHighLevelClient Client { get; }

    public static GhlTestHarness Create(FakeGhlHandler handler, Action<GhlOptions>? configure = null)
    {
        var options = new GhlOptions
        {
            BaseUrl = "https://ghl.test",
            Locations =
            [
                new GhlLocationOptions { LocationId = LocationA, Token = TokenA },
                new GhlLocationOptions { LocationId = LocationB, Token = TokenB },
            ],
            RetryBaseDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new GhlTestHarness(handler, options);
    }

    /// <summary>Waits (real time) until the fake has seen <paramref name="count"/> requests.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 500 && Handler.Count < count; i++)
        {
            await Task.Delay(10);
        }

        Handler.Count.ShouldBeGreaterThanOrEqualTo(count);
    }

    public void Dispose()
    {
        _httpClient.Dispose();
        Limiter.Dispose();
    }
}
