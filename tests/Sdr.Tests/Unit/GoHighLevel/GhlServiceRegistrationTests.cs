using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Configuration;
using Sdr.Core.GoHighLevel;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GhlServiceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSdrSettings();
        builder.AddGoHighLevel();
        configure?.Invoke(builder);
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task BindsLocationsAndProductBreakerKeysAndResolvesTheClient()
    {
        using var provider = Build(new()
        {
            ["Ghl:Locations:0:LocationId"] = "loc-1",
            ["Ghl:Locations:0:Token"] = "tok-1",
            ["sdr:performance:circuit_breaker_failure_threshold"] = "5",
            ["sdr:performance:circuit_breaker_retry_delay_minutes"] = "12",
        });

        var options = provider.GetRequiredService<IOptions<GhlOptions>>().Value;
        options.BaseUrl.ShouldBe("https://services.leadconnectorhq.com");
        options.CircuitBreakerFailureThreshold.ShouldBe(5);
        options.CircuitBreakerBreakDuration.ShouldBe(TimeSpan.FromMinutes(12));
        (await provider.GetRequiredService<ILocationTokenProvider>().GetTokenAsync("loc-1")).ShouldBe("tok-1");
        provider.GetRequiredService<IGoHighLevelClient>().ShouldBeOfType<GoHighLevelClient>();
        provider.GetRequiredService<GhlCircuitBreakerRegistry>().GetState("loc-1").ShouldBe(GhlCircuitState.Closed);
    }

    /// <summary>The breaker's retry delay is decimal minutes, read from sdr:performance alone: 0.25 keeps a failing location closed for 15 s.</summary>
    [Fact]
    public async Task RetryDelayInDecimalMinutesOpensTheBreakerForThatLong()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var provider = Build(
            new()
            {
                ["Ghl:BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
                ["Ghl:MaxRetries"] = "0",
                ["Ghl:Locations:0:LocationId"] = "loc-1",
                ["Ghl:Locations:0:Token"] = "tok-1",
                ["sdr:performance:circuit_breaker_failure_threshold"] = "1",
                ["sdr:performance:circuit_breaker_retry_delay_minutes"] = "0.25",
            },
            builder => builder.Services.AddSingleton(new GhlClock(clock)));

        provider.GetRequiredService<IOptions<GhlOptions>>().Value.CircuitBreakerBreakDuration.ShouldBe(TimeSpan.FromSeconds(15));
        await Should.ThrowAsync<GhlApiException>(() => provider.GetRequiredService<IGoHighLevelClient>().GetContactAsync("loc-1", "contact-1"));

        var breakers = provider.GetRequiredService<GhlCircuitBreakerRegistry>();
        breakers.GetState("loc-1").ShouldBe(GhlCircuitState.Open);
        breakers.GetOpenUntil("loc-1").ShouldBe(clock.GetUtcNow() + TimeSpan.FromSeconds(15));
        clock.Advance(TimeSpan.FromSeconds(15));
        breakers.GetState("loc-1").ShouldBe(GhlCircuitState.HalfOpen);
    }

    [Fact]
    public async Task HostCanRedirectBaseUrlAndTokensAfterConfiguration()
    {
        using var provider = Build(new() { ["Ghl:BaseUrl"] = "https://services.leadconnectorhq.com" }, builder =>
            builder.Services.PostConfigure<GhlOptions>(o =>
            {
                o.BaseUrl = "http://localhost:5999";
                o.Locations = [new GhlLocationOptions { LocationId = "sandbox", Token = "sandbox-token" }];
            }));

        provider.GetRequiredService<IOptions<GhlOptions>>().Value.BaseUrl.ShouldBe("http://localhost:5999");
        (await provider.GetRequiredService<ILocationTokenProvider>().GetTokenAsync("sandbox")).ShouldBe("sandbox-token");
    }

    [Theory]
    [InlineData("Ghl:Locations:0:LocationId", "loc-1", "Ghl:Locations:0:Token is required.")]
    [InlineData("Ghl:RequestsPerWindow", "0", "Ghl:RequestsPerWindow must be between 1 and 10000.")]
    [InlineData("Ghl:BaseUrl", "not a url", "Ghl:BaseUrl must be an absolute http(s) URL.")]
    [InlineData("sdr:performance:circuit_breaker_retry_delay_minutes", "0", "sdr:performance:circuit_breaker_retry_delay_minutes must be between 0.01 and 1440")]
    [InlineData("Ghl:CircuitBreakerBreakDuration", "00:05:00", "Ghl:CircuitBreakerBreakDuration is not a setting; use sdr:performance:circuit_breaker_retry_delay_minutes.")]
    public void InvalidSettingsFailNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GhlOptions>>().Value);

        ex.Message.ShouldContain(expected);
    }

    /// <summary>
    /// A GHL call made inside a request (process-batch, enrol) sends GHL no trace headers, and makes no
    /// activity, unless telemetry is exported; then it is traced as any HTTP call.
    /// </summary>
    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public async Task TraceHeadersGoToGhlOnlyWhenTelemetryIsExported(string? otlpEndpoint, bool expected)
    {
        var seen = new ConcurrentQueue<bool>();
        var server = WebApplication.CreateSlimBuilder();
        server.WebHost.UseUrls("http://127.0.0.1:0");
        await using var ghl = server.Build();
        ghl.Run(context =>
        {
            seen.Enqueue(context.Request.Headers.ContainsKey("traceparent"));
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await ghl.StartAsync();
        var address = ghl.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var provider = Build(new()
        {
            ["Ghl:BaseUrl"] = address,
            ["Ghl:Locations:0:LocationId"] = "loc-1",
            ["Ghl:Locations:0:Token"] = "tok-1",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
        });

        using (new Activity("POST /sdr/sequences/process-batch").Start())
        {
            await provider.GetRequiredService<IGoHighLevelClient>().GetContactAsync("loc-1", "contact-1");
        }

        seen.ShouldHaveSingleItem().ShouldBe(expected);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
