using System.Net;
using Sdr.Core.GoHighLevel;

namespace Sdr.Tests.Unit.GoHighLevel;

public sealed class GoHighLevelClientMappingTests
{
    [Fact]
    public async Task ContactMapsDndSettingsTagsAndTimezone()
    {
        const string json = """
            {"contact":{"id":"c1","locationId":"loc-A","firstName":"Ann","lastName":"Lee","email":"ann@example.com",
             "phone":"+15550001111","timezone":"America/Chicago","state":"TX","postalCode":"73301","source":"web",
             "dnd":true,"dndSettings":{"SMS":{"status":"active","message":"STOP","code":"101"},"Email":{"status":"inactive"}},
             "tags":["lead","hot"],"dateAdded":"2021-07-02T05:18:26.704Z","dateUpdated":"2021-07-03T05:18:26.704Z","customFields":[]},
             "traceId":"t-1"}
            """;
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, json)));

        var contact = await harness.Client.GetContactAsync(GhlTestHarness.LocationA, "c1");

        contact.ShouldNotBeNull();
        contact.Id.ShouldBe("c1");
        contact.Timezone.ShouldBe("America/Chicago");
        contact.Dnd.ShouldBeTrue();
        contact.DndSettings["SMS"].ShouldBe(new GhlDndChannel("active", "STOP"));
        contact.DndSettings["Email"].Status.ShouldBe("inactive");
        contact.Tags.ShouldBe(["lead", "hot"]);
        contact.DateAdded.ShouldBe(new DateTimeOffset(2021, 7, 2, 5, 18, 26, 704, TimeSpan.Zero));
    }

    [Fact]
    public async Task MissingContactIsNull()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.NotFound, """{"statusCode":404,"message":"Contact not found"}""")));

        (await harness.Client.GetContactAsync(GhlTestHarness.LocationA, "nope")).ShouldBeNull();
        harness.Handler.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"messages":{"lastMessageId":"m1","nextPage":false,"messages":[{"id":"m2","direction":"inbound","messageType":"TYPE_SMS","body":"yes","dateAdded":"2026-01-02T10:00:00.000Z"},{"id":"m1","direction":"outbound","messageType":"TYPE_SMS","body":"hi","dateAdded":"2026-01-01T10:00:00.000Z"}]}}""")]
    [InlineData("""{"lastMessageId":"m1","nextPage":false,"messages":[{"id":"m1","direction":"outbound","messageType":"TYPE_SMS","body":"hi","dateAdded":"2026-01-01T10:00:00.000Z"},{"id":"m2","direction":"inbound","messageType":"TYPE_SMS","body":"yes","dateAdded":"2026-01-02T10:00:00.000Z"}]}""")]
    public async Task ConversationMessagesAcceptTheRealNestedAndTheSpecFlatShape(string messagesJson)
    {
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath == "/conversations/search"
            ? FakeGhlHandler.Json(HttpStatusCode.OK, """{"conversations":[{"id":"cv1","contactId":"c1","locationId":"loc-A"}],"total":1}""")
            : FakeGhlHandler.Json(HttpStatusCode.OK, messagesJson))));

        var messages = await harness.Client.GetConversationMessagesAsync(GhlTestHarness.LocationA, "c1");

        messages.Select(m => m.Id).ShouldBe(["m2", "m1"]);
        messages[0].ShouldBe(new GhlMessage("m2", "inbound", "TYPE_SMS", "yes", new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)));
        var requests = harness.Handler.Requests;
        requests[0].Uri.Query.ShouldContain("locationId=loc-A");
        requests[0].Uri.Query.ShouldContain("contactId=c1");
        requests[1].Uri.AbsolutePath.ShouldBe("/conversations/cv1/messages");
    }

    [Fact]
    public async Task ContactWithoutConversationHasNoMessages()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, """{"conversations":[],"total":0}""")));

        (await harness.Client.GetConversationMessagesAsync(GhlTestHarness.LocationA, "c1")).ShouldBeEmpty();
        harness.Handler.Count.ShouldBe(1);
    }

    [Fact]
    public async Task FreeSlotsAreReadFromTheDateKeyedMap()
    {
        const string json = """
            {"2024-10-29":{"slots":["2024-10-29T10:00:00-05:00"]},
             "2024-10-28":{"slots":["2024-10-28T10:00:00-05:00","2024-10-28T11:00:00-05:00"]},
             "traceId":"t-9"}
            """;
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK, json)));
        var from = new DateTimeOffset(2024, 10, 28, 0, 0, 0, TimeSpan.Zero);

        var slots = await harness.Client.GetFreeSlotsAsync(GhlTestHarness.LocationA, "cal1", from, from.AddDays(2), "America/Chicago");

        slots.ShouldBe([
            new DateTimeOffset(2024, 10, 28, 10, 0, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2024, 10, 28, 11, 0, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2024, 10, 29, 10, 0, 0, TimeSpan.FromHours(-5)),
        ]);
        var query = harness.Handler.Requests.Single().Uri.Query;
        query.ShouldContain("startDate=" + from.ToUnixTimeMilliseconds());
        query.ShouldContain("endDate=" + from.AddDays(2).ToUnixTimeMilliseconds());
        query.ShouldContain("timezone=America%2FChicago");
    }

    [Fact]
    public async Task AppointmentMapsTheCreatedEvent()
    {
        using var harness = GhlTestHarness.Create(FakeGhlHandler.Sequence(() => FakeGhlHandler.Json(HttpStatusCode.OK,
            """{"id":"ap1","calendarId":"cal1","locationId":"loc-A","contactId":"c1","startTime":"2026-03-03T15:00:00+00:00","endTime":"2026-03-03T15:30:00+00:00"}""")));
        var start = new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero);

        var appointment = await harness.Client.CreateAppointmentAsync(GhlTestHarness.LocationA, new GhlAppointmentRequest("cal1", "c1", start, start.AddMinutes(30)));

        appointment.ShouldBe(new GhlAppointment("ap1", "cal1", "c1", start, start.AddMinutes(30)));
    }
}
