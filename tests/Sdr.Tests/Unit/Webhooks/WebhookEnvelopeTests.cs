using System.Text;
using Sdr.Core.Webhooks;

namespace Sdr.Tests.Unit.Webhooks;

public sealed class WebhookEnvelopeTests
{
    [Fact]
    public void InboundMessage_IsDeduplicatedByMessageId_OtherEventsByWebhookId_UnsignedWorkflowsByBodyHash()
    {
        Parse("reply", """{"type":"InboundMessage","locationId":"L1","contactId":"C1","messageId":"M1","webhookId":"W1","timestamp":"2026-03-02T20:30:00Z"}""")
            .ShouldBe(new WebhookEnvelope("InboundMessage", "L1", "C1", "msg:M1", new DateTimeOffset(2026, 3, 2, 20, 30, 0, TimeSpan.Zero)));
        Parse("opt-out", """{"type":"ContactDndUpdate","locationId":"L1","id":"C1","webhookId":"W1"}""")
            .ShouldBe(new WebhookEnvelope("ContactDndUpdate", "L1", "C1", "wh:W1", null));
        Parse("booking-confirmed", """{"type":"AppointmentCreate","locationId":"L1","appointment":{"contactId":"C1"},"webhookId":"W2"}""")!.ContactId.ShouldBe("C1");
        var workflow = Parse("opt-out", """{"contact_id":"C1","location":{"id":"L1"},"customData":{}}""")!;
        workflow.EventType.ShouldBe(WebhookEndpointNames.WorkflowEvent);
        workflow.DedupeKey.ShouldStartWith("sha256:");
    }

    [Theory]
    [InlineData("""{"type":"InboundMessage","contactId":"C1"}""", "locationId")]
    [InlineData("""{"type":"InboundMessage","locationId":"L1"}""", "contactId")]
    [InlineData("""{"type":"OpportunityStageUpdate","locationId":"L1","contactId":"C1"}""", "type")]
    [InlineData("""{"type":"InboundMessage","locationId":"L1","contactId":"C1","timestamp":"yesterday"}""", "timestamp")]
    [InlineData("""{"type":"InboundMessage",""", "body")]
    [InlineData("""[]""", "body")]
    public void BadBodies_NameTheField(string json, string field)
    {
        var (envelope, named, error) = WebhookEnvelope.Parse("reply", Encoding.UTF8.GetBytes(json));

        envelope.ShouldBeNull();
        named.ShouldBe(field, error);
        error.ShouldNotBeNullOrWhiteSpace();
    }

    private static WebhookEnvelope? Parse(string endpoint, string json) => WebhookEnvelope.Parse(endpoint, Encoding.UTF8.GetBytes(json)).Envelope;
}
