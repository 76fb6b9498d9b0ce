using Sdr.Core.Listings;

namespace Sdr.Tests.Unit.Listings;

public sealed class ListingsOptionsValidatorTests
{
    [Fact]
    public void FeedWithoutAuthenticationOrAnFsboFilter_FailsNamingTheKeys()
    {
        var options = new ListingsOptions
        {
            Feeds = [new ListingFeedOptions { LocationId = "loc", Source = ListingSources.Fsbo, Url = "https://fsbo.example/Property" }],
            CustomFields = new(StringComparer.OrdinalIgnoreCase) { ["lot_size"] = "x" },
        };

        var result = new ListingsOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("sdr:listings:feeds:0:filter is required for an fsbo feed");
        result.FailureMessage.ShouldContain("sdr:listings:feeds:0: set token_url");
        result.FailureMessage.ShouldContain("sdr:listings:custom_fields:lot_size is not a listing fact");
    }

    [Fact]
    public void ClientCredentialsFeed_IsValid()
    {
        var options = new ListingsOptions
        {
            Feeds =
            [
                new ListingFeedOptions
                {
                    LocationId = "loc",
                    Source = ListingSources.ExpiredMls,
                    Url = "https://mls.example/reso/odata/Property",
                    TokenUrl = "https://mls.example/oauth/token",
                    ClientId = "sdr",
                    ClientSecretEnv = "MLS_SECRET",
                },
            ],
        };

        new ListingsOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
    }
}
