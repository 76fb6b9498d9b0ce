using System.Text.Json;
using Sdr.Core.Webhooks;

namespace Sdr.Tests.Unit.Webhooks;

public sealed class WebhookPayloadsTests
{
    [Fact]
    public void InboundMessage_ReadsTheBody_OrTheOlderNestedBody()
    {
        InboundMessagePayload.Parse(Root("""{"direction":"inbound","body":"STOP","messageType":"SMS","messageId":"m1"}"""))
            .ShouldBe(new InboundMessagePayload("inbound", "STOP", "SMS", "m1"));
        InboundMessagePayload.Parse(Root("""{"message":{"body":"help"}}""")).Body.ShouldBe("help");
        InboundMessagePayload.Parse(Root("""{"body":7}""")).ShouldBe(new InboundMessagePayload(null, null, null, null));
    }

    [Fact]
    public void ContactDnd_ReadsDndAndEachChannelsStatus()
    {
        var payload = ContactDndPayload.Parse(Root("""{"phone":"+15155550142","dnd":false,"dndSettings":{"SMS":{"status":"Active"},"Email":{"status":"inactive"}}}"""));
        payload.Phone.ShouldBe("+15155550142");
        payload.Dnd.ShouldBeFalse();
        payload.Channels.ShouldBe([new GhlDndChannelSetting("SMS", true), new GhlDndChannelSetting("Email", false)]);
        ContactDndPayload.Parse(Root("""{"dnd":true}""")).ShouldBe(new ContactDndPayload(null, true, []), new ContactDndComparer());
    }

    [Fact]
    public void AppointmentAndStage_ReadTheirOneField()
    {
        AppointmentPayload.Parse(Root("""{"appointment":{"appointmentStatus":"cancelled"}}""")).AppointmentStatus.ShouldBe("cancelled");
        AppointmentPayload.Parse(Root("""{"appointmentStatus":"confirmed"}""")).AppointmentStatus.ShouldBe("confirmed");
        OpportunityStagePayload.Parse(Root("""{"pipeline_stage_id":"s1"}""")).PipelineStageId.ShouldBe("s1");
        OpportunityStagePayload.Parse(Root("""{}""")).PipelineStageId.ShouldBeNull();
    }

    private static JsonElement Root(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private sealed class ContactDndComparer : IEqualityComparer<ContactDndPayload>
    {
        public bool Equals(ContactDndPayload? x, ContactDndPayload? y) =>
            x is not null && y is not null && x.Phone == y.Phone && x.Dnd == y.Dnd && x.Channels.SequenceEqual(y.Channels);

        public int GetHashCode(ContactDndPayload obj) => obj.Dnd.GetHashCode();
    }
}
