using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Sdr.Sandbox.Webhooks;

internal sealed class WebhookSigner : IDisposable
{
    private readonly Key _ed25519;
    private readonly Lazy<RSA> _rsa = new(() => RSA.Create(2048), LazyThreadSafetyMode.ExecutionAndPublication);

    public WebhookSigner(int seed)
    {
        // Derived from the seed so a sandbox's Ed25519 key is stable across runs.
        var privateKey = SHA256.HashData(Encoding.UTF8.GetBytes($"sdr-sandbox-ed25519:{seed}"));
        _ed25519 = Key.Import(SignatureAlgorithm.Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        Ed25519PublicKeyBase64 = Convert.ToBase64String(_ed25519.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        Ed25519PublicKeyPem = Encoding.ASCII.GetString(_ed25519.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
    }

    public string Ed25519PublicKeyBase64 { get; }

    public string Ed25519PublicKeyPem { get; }

    public string RsaPublicKeyPem => _rsa.Value.ExportSubjectPublicKeyInfoPem();

    public string SignEd25519(ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_ed25519, body));

    public string SignRsa(ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(_rsa.Value.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose()
    {
        _ed25519.Dispose();
        if (_rsa.IsValueCreated)
        {
            _rsa.Value.Dispose();
        }
    }
}
