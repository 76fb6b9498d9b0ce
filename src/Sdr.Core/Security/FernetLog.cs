using Microsoft.Extensions.Logging;

namespace Sdr.Core.Security;

/// <summary>Log messages of the Fernet key set-up. None of them ever carries key material.</summary>
internal static partial class FernetLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information,
        Message = "PII encryption uses {KeyCount} Fernet key(s) from SDR_FERNET_KEY")]
    public static partial void ConfiguredKeys(ILogger logger, int keyCount);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning,
        Message = "SDR_FERNET_KEY is not set: PII encryption uses a generated local key at {KeyFilePath} (created now: {Created}). " +
                  "Back this file up; data encrypted with it is unreadable without it. Set SDR_FERNET_KEY for real deployments")]
    public static partial void LocalKeyInUse(ILogger logger, string keyFilePath, bool created);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning,
        Message = "The local Fernet key file {KeyFilePath} is accessible by other users; restrict it with chmod 600")]
    public static partial void KeyFileTooOpen(ILogger logger, string keyFilePath);
}
