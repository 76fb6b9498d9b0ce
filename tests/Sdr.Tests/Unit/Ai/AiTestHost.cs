using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sdr.Core.Ai;
using Sdr.Tests.Support;

namespace Sdr.Tests.Unit.Ai;

/// <summary>
/// <see cref="ReplyLanguageModel"/> as the server registers it (AddAi over configuration), pointed at a
/// <see cref="FakeAnthropicServer"/> over real HTTP, with every log record collected.
/// </summary>
internal sealed class AiTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AiTestHost(IHost host, FakeAnthropicServer fake)
    {
        _host = host;
        Fake = fake;
    }

    public FakeAnthropicServer Fake { get; }

    public ReplyLanguageModel Model => _host.Services.GetRequiredService<ReplyLanguageModel>();

    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    public IServiceProvider Services => _host.Services;

    public static async Task<AiTestHost> StartAsync(int timeoutSeconds = 4, bool withKey = true, IDictionary<string, string?>? settings = null)
    {
        var fake = await FakeAnthropicServer.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["sdr:ai:base_url"] = fake.BaseUrl,
            ["sdr:ai:timeout_seconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AnthropicApiKey.EnvironmentVariable] = withKey ? FakeAnthropicServer.ApiKey : null,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();
        builder.AddAi();
        var host = builder.Build();
        await host.StartAsync();
        return new AiTestHost(host, fake);
    }

    public static AnswerBrief Brief(string replyText = "How much is my house worth?", int maxLength = 138, string? template = null) => new(
        Category: "price",
        ReplyText: replyText,
        SenderName: "Alex",
        CompanyName: "Harbor Realty",
        Facts: new Dictionary<string, string> { ["first_name"] = "Dana", ["city"] = "Tampa", ["bedrooms"] = "3" },
        TemplateAnswer: template ?? "Alex at Harbor Realty here. Happy to put together a free value estimate for your Tampa home. Want one?",
        MaxLength: maxLength);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Fake.DisposeAsync();
    }
}
