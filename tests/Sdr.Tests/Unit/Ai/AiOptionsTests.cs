using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Ai;

namespace Sdr.Tests.Unit.Ai;

/// <summary>sdr:ai as shipped in config/sdr_config.yaml, and the settings that must stop the start.</summary>
public sealed class AiOptionsTests
{
    [Fact]
    public void ShippedConfiguration_HasTheDefaults()
    {
        using var host = Build();

        var options = host.Services.GetRequiredService<IOptions<AiOptions>>().Value;

        options.Model.ShouldBe("claude-sonnet-4-5");
        options.BaseUrl.ShouldBe("https://api.anthropic.com");
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(4));
        options.MaxTokens.ShouldBe(300);
    }

    [Theory]
    [InlineData("sdr:ai:timeout_seconds", "0")]
    [InlineData("sdr:ai:timeout_seconds", "61")]
    [InlineData("sdr:ai:max_tokens", "8")]
    [InlineData("sdr:ai:max_tokens", "5000")]
    [InlineData("sdr:ai:base_url", "ftp://api.anthropic.com")]
    [InlineData("sdr:ai:base_url", "api.anthropic.com")]
    [InlineData("sdr:ai:model", "")]
    [InlineData("sdr:ai:api_key", "sk-ant-in-the-file")]
    public void BadSetting_IsRefused_NamingTheKey(string key, string value)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var exception = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AiOptions>>().Value);

        string.Join(" ", exception.Failures).ShouldContain(key);
    }

    [Fact]
    public void WithoutTheKey_NoChatClientIsBuilt()
    {
        using var host = Build();

        var model = host.Services.GetRequiredService<ReplyLanguageModel>();

        model.IsEnabled.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => host.Services.GetRequiredKeyedService<Microsoft.Extensions.AI.IChatClient>(ServiceCollectionExtensions.ChatClientKey))
            .Message.ShouldContain(AnthropicApiKey.EnvironmentVariable);
    }

    [Fact]
    public void WithTheKey_TheModelIsOn()
    {
        using var host = Build(new Dictionary<string, string?> { [AnthropicApiKey.EnvironmentVariable] = "sk-ant-test" });

        host.Services.GetRequiredService<ReplyLanguageModel>().IsEnabled.ShouldBeTrue();
    }

    private static IHost Build(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddAi();
        return builder.Build();
    }
}
