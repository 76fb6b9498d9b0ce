using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Webhooks;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Sandbox;

public sealed class SandboxPersonaTests
{
    private const string Location = "sandbox-location-1";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadyBuyer_AnswersOurText_WithAWebhookTheProductAcceptsAfterTheDelay()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var listener = await WebhookListener.StartAsync();
        await using var sandbox = await StartAsync(clock, listener, TimeSpan.FromSeconds(10));
        var buyer = PersonaContact(sandbox, SandboxPersona.ReadyBuyer);
        using var http = SandboxHttp.Client(sandbox);

        var sent = await SendSmsAsync(http, buyer, "Hi, this is Sam with Acme Realty. Still looking for a home? Reply STOP to opt out");
        clock.Advance(TimeSpan.FromMilliseconds(9_900));
        await Task.Delay(300);
        listener.Received.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromMilliseconds(200));

        var hook = (await listener.WaitForAsync(1)).ShouldHaveSingleItem();
        hook.Endpoint.ShouldBe("reply");
        using var authenticator = new WebhookAuthenticator(Options.Create(new WebhookOptions
        {
            Ed25519PublicKey = sandbox.Webhooks.Ed25519PublicKeyPem,
            RsaPublicKey = sandbox.Webhooks.RsaPublicKeyPem,
        }));
        authenticator.Authenticate(hook.Body, hook.Headers["x-ghl-signature"], hook.Headers["x-wh-signature"], null).ShouldBe(WebhookAuthResult.Ed25519);
        var payload = hook.Json;
        payload.GetProperty("type").GetString().ShouldBe("InboundMessage");
        payload.GetProperty("messageType").GetString().ShouldBe("SMS");
        payload.GetProperty("direction").GetString().ShouldBe("inbound");
        payload.GetProperty("locationId").GetString().ShouldBe(Location);
        payload.GetProperty("contactId").GetString().ShouldBe(buyer);
        payload.GetProperty("conversationId").GetString().ShouldBe(sent.GetProperty("conversationId").GetString());
        payload.GetProperty("body").GetString().ShouldBe("Yes! We're pre-approved for 450k and want to move in the next 30 days. Can we see some homes?");
        DateTimeOffset.Parse(payload.GetProperty("dateAdded").GetString()!).ShouldBe(Monday.AddMilliseconds(10_100));

        using var history = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Get, $"conversations/{sent.GetProperty("conversationId").GetString()}/messages", SandboxHttp.ConversationsVersion));
        var newest = (await SandboxHttp.Json(history)).GetProperty("messages").GetProperty("messages")[0];
        newest.GetProperty("direction").GetString().ShouldBe("inbound");
        newest.GetProperty("id").GetString().ShouldBe(payload.GetProperty("messageId").GetString());
        sandbox.State.WebhookDeliveries.ShouldHaveSingleItem().StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task ReadyBuyer_PicksTheFirstOfferedTime_ThenThanksOnce()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var listener = await WebhookListener.StartAsync();
        await using var sandbox = await StartAsync(clock, listener, TimeSpan.Zero);
        var buyer = PersonaContact(sandbox, SandboxPersona.ReadyBuyer);
        using var http = SandboxHttp.Client(sandbox);

        await SendSmsAsync(http, buyer, "Hi, are you still looking for a home?");
        await listener.WaitForAsync(1);
        await SendSmsAsync(http, buyer, "Great! What's your budget?");
        await listener.WaitForAsync(2);
        await SendSmsAsync(http, buyer, "I can show you homes: 1) Tue 3:00 PM 2) Wed 10:00 AM. Which works?");
        await listener.WaitForAsync(3);
        await SendSmsAsync(http, buyer, "You're booked for Tuesday at 3:00 PM with Sam.");
        await listener.WaitForAsync(4);
        await SendSmsAsync(http, buyer, "See you then.");
        await Task.Delay(300);

        sandbox.State.PersonaReplies.Select(r => r.Body).ShouldBe(
        [
            "Yes! We're pre-approved for 450k and want to move in the next 30 days. Can we see some homes?",
            "We're pre-approved for 450k with our lender.",
            "The first one works",
            "Thanks!",
        ]);
    }

    [Fact]
    public async Task SilentPersonaAndPlainContacts_NeverAnswer()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var listener = await WebhookListener.StartAsync();
        await using var sandbox = await StartAsync(clock, listener, TimeSpan.Zero);
        var silent = PersonaContact(sandbox, SandboxPersona.Silent);
        var plain = sandbox.State.Contacts(Location).First(c => SandboxHttp.Textable(c) && sandbox.State.PersonaOf(c.Id) is null).Id;
        var wrongNumber = PersonaContact(sandbox, SandboxPersona.WrongNumber);
        using var http = SandboxHttp.Client(sandbox);

        await SendSmsAsync(http, silent, "Hi, still looking?");
        await SendSmsAsync(http, plain, "Hi, still looking?");
        await SendSmsAsync(http, wrongNumber, "Hi, still looking?");
        await listener.WaitForAsync(1);
        await Task.Delay(300);

        listener.Received.ShouldHaveSingleItem().Json.GetProperty("contactId").GetString().ShouldBe(wrongNumber);
        sandbox.State.PersonaReplies.ShouldHaveSingleItem().Body.ShouldBe("Wrong number, I'm not looking to buy anything.");
        sandbox.State.ConversationForContact(silent)!.Messages.ShouldAllBe(m => m.Direction == "outbound");
        sandbox.State.ConversationForContact(plain)!.Messages.ShouldAllBe(m => m.Direction == "outbound");
    }

    [Fact]
    public async Task Personas_WithoutAWebhookTarget_NeverAnswer()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions
        {
            ContactsPerLocation = 5,
            PersonasEnabled = true,
            TimeProvider = clock,
            PersonaReplyDelay = TimeSpan.Zero,
            PersonaReplyJitter = TimeSpan.Zero,
        });
        using var http = SandboxHttp.Client(sandbox);

        await SendSmsAsync(http, PersonaContact(sandbox, SandboxPersona.Hostile), "Hi, still looking?");
        await Task.Delay(300);

        sandbox.State.PersonaReplies.ShouldBeEmpty();
        sandbox.State.WebhookDeliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonaAnswers_StopAtTheDailyCap_UntilTheNextUtcDay()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var listener = await WebhookListener.StartAsync();
        await using var sandbox = await StartAsync(clock, listener, TimeSpan.Zero);
        var hostile = PersonaContact(sandbox, SandboxPersona.Hostile);
        using var http = SandboxHttp.Client(sandbox);

        for (var i = 0; i < 9; i++)
        {
            await SendSmsAsync(http, hostile, $"Message {i}");
        }

        await listener.WaitForAsync(6);
        await Task.Delay(300);
        sandbox.State.PersonaReplies.Count.ShouldBe(6);
        sandbox.State.PersonaReplies.ShouldAllBe(r => r.Body == "Stop texting me you idiots");

        clock.Advance(TimeSpan.FromHours(7));
        await SendSmsAsync(http, hostile, "A new day");
        await listener.WaitForAsync(7);
    }

    [Fact]
    public async Task StopConfirmation_IsAnsweredOnlyByTheAutoResponder_AtMostOnceAMinute()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var listener = await WebhookListener.StartAsync();
        await using var sandbox = await StartAsync(clock, listener, TimeSpan.Zero);
        var hostile = PersonaContact(sandbox, SandboxPersona.Hostile);
        var driver = PersonaContact(sandbox, SandboxPersona.AutoResponder);
        using var http = SandboxHttp.Client(sandbox);
        const string confirmation = "You have been unsubscribed and will receive no more messages from Acme Realty.";

        await SendSmsAsync(http, hostile, confirmation);
        await SendSmsAsync(http, driver, confirmation);
        await listener.WaitForAsync(1);
        await SendSmsAsync(http, driver, "Another one within the minute");
        clock.Advance(TimeSpan.FromMinutes(1));
        await SendSmsAsync(http, driver, "A minute later");
        await listener.WaitForAsync(2);
        await Task.Delay(300);

        sandbox.State.PersonaReplies.Count.ShouldBe(2);
        sandbox.State.PersonaReplies.ShouldAllBe(r => r.ContactId == driver && r.Persona == SandboxPersona.AutoResponder);
        sandbox.State.PersonaReplies[0].Body.ShouldStartWith("I'm driving with Do Not Disturb While Driving turned on.");
    }

    [Fact]
    public async Task BookingAnAppointment_PostsASignedAppointmentCreate()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions
        {
            ContactsPerLocation = 5,
            WebhookTarget = new SandboxWebhookTarget(listener.BaseUrl, SharedSecret: "s3cret"),
        });
        using var http = SandboxHttp.Client(sandbox);
        var calendar = sandbox.State.Calendar(Location);
        var contact = sandbox.State.Contacts(Location)[0];
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, chicago).Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var start = new DateTimeOffset(day.AddHours(10), chicago.GetUtcOffset(day.AddHours(10)));

        using var booked = await http.SendAsync(SandboxHttp.Request(HttpMethod.Post, "calendars/events/appointments", SandboxHttp.ConversationsVersion, new
        {
            calendarId = calendar.Id,
            locationId = Location,
            contactId = contact.Id,
            startTime = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        }));

        booked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var hook = (await listener.WaitForAsync(1)).ShouldHaveSingleItem();
        hook.Endpoint.ShouldBe("booking-confirmed");
        hook.Headers["X-Webhook-Secret"].ShouldBe("s3cret");
        using var authenticator = new WebhookAuthenticator(Options.Create(new WebhookOptions { Ed25519PublicKey = sandbox.Webhooks.Ed25519PublicKeyPem }));
        authenticator.Authenticate(hook.Body, hook.Headers["x-ghl-signature"], null, null).ShouldBe(WebhookAuthResult.Ed25519);
        var payload = hook.Json;
        payload.GetProperty("type").GetString().ShouldBe("AppointmentCreate");
        payload.GetProperty("locationId").GetString().ShouldBe(Location);
        var appointment = payload.GetProperty("appointment");
        appointment.GetProperty("id").GetString().ShouldBe(sandbox.State.Appointments.ShouldHaveSingleItem().Id);
        appointment.GetProperty("contactId").GetString().ShouldBe(contact.Id);
        appointment.GetProperty("calendarId").GetString().ShouldBe(calendar.Id);
        appointment.GetProperty("appointmentStatus").GetString().ShouldBe("confirmed");
        DateTimeOffset.Parse(appointment.GetProperty("startTime").GetString()!).ShouldBe(start);
    }

    [Fact]
    public async Task PersonasEndpoint_ListsEveryPersona_WithOneInsideFederalHoursAtEveryHour()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 5, PersonasEnabled = true, TimeProvider = clock });
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.GetAsync($"sandbox/personas?locationId={Location}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await SandboxHttp.Json(response)).GetProperty("personas").EnumerateArray().ToList();
        listed.Select(p => p.GetProperty("persona").GetString()).Distinct().ShouldBe(
            ["ready_buyer", "seller_with_an_agent", "timing", "price", "info_request", "wrong_number", "hostile", "silent", "auto_responder"]);
        listed.Select(p => p.GetProperty("contactId").GetString()).ShouldAllBe(id => sandbox.State.PersonaOf(id!) != null);
        var personas = sandbox.State.PersonaContacts(Location);
        foreach (var day in new[] { Monday, new DateTimeOffset(2026, 7, 6, 0, 0, 0, TimeSpan.Zero) })
        {
            for (var hour = 0; hour < 24 * 4; hour++)
            {
                var now = day.Date.AddMinutes(hour * 15);
                personas.GroupBy(p => p.Persona).ShouldAllBe(g => g.Any(p => p.IsWithinFederalHours(new DateTimeOffset(now, TimeSpan.Zero))));
            }
        }

        foreach (var persona in personas)
        {
            var contact = sandbox.State.GetContact(persona.ContactId)!;
            SandboxHttp.Textable(contact).ShouldBeTrue();
            Sdr.Core.Phones.ResolvedPhone.Of(contact.Phone).ShouldNotBeNull($"{contact.Phone} should be a valid number");
        }
    }

    [Fact]
    public async Task PersonasEnabled_LeavesThePlainContactsAsTheyWere()
    {
        await using var plain = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 30 });
        await using var withPersonas = await GhlSandbox.StartAsync(new SandboxOptions { ContactsPerLocation = 30, PersonasEnabled = true });

        withPersonas.State.Contacts(Location).Take(30).Select(c => (c.Id, c.Phone, c.Timezone))
            .ShouldBe(plain.State.Contacts(Location).Select(c => (c.Id, c.Phone, c.Timezone)));
        withPersonas.State.Calendar(Location).ShouldBe(plain.State.Calendar(Location));
        withPersonas.State.Contacts(Location).Count.ShouldBe(30 + 72);
        plain.State.PersonaContacts(Location).ShouldBeEmpty();
    }

    private static async Task<GhlSandbox> StartAsync(FakeTimeProvider clock, WebhookListener listener, TimeSpan delay) =>
        await GhlSandbox.StartAsync(new SandboxOptions
        {
            ContactsPerLocation = 5,
            PersonasEnabled = true,
            TimeProvider = clock,
            PersonaReplyDelay = delay,
            PersonaReplyJitter = TimeSpan.Zero,
            WebhookTarget = new SandboxWebhookTarget(listener.BaseUrl),
        });

    private static string PersonaContact(GhlSandbox sandbox, SandboxPersona persona) =>
        sandbox.State.PersonaContacts(Location).First(p => p.Persona == persona).ContactId;

    private static async Task<JsonElement> SendSmsAsync(HttpClient http, string contactId, string text)
    {
        using var response = await http.SendAsync(SandboxHttp.Request(
            HttpMethod.Post, "conversations/messages", SandboxHttp.ConversationsVersion, new { type = "SMS", contactId, message = text }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await SandboxHttp.Json(response);
    }
}
