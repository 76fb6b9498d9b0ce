using System.Net;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxMessagingTests
{
    [Fact]
    public async Task SentSmsIsRecordedAndAppearsInTheConversationWithTheRealNestedShape()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 50 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = SandboxHttp.FirstContact(sandbox, SandboxHttp.Textable);

        using var sent = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId = contact.Id, message = "Hi, still thinking of selling?" }));

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sentBody = await SandboxHttp.Json(sent);
        var conversationId = sentBody.GetProperty("conversationId").GetString()!;
        var messageId = sentBody.GetProperty("messageId").GetString()!;
        var recorded = sandbox.State.SentMessages.ShouldHaveSingleItem();
        recorded.ContactId.ShouldBe(contact.Id);
        recorded.Type.ShouldBe("SMS");
        recorded.Body.ShouldBe("Hi, still thinking of selling?");
        recorded.MessageId.ShouldBe(messageId);

        using var listed = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, $"conversations/{conversationId}/messages", SandboxHttp.ConversationsVersion));
        var outer = (await SandboxHttp.Json(listed)).GetProperty("messages");
        outer.GetProperty("lastMessageId").GetString().ShouldBe(messageId);
        outer.GetProperty("nextPage").GetBoolean().ShouldBeFalse();
        var message = outer.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        message.GetProperty("body").GetString().ShouldBe("Hi, still thinking of selling?");
        message.GetProperty("direction").GetString().ShouldBe("outbound");
        message.GetProperty("messageType").GetString().ShouldBe("TYPE_SMS");

        using var search = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Get, $"conversations/search?locationId=sandbox-location-1&contactId={contact.Id}", SandboxHttp.ConversationsVersion));
        var conversation = (await SandboxHttp.Json(search)).GetProperty("conversations").EnumerateArray().ShouldHaveSingleItem();
        conversation.GetProperty("id").GetString().ShouldBe(conversationId);
    }

    [Fact]
    public async Task SmsToAContactWithActiveSmsDndIsRejectedAndNotRecorded()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = sandbox.State.AddContact(new SandboxContact
        {
            LocationId = "sandbox-location-1",
            FirstName = "Opted",
            LastName = "Out",
            Phone = "+15125550123",
            DndSettings = { ["SMS"] = new SandboxDndSetting("active") },
        });

        using var response = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId = contact.Id, message = "hello" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SandboxHttp.Json(response)).GetProperty("message").GetString()!.ShouldContain("DND");
        sandbox.State.SentMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task LostResponseFaultStillRecordsTheMessageThenReturns500()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 50 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = SandboxHttp.FirstContact(sandbox, SandboxHttp.Textable);
        sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, Count: 1, ApplyBeforeFailing: true));

        using var failed = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId = contact.Id, message = "first try" }));
        using var next = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId = contact.Id, message = "second try" }));

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await SandboxHttp.Json(failed)).GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.State.SentMessages.Select(m => m.Body).ShouldBe(["first try", "second try"]);
    }

    [Fact]
    public async Task AbortFaultDropsTheConnectionWithoutApplyingTheWrite()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 50 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = SandboxHttp.FirstContact(sandbox, SandboxHttp.Textable);
        sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", Kind: SandboxFaultKind.AbortConnection));

        await Should.ThrowAsync<HttpRequestException>(() => http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId = contact.Id, message = "x" })));

        sandbox.State.SentMessages.ShouldBeEmpty();
    }
}
