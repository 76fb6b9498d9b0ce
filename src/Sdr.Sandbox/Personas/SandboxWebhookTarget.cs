namespace Sdr.Sandbox;

/// <summary>
/// Where the sandbox posts the webhooks it raises on its own (persona answers, booked appointments):
/// the product's webhook base, e.g. <c>http://localhost:5080/sdr/webhook/</c>. Every webhook is signed
/// with the sandbox's keys; <see cref="SharedSecret"/> adds the <c>X-Webhook-Secret</c> header too.
/// </summary>
public sealed record SandboxWebhookTarget(Uri BaseUrl, string? SharedSecret = null)
{
    /// <summary>The product's endpoint names (Sdr.Core's WebhookEndpointNames; the sandbox does not reference the product).</summary>
    public const string ReplyPath = "reply";
    public const string AppointmentPath = "booking-confirmed";

    public Uri Reply => new(Base, ReplyPath);

    public Uri Appointment => new(Base, AppointmentPath);

    internal WebhookSendOptions SendOptions => new(WebhookSignatureMode.Valid, SharedSecret);

    private Uri Base => BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
