using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sdr.Core.Configuration;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds a section of config/sdr_config.yaml, refusing unknown keys (a typo must not silently
    /// fall back to a default) and validating at start-up with messages that name the key.
    /// </summary>
    public static OptionsBuilder<T> AddSdrOptions<T>(this IServiceCollection services, string sectionName)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(sp => new UnknownKeysValidator<T>(sp.GetRequiredService<IConfiguration>(), sectionName));
        return services.AddOptions<T>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
