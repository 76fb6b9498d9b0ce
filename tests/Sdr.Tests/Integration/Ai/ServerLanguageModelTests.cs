using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Ai;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Ai;

/// <summary>The server's own registration of the language model: off without a key, and with one, on against sdr:ai:base_url.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ServerLanguageModelTests
{
    [Fact]
    public async Task Server_WithoutAnthropicKey_HasTheModelOff()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { [AnthropicApiKey.EnvironmentVariable] = "" });

        host.Services.GetRequiredService<ReplyLanguageModel>().IsEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Server_WithAnthropicKey_ClassifiesThroughTheConfiguredApi()
    {
        await using var fake = await FakeAnthropicServer.StartAsync();
        fake.Respond("{\"label\": \"timing\", \"confidence\": 0.8}");
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            [AnthropicApiKey.EnvironmentVariable] = FakeAnthropicServer.ApiKey,
            ["sdr:ai:base_url"] = fake.BaseUrl,
        });
        var model = host.Services.GetRequiredService<ReplyLanguageModel>();

        var result = await model.ClassifyAsync("not until next year", ["timing", "price"], CancellationToken.None);

        model.IsEnabled.ShouldBeTrue();
        result.Value.ShouldBe(new LlmClassification("timing", 0.8));
        fake.Requests.ShouldHaveSingleItem().Model.ShouldBe("claude-sonnet-4-5");
    }
}
