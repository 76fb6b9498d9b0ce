using Microsoft.Extensions.Logging;
using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

public sealed class FernetKeyProviderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sdr-fernet-{Guid.NewGuid():N}");
    private readonly CapturingLogger _logger = new();

    private string KeyFilePath => Path.Combine(_directory, "data", "fernet.key");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Configured_keys_win_and_no_key_file_is_written()
    {
        var key = FernetKeyRing.GenerateKey();

        var ring = FernetKeyProvider.Resolve($"{key},{FernetKeyRing.GenerateKey()}", isProduction: true, KeyFilePath, TimeProvider.System, _logger);

        ring.Count.ShouldBe(2);
        FernetKeyRing.Parse(key, TimeProvider.System).DecryptString(ring.EncryptString("x")).ShouldBe("x");
        File.Exists(KeyFilePath).ShouldBeFalse();
        _logger.Entries.ShouldAllBe(e => !e.Message.Contains(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Production_without_a_key_throws(string? configured)
    {
        var error = Should.Throw<InvalidOperationException>(
            () => FernetKeyProvider.Resolve(configured, isProduction: true, KeyFilePath, TimeProvider.System, _logger));

        error.Message.ShouldContain("SDR_FERNET_KEY is required in Production");
        File.Exists(KeyFilePath).ShouldBeFalse();
    }

    [Fact]
    public void Malformed_configured_key_names_the_variable_and_hides_the_key()
    {
        const string Malformed = "this-is-my-secret-but-broken-key";

        var error = Should.Throw<FormatException>(
            () => FernetKeyProvider.Resolve(Malformed, isProduction: false, KeyFilePath, TimeProvider.System, _logger));

        error.Message.ShouldContain("SDR_FERNET_KEY");
        error.Message.ShouldNotContain(Malformed);
    }

    [Fact]
    public void Generates_an_owner_only_key_file_once_and_reuses_it()
    {
        var first = FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger);
        var token = first.EncryptString("persisted reply");
        var key = File.ReadAllText(KeyFilePath).Trim();

        var second = FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger);

        Fernet.TryCreate(key, out _).ShouldBeTrue();
        second.DecryptString(token).ShouldBe("persisted reply");
        File.ReadAllText(KeyFilePath).Trim().ShouldBe(key);
        Directory.GetFiles(Path.GetDirectoryName(KeyFilePath)!).ShouldBe([KeyFilePath]);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(KeyFilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var warnings = _logger.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        warnings.Count.ShouldBe(2);
        warnings.ShouldAllBe(w => w.Message.Contains("SDR_FERNET_KEY is not set") && w.Message.Contains(KeyFilePath));
        _logger.Entries.ShouldAllBe(e => !e.Message.Contains(key));
    }

    [Fact]
    public void Warns_when_an_existing_key_file_is_readable_by_others()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger);
        File.SetUnixFileMode(KeyFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger);

        _logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("chmod 600"));
    }

    [Fact]
    public void A_corrupt_key_file_fails_without_printing_its_content()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFilePath)!);
        File.WriteAllText(KeyFilePath, "garbage-content");

        var error = Should.Throw<InvalidOperationException>(
            () => FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger));

        error.Message.ShouldContain(KeyFilePath);
        error.Message.ShouldNotContain("garbage-content");
    }
}
