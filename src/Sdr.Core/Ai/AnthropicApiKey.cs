using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Ai;

/// <summary>The Anthropic API key, from the environment only: its presence is what turns the language model on.</summary>
public static class AnthropicApiKey
{
    public const string EnvironmentVariable = "ANTHROPIC_API_KEY";

    public static string? From(IConfiguration configuration) =>
        configuration[EnvironmentVariable] is { } key && !string.IsNullOrWhiteSpace(key) ? key.Trim() : null;
}
