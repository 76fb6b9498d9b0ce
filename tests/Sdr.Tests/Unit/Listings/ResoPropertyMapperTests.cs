using System.Text.Json;
using Sdr.Core.Listings;

namespace Sdr.Tests.Unit.Listings;

public sealed class ResoPropertyMapperTests
{
    [Fact]
    public void Map_ListingWithAnAgentAndNoOwnerPhone_NeverTakesTheAgentsPhone()
    {
        var property = Json("""
            {"ListingKey": "K1", "StandardStatus": "Expired", "ListAgentFullName": "Pat Agent",
             "ListAgentDirectPhone": "+15125550100", "ListAgentMobilePhone": "+15125550101", "ListAgentEmail": "pat@broker.example",
             "OwnerName": "Ann Lee"}
            """);

        var record = ResoPropertyMapper.Map(property, ListingSources.ExpiredMls)!;

        record.OwnerPhone.ShouldBeNull();
        record.OwnerEmail.ShouldBeNull();
        (record.OwnerFirstName, record.OwnerLastName).ShouldBe(("Ann", "Lee"));
    }

    [Fact]
    public void Map_ResoDataDictionaryFields_BecomeTheListingFacts()
    {
        var property = Json("""
            {"ListingKey": "K2", "StandardStatus": "Withdrawn", "ListPrice": 410000, "OriginalListPrice": 450000.5,
             "PreviousListPrice": "425000", "DaysOnMarket": 97, "PropertyType": "Residential", "UnparsedAddress": "12 Elm St",
             "City": "Denver", "StateOrProvince": "CO", "PostalCode": "80205", "ModificationTimestamp": "2026-02-03T04:05:06.007-07:00",
             "OwnerFirstName": "Bo", "OwnerLastName": "Ng", "OwnerPhone": "(303) 555-2001", "OwnerEmail": "bo@example.com"}
            """);

        var record = ResoPropertyMapper.Map(property, ListingSources.ExpiredMls)!;

        var facts = record.Facts;
        (facts.ListingKey, facts.StandardStatus, facts.ListPrice, facts.OriginalListPrice, facts.PreviousListPrice, facts.DaysOnMarket)
            .ShouldBe(("K2", "Withdrawn", 410_000m, 450_000.5m, 425_000m, 97));
        (facts.UnparsedAddress, facts.City, facts.StateOrProvince, facts.PostalCode).ShouldBe(("12 Elm St", "Denver", "CO", "80205"));
        facts.ModificationTimestamp.ShouldBe(new DateTime(2026, 2, 3, 11, 5, 6, 7, DateTimeKind.Utc));
        (record.OwnerFirstName, record.OwnerLastName, record.OwnerPhone).ShouldBe(("Bo", "Ng", "(303) 555-2001"));
    }

    [Fact]
    public void Map_RecordWithoutAListingKey_IsNone() =>
        ResoPropertyMapper.Map(Json("""{"StandardStatus": "Expired"}"""), ListingSources.ExpiredMls).ShouldBeNull();

    [Theory]
    [InlineData("DOE, JANE", "JANE", "DOE")]
    [InlineData("Jane Q. Doe", "Jane Q.", "Doe")]
    [InlineData("Cher", "Cher", null)]
    public void SplitName_MlsAndPlainStyles_GiveFirstAndLast(string name, string first, string? last) =>
        ListingRecord.SplitName(name).ShouldBe((first, last));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
