using Sdr.Server.Commands;

namespace Sdr.Tests.Integration.Listings;

public sealed class ImportListingsCommandTests
{
    [Fact]
    public async Task MissingFile_ExitsWithTwo()
    {
        var code = await SdrCli.RunAsync(["import-listings", Path.Combine(Path.GetTempPath(), "no-such-listings.csv"), "--source", "fsbo", "--location", "loc"]);

        code.ShouldBe(2);
    }

    [Theory]
    [InlineData("--location", "loc")]
    [InlineData("--source", "mls")]
    public async Task BadUsage_ExitsWithTwo(string option, string value)
    {
        var file = Path.GetTempFileName();
        try
        {
            (await SdrCli.RunAsync(["import-listings", file, option, value])).ShouldBe(2);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
