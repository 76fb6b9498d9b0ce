using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

/// <summary>
/// Tokens made by Python's cryptography 48.0.0: <c>Fernet(key).encrypt_at_time(text.encode(), ts)</c>
/// with key = urlsafe_b64encode(bytes(range(32))) and random IVs.
/// </summary>
public sealed class PythonCompatibilityTests
{
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Theory]
    [InlineData(
        "gAAAAABlU_EANwFm2kfhBTfb6B1yCIIfKE_HlT150ra58JF4wPGqu7SchrTEnsVhZV9mYLKQCN5P_gSmZsQVWob8HARfviefBYg4ZbGuL-m_rhrHwpMDyjM=",
        1700000000,
        "hello from python")]
    [InlineData(
        "gAAAAABlU_F7wvuVT0fZbXCstmY5u3KehwjEFSWloLTL3i9odbgD2LydRcXieaTKITzMcYovJJjoy-1S9Usjzu5o3K0UCzMIOoXQYtG80pFlVifXOEgv7AtfvfU0uyWU7hqeNWA65Yyt_wYrlwNc_VCUE-0b_wZsTINmlLRU6PMPc8CgwL6gTwY=",
        1700000123,
        "Olá 👋 — reply: STOP? Ünïcödé, and a body longer than one AES block.")]
    public void DecryptsATokenMadeByPythonsCryptographyFernet(string token, long timestamp, string expected)
    {
        var createdAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        var ring = FernetKeyRing.Parse(Key, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(createdAt.AddSeconds(30)));

        ring.DecryptString(token).ShouldBe(expected);
        ring.Decrypt(token, TimeSpan.FromMinutes(1)).ShouldNotBeEmpty();
        Should.Throw<FernetException>(() => ring.Decrypt(token, TimeSpan.FromSeconds(10)));
    }
}
