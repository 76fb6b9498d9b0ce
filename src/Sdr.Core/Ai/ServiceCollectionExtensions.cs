using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;

namespace Sdr.Core.Ai;

public static class ServiceCollectionExtensions
{
    /// <summary>The keyed <see cref="IChatClient"/> of sdr:ai (the Anthropic Messages API through the official SDK).</summary>
    public const string ChatClientKey = "sdr:ai";

    /// <summary>The activity source of each model call (OpenTelemetry's gen_ai conventions, without message contents).</summary>
    public const string TelemetrySourceName = "Sdr.Ai";

    private const string HttpClientName = "Sdr.Ai.Anthropic";

    /// <summary>
    /// <see cref="ReplyLanguageModel"/> and its settings (sdr:ai). The model is on only when ANTHROPIC_API_KEY is set:
    /// without it <see cref="ReplyLanguageModel.IsEnabled"/> is false and no chat client is ever built, so nothing
    /// calls out. The key is read when the services are resolved, as the rest of the configuration is.
    /// </summary>
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<AiOptions>(AiOptions.SectionName);

        // RemoveAllResilienceHandlers is marked experimental, but it is the only way to opt out of host-wide handlers.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // sdr:ai:timeout_seconds is the whole budget: no retry may run past it, the SDK's or a host-wide one.
            .RemoveAllResilienceHandlers()
            // ReplyLanguageModel logs each use itself; the factory's request logs would add the headers (the key) at trace level.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });
#pragma warning restore EXTEXP0001

        services.TryAddKeyedSingleton<IChatClient>(ChatClientKey, (sp, _) => CreateChatClient(sp));
        services.TryAddSingleton(sp => new ReplyLanguageModel(
            AnthropicApiKey.From(sp.GetRequiredService<IConfiguration>()) is null ? null : sp.GetRequiredKeyedService<IChatClient>(ChatClientKey),
            sp.GetRequiredService<IOptions<AiOptions>>(),
            sp.GetRequiredService<ILogger<ReplyLanguageModel>>()));
        return builder;
    }

    private static IChatClient CreateChatClient(IServiceProvider services)
    {
        var apiKey = AnthropicApiKey.From(services.GetRequiredService<IConfiguration>())
            ?? throw new InvalidOperationException($"{AnthropicApiKey.EnvironmentVariable} is not set: the language model is off.");
        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;
        var anthropic = new AnthropicClient
        {
            HttpClient = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            BaseUrl = options.BaseUrl.TrimEnd('/'),
            ApiKey = apiKey,
            MaxRetries = 0,
            Timeout = options.Timeout,

            // One span per call comes from UseOpenTelemetry below; the SDK's own would repeat it, and an
            // environment variable could make it carry the prospect's text.
            OpenTelemetry = false,
        };
        return anthropic.AsIChatClient(options.Model, options.MaxTokens)
            .AsBuilder()
            // No logger: the telemetry client logs a failed call's exception, whose message holds the response body.
            .UseOpenTelemetry(NullLoggerFactory.Instance, TelemetrySourceName, telemetry => telemetry.EnableSensitiveData = false)
            .Build(services);
    }
}
