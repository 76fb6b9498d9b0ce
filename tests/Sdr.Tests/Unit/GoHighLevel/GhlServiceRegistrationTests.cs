using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.GoHighLevel;
using Sdr.Core.GoHighLevel.Resilience;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GhlServiceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGoHighLevel();
        configure?.Invoke(builder);
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task Binds_locations_and_product_breaker_keys_and_resolves_the_client()
    {
        using var provider = Build(new()
        {
            ["Ghl:Locations:0:LocationId"] = "loc-1",
            ["Ghl:Locations:0:Token"] = "tok-1",
            ["Ghl:CircuitBreakerFailureThreshold"] = "9",
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

    [Fact]
    public async Task Host_can_redirect_base_url_and_tokens_after_configuration()
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
    [InlineData("sdr:performance:circuit_breaker_failure_threshold", "many", "sdr:performance:circuit_breaker_failure_threshold must be a positive integer.")]
    public void Invalid_settings_fail_naming_the_key(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var ex = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GhlOptions>>().Value);

        ex.Message.ShouldContain(expected);
    }
}
