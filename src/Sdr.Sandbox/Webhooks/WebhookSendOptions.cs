namespace Sdr.Sandbox;

public enum WebhookSignatureMode
{
    Valid,
    None,
    Invalid,
}

public sealed record WebhookSendOptions(WebhookSignatureMode Signature = WebhookSignatureMode.Valid, string? SharedSecret = null);
