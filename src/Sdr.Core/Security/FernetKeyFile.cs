namespace Sdr.Core.Security;

/// <summary>
/// The locally generated key file of non-production runs. It is created owner-only (0600) from the first
/// byte: written to a temporary file opened with that mode, then moved into place without overwriting,
/// so it is never world-readable and concurrent first starts agree on one key.
/// </summary>
internal static class FernetKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Writes <paramref name="key"/> to <paramref name="path"/> unless the file exists. True when this call created it.</summary>
    public static bool TryCreate(string path, string key)
    {
        var directory = Path.GetDirectoryName(path) ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(directory);
        if (File.Exists(path))
        {
            return false;
        }

        var tempPath = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, CreateOptions()))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(key);
                writer.Write('\n');
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    public static string Read(string path)
    {
        return File.ReadAllText(path).Trim();
    }

    /// <summary>True when group or others have any permission on the file (always false on Windows).</summary>
    public static bool IsAccessibleByOthers(string path)
    {
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0;
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}
