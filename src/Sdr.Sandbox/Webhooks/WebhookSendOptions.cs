namespace Sdr.Sandbox;

public enum WebhookSignatureMode
{
    Valid,
    None,
    Invalid,

    /// <summary>Only the legacy RSA <c>x-wh-signature</c>, as older GHL apps send.</summary>
    RsaOnly,
}

public sealed record WebhookSendOptions(WebhookSignatureMode Signature = WebhookSignatureMode.Valid, string? SharedSecret = null);
