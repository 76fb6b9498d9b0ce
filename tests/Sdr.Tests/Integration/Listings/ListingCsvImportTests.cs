using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data.Entities;
using Sdr.Core.Listings;
using Sdr.Core.Phones;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Listings;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class ListingCsvImportTests : IDisposable
{
    private const string Header = "ListingKey,StandardStatus,ListPrice,OriginalListPrice,DaysOnMarket,PropertyType,UnparsedAddress,City,StateOrProvince,PostalCode,ModificationTimestamp,OwnerName,OwnerPhone,OwnerEmail";
    private readonly string _folder = Directory.CreateTempSubdirectory("sdr-listings-csv-").FullName;

    [Fact]
    public async Task FileWithoutTheRequiredColumns_IsRefused_NamingEachMissingColumn()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var file = Write("a.csv", "MLS Number,Owner,Price\nA1,Ann Lee,100000\n");

        var error = await Should.ThrowAsync<ListingCsvFileException>(() => ImportAsync(host, file));

        error.Message.ShouldContain("ListingKey (listing_key)");
        error.Message.ShouldContain("OwnerPhone (owner_phone)");
        (await host.WithDbAsync(db => db.Listings.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ConfiguredColumnNames_ExtraColumnsAndABom_AreRead_AndTheExtrasReported()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["sdr:listings:csv:columns:listing_key"] = "MLS #",
            ["sdr:listings:csv:columns:owner_phone"] = "Owner Phone",
        });
        var file = Path.Combine(_folder, "bom.csv");
        await File.WriteAllTextAsync(file, "MLS #,Owner Phone,OwnerName,ListPrice,Agent Notes,Lockbox\nA1,(512) 555-2101,\"Lee, Ann\",\"$350,000\",call first,1234\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await ImportAsync(host, file);

        result.Rows.ShouldBe(1);
        result.Staged.Inserted.ShouldBe(1);
        result.IgnoredColumns.ShouldBe(["Agent Notes", "Lockbox"]);
        var row = await host.WithDbAsync(db => db.Listings.SingleAsync());
        (row.ListingKey, row.OwnerPhone, row.OwnerFirstName, row.OwnerLastName, row.ListPrice).ShouldBe(("A1", "+15125552101", "Ann", "Lee", 350_000m));
    }

    [Fact]
    public async Task RowErrors_AreReportedByLineAndField_AndOnlyGoodRowsAreOffered()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var file = Write("errors.csv", Header + "\n"
            + Row("K1", "+15125552001") + "\n"
            + Row("", "+15125552002") + "\n"
            + Row("K3", "+15125552003", price: "lots") + "\n"
            + Row("K4", "555-01") + "\n"
            + Row("K5", "") + "\n"
            + Row("K6", "+15125552006", days: "-3") + "\n");

        var result = await ImportAsync(host, file);
        var report = Path.Combine(_folder, "report.csv");
        ListingCsvImport.WriteReport(report, result.Errors);

        result.Rows.ShouldBe(6);
        result.RejectedRows.ShouldBe(3);
        result.Staged.Inserted.ShouldBe(3);
        result.Staged.Excluded.ShouldBe(new Dictionary<string, int> { [ListingExclusions.InvalidOwnerPhone] = 1, [ListingExclusions.NoOwnerPhone] = 1 });
        var lines = await File.ReadAllLinesAsync(report);
        lines[0].ShouldBe("line,field,error");
        lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).ShouldBe(["3,listing_key", "4,list_price", "5,owner_phone", "6,owner_phone", "7,days_on_market"]);
        lines.ShouldNotContain(l => l.Contains("555-01", StringComparison.Ordinal));
        var candidates = await ReadAsync(host, ListingSources.Fsbo);
        candidates.Select(c => c.Facts.ListingKey).ShouldBe(["K1"]);
    }

    [Fact]
    public async Task DuplicateKeysAndOwners_InTheFileAndAgainstWhatIsStaged_StageNoDuplicate()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var first = Write("first.csv", Header + "\n" + Row("D1", "+15125552001") + "\n" + Row("D2", "+15125552002") + "\n");
        await ImportAsync(host, first);
        var second = Write("second.csv", Header + "\n"
            + Row("D1", "+15125552001", price: "300000", modified: "2026-03-01T00:00:00Z") + "\n"
            + Row("D3", "512-555-2002") + "\n"
            + Row("D4", "+15125552004") + "\n"
            + Row("D4", "+15125552004") + "\n"
            + Row("D5", "+1 (512) 555-2004") + "\n");

        var result = await ImportAsync(host, second);

        result.DuplicateKeys.ShouldBe(1);
        result.Staged.Updated.ShouldBe(1);
        result.Staged.Excluded[ListingExclusions.DuplicateOwner].ShouldBe(2);
        var rows = await host.WithDbAsync(db => db.Listings.OrderBy(l => l.ListingKey).ToListAsync());
        rows.Select(l => l.ListingKey).ShouldBe(["D1", "D2", "D3", "D4", "D5"]);
        rows.Single(l => l.ListingKey == "D1").ListPrice.ShouldBe(300_000m);
        var offered = await ReadAsync(host, ListingSources.Fsbo);
        offered.Select(c => c.OwnerPhone).ShouldBe(offered.Select(c => c.OwnerPhone).Distinct());
        offered.Select(c => c.Facts.ListingKey).ShouldBe(["D1", "D2", "D4"]);
    }

    [Fact]
    public async Task OwnersOnTheSuppressionLedgerOrTheDoNotCallList_AreStagedExcluded_NeverOffered()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        await host.WithDbAsync(db =>
        {
            var now = host.Clock.GetUtcNow().UtcDateTime;
            db.Suppressions.Add(new SdrSuppression { PhoneHash = PhoneHash.Of("+15125552001"), Reason = "on the imported do-not-call list", Source = SuppressionSources.DncImport, CreatedAt = now });
            db.Suppressions.Add(new SdrSuppression { PhoneHash = PhoneHash.Of("+15125552002"), LocationId = host.LocationId, Reason = "replied STOP", Source = SuppressionSources.Reply, CreatedAt = now });
            db.Suppressions.Add(new SdrSuppression { PhoneHash = PhoneHash.Of("+15125552003"), LocationId = "another-location", Reason = "replied STOP", Source = SuppressionSources.Reply, CreatedAt = now });
            return db.SaveChangesAsync();
        });
        var file = Write("dnc.csv", Header + "\n" + Row("S1", "+15125552001") + "\n" + Row("S2", "+15125552002") + "\n" + Row("S3", "+15125552003") + "\n");

        var result = await ImportAsync(host, file);

        result.Staged.Excluded.ShouldBe(new Dictionary<string, int> { [ListingExclusions.DoNotCall] = 1, [ListingExclusions.Suppressed] = 1 });
        (await ReadAsync(host, ListingSources.Fsbo)).Select(c => c.Facts.ListingKey).ShouldBe(["S3"]);
    }

    [Fact]
    public async Task OwnerPii_IsEncryptedAtRest()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        await ImportAsync(host, Write("pii.csv", Header + "\n" + Row("P1", "+15125552001") + "\n"));

        var raw = await host.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT owner_phone || '|' || owner_first_name || '|' || owner_email FROM sdr_listings";
            return (string)(await command.ExecuteScalarAsync())!;
        });

        raw.ShouldNotContain("5125552001");
        raw.ShouldNotContain("Owner");
        raw.ShouldNotContain("example.com");
    }

    [Fact]
    public async Task HundredThousandRows_AreStagedInOneGo()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var file = Path.Combine(_folder, "big.csv");
        WriteLargeFile(file, 100_000);

        var result = await ImportAsync(host, file);

        result.Rows.ShouldBe(100_000);
        result.Staged.Inserted.ShouldBe(100_000);
        result.Errors.ShouldBeEmpty();
        (await host.WithDbAsync(db => db.Listings.CountAsync(l => l.State == ListingState.Staged))).ShouldBe(100_000);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Rows with distinct keys and owners (valid numbers across 512, 602 and 303 area codes).</summary>
    internal static void WriteLargeFile(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine(Header);
        string[] areas = ["512", "602", "303", "206", "305"];
        for (var i = 0; i < rows; i++)
        {
            var phone = $"+1{areas[i % areas.Length]}{(2_000_000 + i).ToString(CultureInfo.InvariantCulture)}";
            writer.WriteLine(Row($"BIG-{i:D6}", phone, price: (200_000 + i).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string Row(string key, string phone, string price = "350000", string days = "45", string modified = "2026-02-01T12:00:00Z") =>
        $"{key},Active,{price},375000,{days},Residential,101 Main St,Austin,TX,78704,{modified},Owner {key},{phone},owner.{key}@example.com";

    private static async Task<ListingCsvImportResult> ImportAsync(SdrTestHost host, string file)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ListingCsvImport>().ImportAsync(file, host.LocationId, ListingSources.Fsbo, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<ListingCandidate>> ReadAsync(SdrTestHost host, string source)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IListingCandidates>().ReadAsync(host.LocationId, source, 1000);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
