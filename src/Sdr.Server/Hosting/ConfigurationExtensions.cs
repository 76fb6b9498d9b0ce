namespace Sdr.Server.Hosting;

internal static class ConfigurationExtensions
{
    public const string ConfigFileVariable = "SDR_CONFIG";

    /// <summary>
    /// config/sdr_config.yaml (or SDR_CONFIG), then environment variables and the command line,
    /// so that <c>sdr__rate_limits__daily_sms_cap=100</c> overrides the file.
    /// </summary>
    public static IHostApplicationBuilder AddSdrConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        var path = ResolveConfigFile(builder.Configuration[ConfigFileVariable]);
        builder.Configuration.AddYamlFile(path, optional: false, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        return builder;
    }

    private static string ResolveConfigFile(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"{ConfigFileVariable} points to '{configured}', which does not exist.");
        }

        var candidates = new[]
        {
            Path.Combine(Directory.GetCurrentDirectory(), "config", "sdr_config.yaml"),
            Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"config/sdr_config.yaml was not found in {string.Join(" or ", candidates)}; set {ConfigFileVariable}.");
    }
}
