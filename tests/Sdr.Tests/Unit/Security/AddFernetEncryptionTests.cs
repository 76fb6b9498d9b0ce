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
    public void Production_without_a_key_fails_when_the_ring_is_resolved()
    {
        using var host = Build(Environments.Production, key: null);

        Should.Throw<InvalidOperationException>(() => host.Services.GetRequiredService<FernetKeyRing>())
            .Message.ShouldContain("SDR_FERNET_KEY is required in Production");
    }

    [Fact]
    public void Production_without_a_key_stops_the_host_start()
    {
        using var host = Build(Environments.Production, key: null);

        Should.Throw<InvalidOperationException>(() => host.Start())
            .Message.ShouldContain("SDR_FERNET_KEY");
    }

    [Fact]
    public void Configured_key_is_used_as_a_singleton()
    {
        var key = FernetKeyRing.GenerateKey();
        using var host = Build(Environments.Production, key);

        var ring = host.Services.GetRequiredService<FernetKeyRing>();

        ring.ShouldBeSameAs(host.Services.GetRequiredService<FernetKeyRing>());
        new Fernet(key).Decrypt(ring.EncryptString("x")!, DateTimeOffset.UtcNow).ShouldBe("x"u8.ToArray());
    }

    [Fact]
    public void Development_generates_the_key_file_in_the_data_directory()
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
