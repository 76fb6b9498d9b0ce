using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdr.Sandbox.Http;
using Sdr.Sandbox.Webhooks;

namespace Sdr.Sandbox;

public sealed class SandboxWebhookSender : IDisposable
{
    public const string Ed25519SignatureHeader = "x-ghl-signature";
    public const string RsaSignatureHeader = "x-wh-signature";
    public const string SharedSecretHeader = "X-Webhook-Secret";

    private readonly SandboxState _state;
    private readonly WebhookSigner _signer;
    private HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal SandboxWebhookSender(SandboxState state, int seed)
    {
        _state = state;
        _signer = new WebhookSigner(seed);
    }

    public string Ed25519PublicKeyBase64 => _signer.Ed25519PublicKeyBase64;

    /// <summary>Posts through this handler instead of the network (e.g. an in-memory test server).</summary>
    public void UseHandler(HttpMessageHandler handler)
    {
        var previous = _http;
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        previous.Dispose();
    }

    /// <summary>Signs a body as GHL would: the Ed25519 <c>x-ghl-signature</c> value.</summary>
    public string SignEd25519(byte[] body) => _signer.SignEd25519(body);

    /// <summary>Signs a body as GHL's legacy scheme would: the RSA-SHA256 <c>x-wh-signature</c> value.</summary>
    public string SignRsa(byte[] body) => _signer.SignRsa(body);

    public string Ed25519PublicKeyPem => _signer.Ed25519PublicKeyPem;

    public string RsaPublicKeyPem => _signer.RsaPublicKeyPem;

    public async Task<HttpResponseMessage> SimulateInboundReplyAsync(
        string locationId,
        string contactId,
        string body,
        Uri target,
        WebhookSendOptions? options = null,
        CancellationToken ct = default)
    {
        var contact = _state.GetContact(contactId);
        if (contact is null || contact.LocationId != locationId)
        {
            throw new ArgumentException($"Contact {contactId} is not in location {locationId}.", nameof(contactId));
        }

        var conversation = _state.GetOrCreateConversation(locationId, contactId);
        var message = new SandboxMessage(
            _state.NewId(), conversation.Id, locationId, contactId, "SMS", "inbound", body, null, "delivered", _state.TimeProvider.GetUtcNow());
        conversation.Append(message);
        return await SendInboundMessageAsync(target, message, options, ct);
    }

    public Task<HttpResponseMessage> SendInboundMessageAsync(Uri target, SandboxMessage message, WebhookSendOptions? options = null, CancellationToken ct = default) =>
        SendAsync(target, WebhookPayloads.InboundMessage(message), options, ct);

    public Task<HttpResponseMessage> SendAppointmentCreateAsync(Uri target, SandboxAppointment appointment, WebhookSendOptions? options = null, CancellationToken ct = default) =>
        SendAsync(target, WebhookPayloads.AppointmentCreate(appointment), options, ct);

    public Task<HttpResponseMessage> SendContactDndUpdateAsync(Uri target, string contactId, WebhookSendOptions? options = null, CancellationToken ct = default)
    {
        var contact = _state.GetContact(contactId) ?? throw new ArgumentException($"Unknown contact {contactId}.", nameof(contactId));
        return SendAsync(target, WebhookPayloads.ContactDndUpdate(contact), options, ct);
    }

    public Task<HttpResponseMessage> SendOpportunityStageUpdateAsync(Uri target, SandboxOpportunity opportunity, WebhookSendOptions? options = null, CancellationToken ct = default) =>
        SendAsync(target, WebhookPayloads.OpportunityStageUpdate(opportunity), options, ct);

    /// <summary>Adds <c>webhookId</c> and <c>timestamp</c> (used by receivers for replay protection), then signs and posts.</summary>
    public Task<HttpResponseMessage> SendAsync(Uri target, JsonObject payload, WebhookSendOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload["webhookId"] ??= _state.NewId();
        payload["timestamp"] ??= SandboxJson.Iso(_state.TimeProvider.GetUtcNow());
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, SandboxJson.Options);
        return SendRawAsync(target, body, options, ct);
    }

    public async Task<HttpResponseMessage> SendRawAsync(Uri target, byte[] body, WebhookSendOptions? options = null, CancellationToken ct = default)
    {
        options ??= new WebhookSendOptions();
        using var request = new HttpRequestMessage(HttpMethod.Post, target);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (options.Signature != WebhookSignatureMode.None)
        {
            var signed = body;
            if (options.Signature == WebhookSignatureMode.Invalid)
            {
                signed = [.. body, (byte)' '];
            }

            if (options.Signature != WebhookSignatureMode.RsaOnly)
            {
                request.Headers.TryAddWithoutValidation(Ed25519SignatureHeader, _signer.SignEd25519(signed));
            }

            request.Headers.TryAddWithoutValidation(RsaSignatureHeader, _signer.SignRsa(signed));
        }

        if (options.SharedSecret is { Length: > 0 } secret)
        {
            request.Headers.TryAddWithoutValidation(SharedSecretHeader, secret);
        }

        return await _http.SendAsync(request, ct);
    }

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }
}
