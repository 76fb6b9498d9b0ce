using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Sdr.Core.Webhooks;

public enum WebhookAuthResult
{
    Ed25519,
    Rsa,
    SharedSecret,

    /// <summary>No signature and no secret.</summary>
    Missing,

    /// <summary>A signature or secret that does not verify.</summary>
    Invalid,
}

/// <summary>
/// Checks that a webhook comes from GHL: the Ed25519 <c>X-GHL-Signature</c> over the raw body, else the
/// legacy RSA-SHA256 <c>x-wh-signature</c>, else (for GHL workflow webhooks, which cannot sign) the
/// shared secret. A signature that is present but wrong is never rescued by another method.
/// </summary>
public sealed class WebhookAuthenticator : IDisposable
{
    private readonly PublicKey _ed25519;
    private readonly RSA _rsa;
    private readonly byte[]? _sharedSecret;

    public WebhookAuthenticator(IOptions<WebhookOptions> options)
    {
        var value = options.Value;
        _ed25519 = ImportEd25519(value.Ed25519PublicKey);
        _rsa = ImportRsa(value.RsaPublicKey);
        _sharedSecret = string.IsNullOrEmpty(value.SharedSecret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(value.SharedSecret));
    }

    public WebhookAuthResult Authenticate(ReadOnlySpan<byte> body, string? ed25519Signature, string? rsaSignature, string? sharedSecret)
    {
        if (!string.IsNullOrEmpty(ed25519Signature))
        {
            return TryBase64(ed25519Signature, out var signature) && SignatureAlgorithm.Ed25519.Verify(_ed25519, body, signature)
                ? WebhookAuthResult.Ed25519
                : WebhookAuthResult.Invalid;
        }

        if (!string.IsNullOrEmpty(rsaSignature))
        {
            return TryBase64(rsaSignature, out var signature) && _rsa.VerifyData(body, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                ? WebhookAuthResult.Rsa
                : WebhookAuthResult.Invalid;
        }

        if (!string.IsNullOrEmpty(sharedSecret))
        {
            // Compared as hashes in constant time: neither the length nor a prefix leaks.
            return _sharedSecret is not null
                && CryptographicOperations.FixedTimeEquals(_sharedSecret, SHA256.HashData(Encoding.UTF8.GetBytes(sharedSecret)))
                ? WebhookAuthResult.SharedSecret
                : WebhookAuthResult.Invalid;
        }

        return WebhookAuthResult.Missing;
    }

    public void Dispose() => _rsa.Dispose();

    /// <summary>Accepts PEM, base64 SPKI (DER) or base64 of the raw 32-byte key.</summary>
    public static PublicKey ImportEd25519(string key)
    {
        var text = key.Trim();
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return PublicKey.Import(SignatureAlgorithm.Ed25519, Encoding.ASCII.GetBytes(text), KeyBlobFormat.PkixPublicKeyText);
        }

        var bytes = Convert.FromBase64String(text);
        return PublicKey.Import(SignatureAlgorithm.Ed25519, bytes, bytes.Length == 32 ? KeyBlobFormat.RawPublicKey : KeyBlobFormat.PkixPublicKey);
    }

    /// <summary>Accepts PEM or base64 SPKI (DER).</summary>
    public static RSA ImportRsa(string key)
    {
        var rsa = RSA.Create();
        try
        {
            var text = key.Trim();
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text), out _);
            }

            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static bool TryBase64(string value, out byte[] bytes)
    {
        bytes = new byte[((value.Length + 3) / 4) * 3];
        if (Convert.TryFromBase64String(value.Trim(), bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
