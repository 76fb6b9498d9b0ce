using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Ai;

/// <summary>
/// <c>sdr:ai</c>: the language model that classifies unsure replies and composes answers. The API key is not
/// here: it comes from the environment (<see cref="AnthropicApiKey.EnvironmentVariable"/>), and without it the
/// model is off.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string SectionName = "sdr:ai";

    [ConfigurationKeyName("model")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:ai:model is required.")]
    public string Model { get; set; } = "claude-sonnet-4-5";

    [ConfigurationKeyName("base_url")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "sdr:ai:base_url is required.")]
    public string BaseUrl { get; set; } = "https://api.anthropic.com";

    /// <summary>The whole budget of one use, answer read included; no retries are made inside it.</summary>
    [ConfigurationKeyName("timeout_seconds")]
    [Range(1, 60, ErrorMessage = "sdr:ai:timeout_seconds must be between {1} and {2}.")]
    public int TimeoutSeconds { get; set; } = 4;

    [ConfigurationKeyName("max_tokens")]
    [Range(16, 4096, ErrorMessage = "sdr:ai:max_tokens must be between {1} and {2}.")]
    public int MaxTokens { get; set; } = 300;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("sdr:ai:base_url must be an absolute http(s) URL.", [nameof(BaseUrl)]);
        }
    }
}
