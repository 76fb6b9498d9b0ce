using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Configuration;

/// <summary><c>Sdr:DataDirectory</c>: where the SQLite database and the local Fernet key live (default "data", relative to the current directory).</summary>
public static class DataDirectory
{
    public const string Key = "Sdr:DataDirectory";

    public static string Resolve(IConfiguration configuration) =>
        Path.GetFullPath(configuration[Key] is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured : "data");
}
