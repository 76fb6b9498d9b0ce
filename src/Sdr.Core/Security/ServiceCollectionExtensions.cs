using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sdr.Core.Configuration;

namespace Sdr.Core.Security;

public static class ServiceCollectionExtensions
{
    /// <summary>File name of the generated local key inside the data directory.</summary>
    public const string KeyFileName = "fernet.key";

    /// <summary>
    /// Registers <see cref="FernetKeyRing"/> as a singleton resolved by <see cref="FernetKeyProvider.Resolve"/> from
    /// SDR_FERNET_KEY, the environment and Sdr:DataDirectory, and resolves it when the host starts (fail fast).
    /// Configuration is read when the ring is first resolved, so test hosts can override it.
    /// </summary>
    public static IHostApplicationBuilder AddFernetEncryption(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(CreateKeyRing);
        builder.Services.AddHostedService<FernetKeyRingStartupCheck>();
        return builder;
    }

    private static FernetKeyRing CreateKeyRing(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        var keyFilePath = Path.Combine(DataDirectory.Resolve(configuration), KeyFileName);

        return FernetKeyProvider.Resolve(
            configuration[FernetKeyRing.EnvironmentVariable],
            environment.IsProduction(),
            keyFilePath,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FernetKeyRing).FullName!));
    }
}
