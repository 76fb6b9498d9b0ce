using Sdr.Core.Ai;

namespace Sdr.Tests.Unit.Ai;

/// <summary>The content rules of a rewritten outreach message (<see cref="AnswerRules.Check(string, OutreachBrief)"/>).</summary>
public sealed class OutreachRulesTests
{
    private static readonly Dictionary<string, string> Facts = new() { ["address"] = "12 Oak St", ["days_on_market"] = "94", ["list_price"] = "$410,000" };

    [Theory]
    [InlineData("Saw 12 Oak St left the market after 94 days. Still selling?", null)]
    [InlineData("Your $410,000 listing at 12 Oak St: still selling?", null)]
    [InlineData("Saw 12 Oak St sat for 120 days. Still selling?", "rule:unknown_fact")]
    [InlineData("Get a plan at harborhomes.com", "rule:url")]
    [InlineData("We guarantee a sale in 94 days.", "rule:promise")]
    [InlineData("Hi {first_name}, still selling?", "rule:placeholder")]
    [InlineData("Still selling? \U0001F3E1", "rule:non_gsm")]
    [InlineData("", "rule:empty")]
    public void Check_AnSms_KeepsTheRules(string text, string? broken)
    {
        AnswerRules.Check(text, Brief(isSms: true)).ShouldBe(broken);
    }

    [Fact]
    public void Check_AnSmsLongerThanItsRoom_IsTooLong()
    {
        AnswerRules.Check(new string('a', 90), Brief(isSms: true, maxLength: 89)).ShouldBe(LlmFallbackReasons.TooLong);
    }

    [Fact]
    public void Check_ALinkTheTemplateHas_MayStay()
    {
        var brief = Brief(isSms: false) with { TemplateText = "See the snapshot at harborhomes.com/market." };

        AnswerRules.Check("The snapshot is at harborhomes.com/market.", brief).ShouldBeNull();
    }

    private static OutreachBrief Brief(bool isSms, int maxLength = 89) =>
        new(isSms, "Alex", "Harbor Realty", Facts, "Saw 12 Oak St left the market after 94 days. Still want to sell?", maxLength);
}
