using Microsoft.EntityFrameworkCore;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Integration.Data;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Model_HasNoChangesWithoutAMigration_AndMigrationsApply(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);

        (await host.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()))).ShouldBeFalse(
            $"the {provider} model changed without a migration: run dotnet ef migrations add for it");
        (await host.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).Count())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Database_RefusesASecondActiveSequenceForTheSameContact(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contact = host.TextableContacts(1)[0];
        (await host.EnrollAsync(contact.Id)).EnsureSuccessStatusCode();

        var insert = () => host.WithDbAsync(async db =>
        {
            var existing = await db.Sequences.AsNoTracking().SingleAsync();
            existing.Id = 0;
            existing.Prospect = null;
            db.Sequences.Add(existing);
            return await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateException>(insert);
    }
}
