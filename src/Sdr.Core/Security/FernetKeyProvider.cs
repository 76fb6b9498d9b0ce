using Microsoft.Extensions.Logging;

namespace Sdr.Core.Security;

/// <summary>Resolves the <see cref="FernetKeyRing"/> at start-up.</summary>
public static class FernetKeyProvider
{
    /// <summary>
    /// <list type="number">
    /// <item><paramref name="configuredKeys"/> (the value of SDR_FERNET_KEY) when set;</item>
    /// <item>otherwise, in Production, throws <see cref="InvalidOperationException"/>;</item>
    /// <item>otherwise generates a key once into <paramref name="keyFilePath"/> (mode 0600), reuses it later, and logs a warning.</item>
    /// </list>
    /// </summary>
    /// <exception cref="FormatException">SDR_FERNET_KEY is malformed (message names the variable, never the key).</exception>
    /// <exception cref="InvalidOperationException">Production without SDR_FERNET_KEY, or an unreadable local key file.</exception>
    public static FernetKeyRing Resolve(
        string? configuredKeys,
        bool isProduction,
        string keyFilePath,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        if (!string.IsNullOrWhiteSpace(configuredKeys))
        {
            var ring = FernetKeyRing.Parse(configuredKeys, time);
            FernetLog.ConfiguredKeys(logger, ring.Count);
            return ring;
        }

        if (isProduction)
        {
            throw new InvalidOperationException(
                $"{FernetKeyRing.EnvironmentVariable} is required in Production: set it to one or more comma-separated Fernet keys " +
                "(primary first), e.g. generated with Python's Fernet.generate_key() or FernetKeyRing.GenerateKey().");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(keyFilePath);
        return LoadOrCreateLocalKey(Path.GetFullPath(keyFilePath), time, logger);
    }

    private static FernetKeyRing LoadOrCreateLocalKey(string keyFilePath, TimeProvider time, ILogger logger)
    {
        var created = FernetKeyFile.TryCreate(keyFilePath, FernetKeyRing.GenerateKey());
        if (!created && FernetKeyFile.IsAccessibleByOthers(keyFilePath))
        {
            FernetLog.KeyFileTooOpen(logger, keyFilePath);
        }

        if (!Fernet.TryCreate(FernetKeyFile.Read(keyFilePath), out var fernet))
        {
            throw new InvalidOperationException(
                $"The local Fernet key file '{keyFilePath}' does not hold a valid Fernet key. Restore it from a backup, " +
                $"or set {FernetKeyRing.EnvironmentVariable}; deleting it makes data encrypted with it unreadable.");
        }

        FernetLog.LocalKeyInUse(logger, keyFilePath, created);
        return new FernetKeyRing([fernet], time);
    }
}
