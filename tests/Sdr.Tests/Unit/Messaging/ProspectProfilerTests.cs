using Sdr.Core.GoHighLevel;
using Sdr.Core.Messaging;
using Sdr.Core.Profiles;

namespace Sdr.Tests.Unit.Messaging;

/// <summary>The profile built from the GHL contact and what its source knew.</summary>
public sealed class ProspectProfilerTests
{
    private static readonly GhlContact Contact = new()
    {
        Id = "c1",
        FirstName = "Maria",
        Address1 = "7 Elm Rd",
        City = "Austin",
        State = "TX",
        PostalCode = "78701",
        Tags = ["newsletter"],
        DateUpdated = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Build_WithAListing_TakesItsAddressPricesAndSellerLeadType()
    {
        var listing = new ListingFacts("L-1", "expired_mls", "Expired", 410_000m, 450_000m, 430_000m, 94, "Residential",
            "12 Oak St", "Tampa", "FL", "33602", null, null);

        var profile = ProspectProfiler.Build(Contact, new ProspectHints(Listing: listing));

        profile.Address.ShouldBe("12 Oak St");
        profile.City.ShouldBe("Tampa");
        profile.State.ShouldBe("FL");
        profile.DaysOnMarket.ShouldBe(94);
        profile.ListingStatus.ShouldBe("Expired");
        profile.PropertyType.ShouldBe("Residential");
        profile.PriceHistory.ShouldBe(new PriceHistory(2, 40_000m, 8.9m));
        profile.LeadType.ShouldBe("seller");
        profile.LeadTypeEvidence.ShouldBe(["listing:expired_mls"]);
    }

    [Fact]
    public void Build_WithoutHints_TakesTheContactsAddressAndLastUpdate()
    {
        var profile = ProspectProfiler.Build(Contact, null);

        profile.Address.ShouldBe("7 Elm Rd");
        profile.City.ShouldBe("Austin");
        profile.PostalCode.ShouldBe("78701");
        profile.PriceHistory.ShouldBeNull();
        profile.LeadType.ShouldBeNull();
        profile.LastActivityAt.ShouldBe(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData(new[] { "Buyer lead" }, null, "buyer")]
    [InlineData(new[] { "newsletter" }, "Seller consult booked", "seller")]
    [InlineData(new[] { "buyer" }, "Listing appointment", "ambiguous")]
    [InlineData(new[] { "newsletter" }, "New lead", null)]
    public void Build_LeadType_ComesFromTagsAndTheOpportunitysStage(string[] tags, string? stage, string? expected)
    {
        var opportunity = stage is null ? null : new OpportunityFacts("o1", "p1", "s1", stage, "open", 350_000m, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        var profile = ProspectProfiler.Build(Contact with { Tags = tags }, new ProspectHints(Opportunity: opportunity));

        profile.LeadType.ShouldBe(expected);
    }

    [Fact]
    public void Build_WithAnOpportunityAndConfirmedActivity_KeepsStageValueAndTheLaterActivity()
    {
        var opportunity = new OpportunityFacts("o1", "p1", "s1", "Warm", "open", 350_000m, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        var profile = ProspectProfiler.Build(Contact, new ProspectHints(Opportunity: opportunity, LastActivityAt: new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc)));

        profile.OpportunityStage.ShouldBe("Warm");
        profile.OpportunityValue.ShouldBe(350_000m);
        profile.LastActivityAt.ShouldBe(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData(450_000, null, 450_000, 0, 0)]
    [InlineData(450_000, null, 400_000, 1, 50_000)]
    [InlineData(null, null, 400_000, 0, 0)]
    public void PriceHistory_CountsEachStepDown(int? original, int? previous, int? current, int reductions, int amount)
    {
        var history = PriceHistory.Of(original, previous, current)!;

        history.Reductions.ShouldBe(reductions);
        history.ReductionAmount.ShouldBe(amount);
    }

    [Fact]
    public void Profile_RoundTripsThroughItsJson()
    {
        var profile = ProspectProfiler.Build(Contact, null);

        ProspectProfile.FromJson(profile.ToJson())!.ToJson().ShouldBe(profile.ToJson());
        profile.ToJson().ShouldContain("\"address\":\"7 Elm Rd\"");
        ProspectProfile.FromJson("not json").ShouldBeNull();
    }
}
