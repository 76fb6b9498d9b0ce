using Microsoft.EntityFrameworkCore;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>An appointment booked in GHL moves the contact's sequence to BOOKED, also after it ended as QUALIFIED.</summary>
public sealed class BookingFlowTests
{
    [Fact]
    public async Task AppointmentCreate_AfterTheSequenceEndedAsQualified_BooksIt()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        var qualifiedAt = host.Clock.GetUtcNow().UtcDateTime;
        await host.WithDbAsync(async db =>
        {
            (await db.Sequences.SingleAsync(s => s.ContactId == contact.Id)).Qualify(qualifiedAt);
            return await db.SaveChangesAsync();
        });

        await SendAppointmentAsync(host, contact.Id);

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("booked");
        sequence.GetProperty("end_reason").GetString().ShouldBe("appointment booked");
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task AppointmentCreate_AfterTheSequenceWasStopped_LeavesItAsItWas()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        (await host.Client.DeleteAsync($"/sdr/sequences/{contact.Id}")).EnsureSuccessStatusCode();
        var stoppedAt = (await host.GetSequenceAsync(contact.Id)).GetProperty("current_step").GetString();

        await SendAppointmentAsync(host, contact.Id);

        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe(stoppedAt);
        sequence.GetProperty("end_reason").GetString().ShouldBe("stopped manually");
    }

    private static async Task SendAppointmentAsync(SdrTestHost host, string contactId)
    {
        var now = host.Clock.GetUtcNow();
        await host.Sandbox.Webhooks.SendAppointmentCreateAsync(
            SdrTestHost.Webhook("booking-confirmed"),
            new SandboxAppointment("apt-1", host.LocationId, host.Sandbox.State.Calendar(host.LocationId).Id, contactId, now.AddDays(2), now.AddDays(2).AddMinutes(30), "Listing consult", "confirmed", now));
        await host.WaitForWebhooksAsync();
    }
}
