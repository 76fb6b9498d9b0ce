using Sdr.Core.Qualification;
using static Sdr.Tests.Unit.Qualification.QualificationTestData;

namespace Sdr.Tests.Unit.Qualification;

public sealed class LeadIntentDecoderTests
{
    private readonly LeadIntentDecoder _decoder = Decoder();

    [Fact]
    public void RealEstate_IsNotAnEstateToSettle()
    {
        var profile = _decoder.Decode(Conversation(Opener, "I work in real estate myself"), NoHint);

        profile.Signals.ShouldNotContain(s => s.Name == "inherited");
        profile.Missing.ShouldContain(QualificationGap.Motivation);
    }

    [Fact]
    public void SettlingAnEstate_IsAMotivation()
    {
        var profile = _decoder.Decode(Conversation(Opener, "We're settling my dad's estate and will have to sell the house"), NoHint);

        profile.Signals.ShouldContain(s => s.Name == "inherited" && s.Weight > 0);
        profile.Missing.ShouldNotContain(QualificationGap.Motivation);
    }

    [Theory]
    [InlineData("Not pre-approved yet")]
    [InlineData("We haven't been pre-approved")]
    [InlineData("we are not yet pre approved, still talking to banks")]
    [InlineData("No estamos pre-aprobados todavía")]
    public void NegatedPreApproval_IsABudgetGap_NotABudgetSignal(string reply)
    {
        var profile = _decoder.Decode(Conversation(Opener, reply), NoHint);

        profile.FrsScore.ShouldBe(0);
        profile.Missing.ShouldContain(QualificationGap.BudgetOrPreApproval);
        var said = profile.Signals.Single(s => s.Name == "pre_approved");
        said.Negated.ShouldBeTrue();
        said.Weight.ShouldBe(0);
    }

    [Fact]
    public void NegatedThenSaidPlainly_Counts()
    {
        var profile = _decoder.Decode(Conversation(Opener, "Not pre-approved yet", "us: No problem, want a lender intro?", "Update: we just got pre-approved!"), NoHint);

        profile.Signals.Where(s => s.Name == "pre_approved").ShouldHaveSingleItem().Weight.ShouldBe(35);
        profile.Missing.ShouldNotContain(QualificationGap.BudgetOrPreApproval);
    }

    [Fact]
    public void NotSellingButBuying_IsABuyer()
    {
        var profile = _decoder.Decode(Conversation(Opener, "Not selling, we want to buy a bigger place"), NoHint);

        profile.LeadType.ShouldBe(LeadTypes.Buyer);
    }

    [Fact]
    public void SpanishBasics_AreRead()
    {
        var profile = _decoder.Decode(Conversation(Opener, "Estamos pre-aprobados y queremos comprar una casa"), NoHint);

        profile.Signals.ShouldContain(s => s.Name == "pre_approved" && s.Weight > 0);
        profile.LeadType.ShouldBe(LeadTypes.Buyer);
    }

    [Fact]
    public void SpanishSeller_IsASeller()
    {
        var profile = _decoder.Decode(Conversation(Opener, "Queremos vender, ¿cuánto vale mi casa?"), NoHint);

        profile.LeadType.ShouldBe(LeadTypes.Seller);
    }

    [Fact]
    public void BareYes_AfterOurTimelineQuestion_IsATimeline()
    {
        var profile = _decoder.Decode(Conversation(Opener, "We want to buy", "us: Are you hoping to move in the next 3 months?", "Yes"), NoHint);

        profile.Signals.ShouldContain(s => s.Name == LeadIntentDecoder.TimelineSignal && s.Weight > 0 && s.Rule.Contains("within_90_days"));
        profile.Missing.ShouldNotContain(QualificationGap.Timeline);
    }

    [Fact]
    public void BareYes_AffirmsOurQuestion_NotOurPitch()
    {
        var profile = _decoder.Decode(Conversation("us: We help a lot of relocating families. Are you pre-approved yet?", "Yep!"), NoHint);

        profile.Signals.ShouldContain(s => s.Name == "pre_approved" && s.Weight > 0 && s.Rule.Contains("affirmed our question"));
        profile.Signals.ShouldNotContain(s => s.Name == "relocation");
    }

    [Fact]
    public void BareNo_ToOurQuestion_AffirmsNothing()
    {
        var profile = _decoder.Decode(Conversation("us: Are you pre-approved yet?", "No"), NoHint);

        profile.Signals.ShouldNotContain(s => s.Name == "pre_approved");
        profile.Missing.ShouldContain(QualificationGap.BudgetOrPreApproval);
    }

    [Fact]
    public void BareYes_ToAnOpenWhenQuestion_SaysNothingAboutTime()
    {
        var profile = _decoder.Decode(Conversation(Opener, "We want to buy", "us: When are you hoping to move?", "yes"), NoHint);

        profile.Signals.ShouldNotContain(s => s.Name == LeadIntentDecoder.TimelineSignal);
        profile.Missing.ShouldContain(QualificationGap.Timeline);
    }

    [Theory]
    [InlineData("within 60 days", "within_90_days")]
    [InlineData("2 months", "within_90_days")]
    [InlineData("June", "within_6_months")]
    [InlineData("asap!", "within_30_days")]
    [InlineData("next month probably", "within_90_days")]
    [InlineData("en dos meses", "within_90_days")]
    public void AnswerToOurWhenQuestion_IsATimelineOfItsNearness(string reply, string band)
    {
        var profile = _decoder.Decode(Conversation(Opener, "We want to buy", "us: When are you hoping to move?", reply), NoHint);

        profile.Signals.ShouldContain(s => s.Name == LeadIntentDecoder.TimelineSignal && s.Rule.Contains(band));
    }

    [Theory]
    [InlineData("We got pre-approved 2 months ago")]
    [InlineData("We've been looking for 6 months")]
    [InlineData("Not in the next 6 months")]
    [InlineData("Our kids are 3 years old and 5")]
    public void PastOrNegatedDurations_AreNoTimeline(string reply)
    {
        var profile = _decoder.Decode(Conversation(Opener, reply), NoHint);

        profile.Signals.ShouldNotContain(s => s.Name == LeadIntentDecoder.TimelineSignal);
    }

    [Fact]
    public void NearerTimelines_WeighMore()
    {
        int Frs(string reply) => (int)_decoder.Decode(Conversation(Opener, reply), NoHint).FrsScore;

        Frs("moving in 30 days").ShouldBeGreaterThan(Frs("moving in 3 months"));
        Frs("moving in 3 months").ShouldBeGreaterThan(Frs("moving next summer"));
        Frs("moving next summer").ShouldBeGreaterThan(Frs("moving in 3 years"));
    }

    [Theory]
    [InlineData("pre-approved for $450k")]
    [InlineData("budget is around 500 thousand")]
    [InlineData("looking in the 400-450 range")]
    [InlineData("We can spend up to 450,000")]
    [InlineData("presupuesto de 300 mil")]
    public void StatedAmounts_AreABudget(string reply)
    {
        var profile = _decoder.Decode(Conversation(Opener, reply), NoHint);

        profile.Signals.ShouldContain(s => s.Name == LeadIntentDecoder.BudgetSignal);
    }

    [Theory]
    [InlineData("We live at 90210")]
    [InlineData("Call me at 555 1234")]
    [InlineData("3 bedrooms and 2 baths, 1500 sq ft")]
    public void OtherNumbers_AreNoBudget(string reply)
    {
        var profile = _decoder.Decode(Conversation(Opener, reply), NoHint);

        profile.Signals.ShouldNotContain(s => s.Name == LeadIntentDecoder.BudgetSignal);
    }

    [Fact]
    public void BareRange_AfterOurPriceQuestion_IsABudget()
    {
        var profile = _decoder.Decode(Conversation(Opener, "yes", "us: What price range are you looking in?", "400-450"), NoHint);

        profile.Signals.ShouldContain(s => s.Name == LeadIntentDecoder.BudgetSignal);
    }

    [Fact]
    public void OurOwnWords_GiveNoSignals()
    {
        var profile = _decoder.Decode(
            Conversation("us: Are you pre-approved? Many buyers who relocate need to move asap in 30 days with a $450k budget."),
            NoHint);

        profile.FrsScore.ShouldBe(0);
        profile.PcsScore.ShouldBe(0);
        profile.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void ASignalSaidTwice_CountsOnce()
    {
        var once = _decoder.Decode(Conversation(Opener, "We're pre-approved"), NoHint);
        var thrice = _decoder.Decode(Conversation(Opener, "We're pre-approved", "us: Great!", "Yes pre-approved", "us: ok", "PRE-APPROVED!!"), NoHint);

        thrice.Signals.Count(s => s.Name == "pre_approved").ShouldBe(1);
        thrice.FrsScore.ShouldBe(once.FrsScore);
    }

    [Fact]
    public void CurlyApostrophes_AreStraightened()
    {
        var profile = _decoder.Decode(Conversation(Opener, "What’s my house worth?"), NoHint);

        profile.LeadType.ShouldBe(LeadTypes.Seller);
    }

    [Fact]
    public void HintOrTag_DecidesWhenTheWordsSayNeither()
    {
        _decoder.Decode(Conversation(Opener, "Sure, tell me more"), Hint("seller")).LeadType.ShouldBe(LeadTypes.Seller);
        _decoder.Decode(Conversation(Opener, "Sure, tell me more"), new ProspectContext(null, null, ["Buyer Lead", "zillow"])).LeadType.ShouldBe(LeadTypes.Buyer);
        _decoder.Decode(Conversation(Opener, "Sure, tell me more"), NoHint).LeadType.ShouldBe(LeadTypes.Ambiguous);
    }

    [Fact]
    public void TheProspectsWords_OutweighTheHint()
    {
        var profile = _decoder.Decode(Conversation(Opener, "We want to sell our house"), Hint("buyer"));

        profile.LeadType.ShouldBe(LeadTypes.Seller);
    }

    [Fact]
    public void Confidence_GrowsWithIndependentSignals()
    {
        var thin = _decoder.Decode(Conversation(Opener, "We want to buy"), NoHint);
        var rich = _decoder.Decode(Conversation(Opener, "We want to buy, pre-approved for 400k, relocating for work in 30 days"), NoHint);

        rich.Confidence.ShouldBeGreaterThan(thin.Confidence);
    }

    [Fact]
    public void Rules_NameThePatternNotTheMessage()
    {
        var profile = _decoder.Decode(
            Conversation(Opener, "Relocating from Chicago for a new job in March. Pre-approved up to $550k, we'd love to tour homes"),
            NoHint);

        profile.Signals.ShouldNotBeEmpty();
        profile.Signals.ShouldAllBe(s => !s.Rule.Contains("chicago", StringComparison.OrdinalIgnoreCase) && !s.Rule.Contains("550", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryPoint_ComesFromANamedSignal()
    {
        foreach (var labelled in QualificationCorpus.All)
        {
            var profile = _decoder.Decode(Conversation(labelled.Lines), labelled.Context);
            var counted = profile.Signals.Where(s => !s.Negated).ToList();

            profile.FrsScore.ShouldBe(Math.Clamp(counted.Where(s => s.Dimension == SignalDimensions.Frs).Sum(s => s.Weight), 0, 100), labelled.Name);
            profile.PcsScore.ShouldBe(Math.Clamp(counted.Where(s => s.Dimension == SignalDimensions.Pcs).Sum(s => s.Weight), 0, 100), labelled.Name);
            profile.Signals.ShouldAllBe(s => s.Name.Length > 0 && s.Rule.Length > 0);
        }
    }

    [Fact]
    public void Scores_StayWithinTheirRanges()
    {
        string[] everything =
        [
            Opener,
            "Cash buyer, pre-approved for $900k, 20% down, sold our house, ready to list the condo, need to sell asap, paid off, already bought our next home",
            "Relocating for a new job, baby on the way, divorce, downsizing, inherited, let's do it, we're ready, can we see homes, call me, urgent",
        ];
        string[] doubts = [Opener, "Just looking, not sure, someday, no rush, renting for now", "just browsing", "maybe someday, undecided"];

        foreach (var lines in QualificationCorpus.All.Select(c => c.Lines).Append(everything).Append(doubts))
        {
            var profile = _decoder.Decode(Conversation(lines), NoHint);

            profile.FrsScore.ShouldBeInRange(0, 100);
            profile.PcsScore.ShouldBeInRange(0, 100);
            profile.Confidence.ShouldBeInRange(0, 1);
        }

        _decoder.Decode(Conversation(everything), NoHint).FrsScore.ShouldBe(100);
        _decoder.Decode(Conversation(doubts), NoHint).PcsScore.ShouldBe(0);
    }

    [Fact]
    public void Decode_IsDeterministic_WhateverTheOrderTheTurnsArriveIn()
    {
        var conversation = Conversation(Opener, "Yes we're looking to buy", "us: Great! When are you hoping to move?", "within 60 days", "We're pre-approved for 500k");

        var first = _decoder.Decode(conversation, NoHint);
        var again = Decoder().Decode(conversation, NoHint);
        var shuffled = _decoder.Decode([.. conversation.Reverse()], NoHint);

        again.Signals.ShouldBe(first.Signals);
        shuffled.Signals.ShouldBe(first.Signals);
        (again.FrsScore, again.PcsScore, again.Confidence, again.LeadType).ShouldBe((first.FrsScore, first.PcsScore, first.Confidence, first.LeadType));
    }
}
