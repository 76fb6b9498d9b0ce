using Sdr.Core.Listings;

namespace Sdr.Tests.Unit.Listings;

public sealed class ListingCsvColumnsTests
{
    [Fact]
    public void MapColumns_ResoNamesByDefault_AnyCase_WithABomOnTheFirstHeader()
    {
        var columns = ListingCsvImport.MapColumns(["\uFEFFlistingkey", "OWNERPHONE", "ListPrice", "Notes"], new Dictionary<string, string>(), out var ignored);

        (columns[ListingFields.ListingKey], columns[ListingFields.OwnerPhone], columns[ListingFields.ListPrice]).ShouldBe((0, 1, 2));
        ignored.ShouldBe(["Notes"]);
    }

    [Fact]
    public void MapColumns_ConfiguredNameReplacesTheResoName()
    {
        var configured = new Dictionary<string, string> { [ListingFields.OwnerPhone] = "Seller Cell" };

        var error = Should.Throw<ListingCsvFileException>(() => ListingCsvImport.MapColumns(["ListingKey", "OwnerPhone"], configured, out _));

        error.Message.ShouldContain("Seller Cell (owner_phone)");
    }
}
