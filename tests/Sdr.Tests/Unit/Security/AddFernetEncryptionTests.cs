using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

public sealed class AddFernetEncryptionTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"sdr-fernet-host-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void ProductionWithoutAKeyFailsWhenTheRingIsResolved()
    {
        using var host = Build(Environments.Production, key: null);

        Should.Throw<InvalidOperationException>(() => host.Services.GetRequiredService<FernetKeyRing>())
            .Message.ShouldContain("SDR_FERNET_KEY is required in Production");
    }

    [Fact]
    public void ProductionWithoutAKeyStopsTheHostStart()
    {
        using var host = Build(Environments.Production, key: null);

        Should.Throw<InvalidOperationException>(() => host.Start())
            .Message.ShouldContain("SDR_FERNET_KEY");
    }

    [Fact]
    public void ConfiguredKeyIsUsedAsASingleton()
    {
        var key = FernetKeyRing.GenerateKey();
        using var host = Build(Environments.Production, key);

        var ring = host.Services.GetRequiredService<FernetKeyRing>();

        ring.ShouldBeSameAs(host.Services.GetRequiredService<FernetKeyRing>());
        new Fernet(key).Decrypt(ring.EncryptString("x")!, DateTimeOffset.UtcNow).ShouldBe("x"u8.ToArray());
    }

    [Fact]
    public void DevelopmentGeneratesTheKeyFileInTheDataDirectory()
    {
        using var host = Build(Environments.Development, key: null);

        host.Services.GetRequiredService<FernetKeyRing>().Count.ShouldBe(1);

        File.Exists(Path.Combine(_dataDirectory, "fernet.key")).ShouldBeTrue();
    }

    private IHost Build(string environment, string? key)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = environment,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SDR_FERNET_KEY"] = key,
            ["Sdr:DataDirectory"] = _dataDirectory,
        });
        builder.AddFernetEncryption();
        return builder.Build();
    }
}
