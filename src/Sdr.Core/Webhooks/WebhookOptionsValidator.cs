using Microsoft.Extensions.Options;

namespace Sdr.Core.Webhooks;

/// <summary>A key that does not parse stops start-up, naming the setting.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        try
        {
            WebhookAuthenticator.ImportEd25519(options.Ed25519PublicKey);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            failures.Add("Webhooks:Ed25519PublicKey is not an Ed25519 public key (PEM, base64 SPKI or base64 raw 32 bytes).");
        }

        try
        {
            using var rsa = WebhookAuthenticator.ImportRsa(options.RsaPublicKey);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            failures.Add("Webhooks:RsaPublicKey is not an RSA public key (PEM or base64 SPKI).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
