using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Compliance;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class SuppressionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SuppressedContact_GetsNoLaterTouch_AndTheSequenceEndsOptedOut(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();
        await host.WithDbAsync(db =>
        {
            db.Suppressions.Add(new SdrSuppression { ContactId = contact.Id, Reason = "replied STOP", Source = SuppressionSources.Reply, CreatedAt = host.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        host.Clock.Advance(TimeSpan.FromHours(24));

        var batch = await host.ProcessBatchAsync();

        batch.GetProperty("dispatched").GetInt32().ShouldBe(0);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == contact.Id).ShouldBe(1);
        var sequence = await host.GetSequenceAsync(contact.Id);
        sequence.GetProperty("current_step").GetString().ShouldBe("opted_out");
        sequence.GetProperty("active").GetBoolean().ShouldBeFalse();
        sequence.GetProperty("decisions").EnumerateArray().Last().GetProperty("reason").GetString()!.ShouldContain("replied STOP");

        // Nor can the contact be enrolled again.
        var again = await (await host.EnrollAsync(contact.Id)).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("skipped")[0].GetProperty("reason").GetString().ShouldBe("suppressed");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DoNotCallImport_BlocksListedNumbers_AndIsIdempotent(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(2);
        var (listed, other) = (contacts[0], contacts[1]);
        (await host.EnrollAsync(other.Id)).EnsureSuccessStatusCode();
        var file = $"phone\n{listed.Phone}\nnot a number\n\n\"{other.Phone}\",Some Name\n";

        var first = await ImportAsync(host, file);
        var second = await ImportAsync(host, file);
        var enrol = await (await host.EnrollAsync(listed.Id)).Content.ReadFromJsonAsync<JsonElement>();
        host.Clock.Advance(TimeSpan.FromHours(24));
        await host.ProcessBatchAsync();

        first.Imported.ShouldBe(2);
        first.InvalidLines.ShouldBe([3]);
        second.Imported.ShouldBe(0);
        second.AlreadyListed.ShouldBe(2);
        enrol.GetProperty("skipped")[0].GetProperty("reason").GetString().ShouldBe("suppressed");
        host.Sandbox.State.SentMessages.ShouldNotContain(m => m.ContactId == listed.Id);
        host.Sandbox.State.SentMessages.Count(m => m.ContactId == other.Id).ShouldBe(1);
        (await host.GetSequenceAsync(other.Id)).GetProperty("current_step").GetString().ShouldBe("opted_out");
        (await host.WithDbAsync(db => db.Suppressions.CountAsync())).ShouldBe(2);
        (await host.WithDbAsync(db => db.Suppressions.AnyAsync(s => s.PhoneHash == listed.Phone))).ShouldBeFalse();
    }

    private static async Task<DoNotCallImportResult> ImportAsync(SdrTestHost host, string content)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DoNotCallImport>().ImportAsync(new StringReader(content), null, CancellationToken.None);
    }
}
