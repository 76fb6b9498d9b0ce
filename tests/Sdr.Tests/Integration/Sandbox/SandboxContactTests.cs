using System.Net;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxContactTests
{
    [Fact]
    public async Task AddingTagsKeepsTheExistingOnes()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = sandbox.State.AddContact(new SandboxContact { LocationId = "sandbox-location-1", FirstName = "Tag", Tags = ["probate", "warm"] });

        using var response = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, $"contacts/{contact.Id}/tags", SandboxHttp.ContactsVersion, new { tags = new[] { "sdr-contacted" } }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var fetched = await http.SendAsync(SandboxHttp.Request(HttpMethod.Get, $"contacts/{contact.Id}", SandboxHttp.ContactsVersion));
        var tags = (await SandboxHttp.Json(fetched)).GetProperty("contact").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        tags.ShouldBe(["probate", "warm", "sdr-contacted"], ignoreOrder: true);
        sandbox.State.TagChanges.ShouldHaveSingleItem().Tag.ShouldBe("sdr-contacted");
    }

    [Fact]
    public async Task SettingSmsDndThroughPutBlocksLaterSms()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 50 });
        using var http = SandboxHttp.Client(sandbox);
        var contact = SandboxHttp.FirstContact(sandbox, SandboxHttp.Textable);
        var dnd = new Dictionary<string, object> { ["SMS"] = new { status = "active" } };

        using var put = await http.SendAsync(SandboxHttp.Request(HttpMethod.Put, $"contacts/{contact.Id}", SandboxHttp.ContactsVersion, new { dndSettings = dnd }));
        using var sms = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId = contact.Id, message = "hi" }));

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        sandbox.State.DndUpdates.ShouldHaveSingleItem().ContactId.ShouldBe(contact.Id);
        sms.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SearchByDateUpdatedReturnsOnlyOlderContactsWithPaging()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 120 });
        using var http = SandboxHttp.Client(sandbox);
        var cutoff = DateTimeOffset.UtcNow.AddDays(-30);
        var expected = sandbox.State.Contacts("sandbox-location-1").Count(c => c.DateUpdated < cutoff);

        using var response = await http.SendAsync(SandboxHttp.Request(HttpMethod.Post, "contacts/search", SandboxHttp.ContactsVersion, new
        {
            locationId = "sandbox-location-1",
            pageLimit = 10,
            filters = new[] { new { field = "dateUpdated", @operator = "range", value = new { lt = cutoff.ToString("O") } } },
        }));

        var body = await SandboxHttp.Json(response);
        body.GetProperty("total").GetInt32().ShouldBe(expected);
        body.GetProperty("contacts").GetArrayLength().ShouldBe(Math.Min(10, expected));
    }

    [Fact]
    public async Task SeededDataIsDeterministicAndGhlShaped()
    {
        await using var a = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 300 });
        await using var b = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 300 });
        var contactsA = a.State.Contacts("sandbox-location-1");

        contactsA.Select(c => c.Id).ShouldBe(b.State.Contacts("sandbox-location-1").Select(c => c.Id));
        contactsA.ShouldAllBe(c => c.Id.Length == 20);
        contactsA.Where(c => c.Phone != null).ShouldAllBe(c => c.Phone!.StartsWith("+1") && c.Phone.Length == 12);
        contactsA.ShouldContain(c => c.State == "HI");
        contactsA.ShouldContain(c => c.Dnd);
        contactsA.ShouldContain(c => c.Phone == null);
        a.State.Opportunities("sandbox-location-1").Count.ShouldBe(100);
        a.State.Workflows("sandbox-location-1").ShouldContain(w => w.Name == "SMS_1");
    }
}
