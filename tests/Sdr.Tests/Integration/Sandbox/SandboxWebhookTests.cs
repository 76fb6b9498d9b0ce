using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using NSec.Cryptography;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxWebhookTests
{
    [Fact]
    public async Task InboundReplyWebhookVerifiesWithBothExposedPublicKeys()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 20 });
        await using var receiver = await WebhookReceiver.StartAsync();
        var contact = sandbox.State.Contacts("sandbox-location-1")[0];

        using var response = await sandbox.Webhooks.SimulateInboundReplyAsync("sandbox-location-1", contact.Id, "Yes, call me tomorrow", receiver.Url);

        response.IsSuccessStatusCode.ShouldBeTrue();
        var received = receiver.Received.ShouldHaveSingleItem();
        VerifyEd25519(sandbox.Webhooks.Ed25519PublicKeyBase64, received.Body, received.Headers["x-ghl-signature"]).ShouldBeTrue();
        VerifyRsa(sandbox.Webhooks.RsaPublicKeyPem, received.Body, received.Headers["x-wh-signature"]).ShouldBeTrue();

        var payload = JsonDocument.Parse(received.Body).RootElement;
        payload.GetProperty("type").GetString().ShouldBe("InboundMessage");
        payload.GetProperty("locationId").GetString().ShouldBe("sandbox-location-1");
        payload.GetProperty("contactId").GetString().ShouldBe(contact.Id);
        payload.GetProperty("body").GetString().ShouldBe("Yes, call me tomorrow");
        payload.GetProperty("direction").GetString().ShouldBe("inbound");
        payload.GetProperty("messageType").GetString().ShouldBe("SMS");
        payload.GetProperty("webhookId").GetString().ShouldNotBeNullOrEmpty();
        payload.GetProperty("timestamp").GetString().ShouldNotBeNullOrEmpty();
        sandbox.State.ConversationForContact(contact.Id)!.Messages.ShouldHaveSingleItem().Direction.ShouldBe("inbound");
    }

    [Fact]
    public async Task BadSignatureModeProducesSignaturesThatFailVerificationAndSecretHeaderIsSent()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 20 });
        await using var receiver = await WebhookReceiver.StartAsync();
        var contact = sandbox.State.Contacts("sandbox-location-1")[0];

        using var response = await sandbox.Webhooks.SendContactDndUpdateAsync(
            receiver.Url, contact.Id, new WebhookSendOptions(WebhookSignatureMode.Invalid, SharedSecret: "s3cret"));

        var received = receiver.Received.ShouldHaveSingleItem();
        VerifyEd25519(sandbox.Webhooks.Ed25519PublicKeyBase64, received.Body, received.Headers["x-ghl-signature"]).ShouldBeFalse();
        VerifyRsa(sandbox.Webhooks.RsaPublicKeyPem, received.Body, received.Headers["x-wh-signature"]).ShouldBeFalse();
        received.Headers["X-Webhook-Secret"].ShouldBe("s3cret");
        JsonDocument.Parse(received.Body).RootElement.GetProperty("type").GetString().ShouldBe("ContactDndUpdate");
    }

    private static bool VerifyEd25519(string publicKeyBase64, byte[] body, string signature)
    {
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(publicKeyBase64), KeyBlobFormat.RawPublicKey);
        return SignatureAlgorithm.Ed25519.Verify(key, body, Convert.FromBase64String(signature));
    }

    private static bool VerifyRsa(string pem, byte[] body, string signature)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa.VerifyData(body, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private sealed record ReceivedWebhook(byte[] Body, Dictionary<string, string> Headers);

    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private WebhookReceiver(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
        }

        public Uri Url { get; }

        public List<ReceivedWebhook> Received { get; } = [];

        public static async Task<WebhookReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            WebhookReceiver? self = null;
            app.MapPost("/hook", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                lock (self!.Received)
                {
                    self.Received.Add(new ReceivedWebhook(buffer.ToArray(), headers));
                }

                return Results.Ok();
            });
            await app.StartAsync();
            self = new WebhookReceiver(app, new Uri(app.Urls.First().TrimEnd('/') + "/hook"));
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
