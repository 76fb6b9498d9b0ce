using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public sealed class ReplyCategoryNamesTests
{
    [Fact]
    public void EveryCategoryHasTheSeedsWireName_AndParsesBack()
    {
        ReplyCategoryNames.All.ShouldBe(
            ["opt_out", "not_interested", "already_agent", "timing", "price", "info_request", "engagement", "help", "start"]);

        foreach (var category in Enum.GetValues<ReplyCategory>())
        {
            ReplyCategoryNames.TryParse(category.ToName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(category);
        }
    }

    [Theory]
    [InlineData(" Not_Interested ", true)]
    [InlineData("auto_responder", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyWireNames(string? name, bool expected) =>
        ReplyCategoryNames.TryParse(name, out _).ShouldBe(expected);
}
