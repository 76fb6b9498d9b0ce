using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using Sdr.Core.Webhooks;

namespace Sdr.Tests.Unit.Webhooks;

public sealed class WebhookAuthenticatorTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"InboundMessage","body":"STOP"}""");

    [Fact]
    public void GhlsPublishedKeys_AreTheDefaults_AndParse()
    {
        var options = new WebhookOptions();

        new WebhookOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
        using var authenticator = new WebhookAuthenticator(Options.Create(options));
        authenticator.Authenticate(Body, Convert.ToBase64String(new byte[64]), null, null).ShouldBe(WebhookAuthResult.Invalid);
    }

    [Fact]
    public void Ed25519_OverTheRawBody_InAnyKeyFormat()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signature = Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, Body));
        string[] formats =
        [
            Encoding.ASCII.GetString(key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText)),
            Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.PkixPublicKey)),
            Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
        ];

        foreach (var format in formats)
        {
            using var authenticator = new WebhookAuthenticator(Options.Create(new WebhookOptions { Ed25519PublicKey = format }));
            authenticator.Authenticate(Body, signature, null, null).ShouldBe(WebhookAuthResult.Ed25519);
            authenticator.Authenticate([.. Body, (byte)' '], signature, null, null).ShouldBe(WebhookAuthResult.Invalid);
            authenticator.Authenticate(Body, "not base64!", null, null).ShouldBe(WebhookAuthResult.Invalid);
        }
    }

    [Fact]
    public void Rsa_AndSharedSecret_AndAWrongSignatureIsNeverRescuedByTheSecret()
    {
        using var rsa = RSA.Create(2048);
        var options = new WebhookOptions { RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem(), SharedSecret = "s3cret" };
        using var authenticator = new WebhookAuthenticator(Options.Create(options));
        var signature = Convert.ToBase64String(rsa.SignData(Body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        authenticator.Authenticate(Body, null, signature, null).ShouldBe(WebhookAuthResult.Rsa);
        authenticator.Authenticate(Body, null, null, "s3cret").ShouldBe(WebhookAuthResult.SharedSecret);
        authenticator.Authenticate(Body, null, null, "s3cre").ShouldBe(WebhookAuthResult.Invalid);
        authenticator.Authenticate(Body, null, Convert.ToBase64String(new byte[256]), "s3cret").ShouldBe(WebhookAuthResult.Invalid);
        authenticator.Authenticate(Body, null, null, null).ShouldBe(WebhookAuthResult.Missing);
    }

    [Fact]
    public void NoSharedSecretConfigured_RefusesAnySecret()
    {
        using var authenticator = new WebhookAuthenticator(Options.Create(new WebhookOptions()));

        authenticator.Authenticate(Body, null, null, "anything").ShouldBe(WebhookAuthResult.Invalid);
    }

    [Fact]
    public void KeysThatDoNotParse_FailValidation_NamingTheSetting()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Ed25519PublicKey = "not a key", RsaPublicKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Webhooks:Ed25519PublicKey");
        result.FailureMessage.ShouldContain("Webhooks:RsaPublicKey");
    }
}
