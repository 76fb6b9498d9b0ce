using Microsoft.Extensions.Configuration;

namespace Sdr.Benchmarks;

/// <summary>
/// The product's config/sdr_config.yaml, so the micro-benchmarks run the configured state rules and caps.
/// BenchmarkDotNet runs them in a child process started elsewhere; the host passes the path through
/// <c>SDR_CONFIG</c> (the server's own variable), which the child inherits.
/// </summary>
internal static class SdrConfigFile
{
    public const string Variable = "SDR_CONFIG";

    public static IConfiguration Load() =>
        new ConfigurationBuilder().AddYamlFile(Locate(), optional: false, reloadOnChange: false).Build();

    public static T Section<T>(IConfiguration configuration, string sectionName)
        where T : class, new() =>
        configuration.GetSection(sectionName).Get<T>() ?? new T();

    /// <summary>SDR_CONFIG, else config/sdr_config.yaml beside the binaries or in the working folder or one above it.</summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException($"{Variable} points to '{configured}', which does not exist.");
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "config", "sdr_config.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml");
        return File.Exists(besideBinaries)
            ? besideBinaries
            : throw new FileNotFoundException($"config/sdr_config.yaml was not found above {Directory.GetCurrentDirectory()} or in {AppContext.BaseDirectory}; set {Variable}.");
    }
}
