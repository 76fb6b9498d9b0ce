using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

public sealed class FernetKeyProviderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sdr-fernet-{Guid.NewGuid():N}");
    private readonly FakeLogger _logger = new();

    private string KeyFilePath => Path.Combine(_directory, "data", "fernet.key");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void ConfiguredKeysWinAndNoKeyFileIsWritten()
    {
        var key = FernetKeyRing.GenerateKey();

        var ring = FernetKeyProvider.Resolve($"{key},{FernetKeyRing.GenerateKey()}", isProduction: true, KeyFilePath, TimeProvider.System, _logger);

        ring.Count.ShouldBe(2);
        FernetKeyRing.Parse(key, TimeProvider.System).DecryptString(ring.EncryptString("x")).ShouldBe("x");
        File.Exists(KeyFilePath).ShouldBeFalse();
        _logger.Collector.GetSnapshot().ShouldAllBe(e => !e.Message.Contains(key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ProductionWithoutAKeyThrows(string? configured)
    {
        var error = Should.Throw<InvalidOperationException>(
            () => FernetKeyProvider.Resolve(configured, isProduction: true, KeyFilePath, TimeProvider.System, _logger));

        error.Message.ShouldContain("SDR_FERNET_KEY is required in Production");
        File.Exists(KeyFilePath).ShouldBeFalse();
    }

    [Fact]
    public void MalformedConfiguredKeyNamesTheVariableAndHidesTheKey()
    {
        const string Malformed = "this-is-my-secret-but-broken-key";

        var error = Should.Throw<FormatException>(
            () => FernetKeyProvider.Resolve(Malformed, isProduction: false, KeyFilePath, TimeProvider.System, _logger));

        error.Message.ShouldContain("SDR_FERNET_KEY");
        error.Message.ShouldNotContain(Malformed);
    }

    [Fact]
    public void GeneratesAnOwnerOnlyKeyFileOnceAndReusesIt()
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

        var warnings = _logger.Collector.GetSnapshot().Where(e => e.Level == LogLevel.Warning).ToList();
        warnings.Count.ShouldBe(2);
        warnings.ShouldAllBe(w => w.Message.Contains("SDR_FERNET_KEY is not set") && w.Message.Contains(KeyFilePath));
        _logger.Collector.GetSnapshot().ShouldAllBe(e => !e.Message.Contains(key));
    }

    [Fact]
    public void WarnsWhenAnExistingKeyFileIsReadableByOthers()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger);
        File.SetUnixFileMode(KeyFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger);

        _logger.Collector.GetSnapshot().ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("chmod 600"));
    }

    [Fact]
    public void ACorruptKeyFileFailsWithoutPrintingItsContent()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFilePath)!);
        File.WriteAllText(KeyFilePath, "garbage-content");

        var error = Should.Throw<InvalidOperationException>(
            () => FernetKeyProvider.Resolve(null, isProduction: false, KeyFilePath, TimeProvider.System, _logger));

        error.Message.ShouldContain(KeyFilePath);
        error.Message.ShouldNotContain("garbage-content");
    }
}
