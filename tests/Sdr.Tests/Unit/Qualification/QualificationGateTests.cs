using Sdr.Core.Qualification;
using static Sdr.Tests.Unit.Qualification.QualificationTestData;

namespace Sdr.Tests.Unit.Qualification;

public sealed class QualificationGateTests
{
    private readonly QualificationGate _gate = Gate();

    [Fact]
    public void Evaluate_ReadyBuyer_PassesHotToTheBuyerBot()
    {
        var decision = _gate.Evaluate(
            Conversation(Opener, "Yes! We're pre-approved for 450k and need to be moved in within 30 days. Can we see some homes this weekend?"),
            NoHint);

        decision.Passed.ShouldBeTrue();
        decision.IsHot.ShouldBeTrue();
        decision.FrsScore.ShouldBeGreaterThanOrEqualTo(80);
        decision.Confidence.ShouldBeGreaterThanOrEqualTo(0.70);
        decision.LeadType.ShouldBe(LeadTypes.Buyer);
        decision.HandoffTarget.ShouldBe(HandoffTargets.BuyerBot);
        decision.DisqualifyReason.ShouldBeNull();
        decision.NextQuestionGap.ShouldBeNull();
        _gate.QualifyingQuestion(decision, decision.LeadType).ShouldBeNull();
        _gate.ActivationTags(decision).ShouldBe(["buyer-bot-active", "SDR-Qualified"]);
        decision.IntentProfile.Signals.Select(s => s.Name).ShouldContain("pre_approved");
        decision.IntentProfile.Signals.Select(s => s.Name).ShouldContain(LeadIntentDecoder.BudgetSignal);
        decision.IntentProfile.Signals.Select(s => s.Name).ShouldContain(LeadIntentDecoder.TimelineSignal);
        decision.IntentProfile.Signals.Select(s => s.Name).ShouldContain("wants_to_meet");
    }

    [Fact]
    public void Evaluate_SellerThinkingOfSpring_IsASellerNotYetReady_AskedWhatHasThemThinkingOfSelling()
    {
        var decision = _gate.Evaluate(Conversation(Opener, "Thinking of selling in the spring, what's my house worth?"), NoHint);

        decision.Passed.ShouldBeFalse();
        decision.LeadType.ShouldBe(LeadTypes.Seller);
        decision.HandoffTarget.ShouldBeNull();
        decision.DisqualifyReason.ShouldNotBeNull().ShouldStartWith("frs below threshold (");
        decision.IntentProfile.Missing.ShouldBe([QualificationGap.Motivation]);
        _gate.QualifyingQuestion(decision, decision.LeadType).ShouldBe("What has you thinking about selling?");
        _gate.ActivationTags(decision).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_HotSeller_GoesToTheSellerBot()
    {
        var decision = _gate.Evaluate(
            Conversation(Opener, "Ready to list now, we already bought our next home and need to sell asap. Thinking around $700k"),
            NoHint);

        decision.Passed.ShouldBeTrue();
        decision.IsHot.ShouldBeTrue();
        decision.HandoffTarget.ShouldBe(HandoffTargets.SellerBot);
        _gate.ActivationTags(decision).ShouldBe(["seller-bot-active", "SDR-Qualified"]);
    }

    [Fact]
    public void Evaluate_ReadyToBuyAndSell_IsAmbiguous_AndGoesToTheLeadBot()
    {
        var decision = _gate.Evaluate(
            Conversation(Opener, "We have to sell our condo and buy a bigger place within 30 days. Pre-approved for 600k"),
            NoHint);

        decision.Passed.ShouldBeTrue(QualificationCorpusTests.Describe(decision));
        decision.LeadType.ShouldBe(LeadTypes.Ambiguous);
        decision.HandoffTarget.ShouldBe(HandoffTargets.LeadBot);
        _gate.ActivationTags(decision).ShouldBe(["lead-bot-active", "SDR-Qualified"]);
    }

    [Fact]
    public void Evaluate_JustLooking_FailsAndAsksWhenTheyHopeToMove()
    {
        var decision = _gate.Evaluate(Conversation(Opener, "Just looking for now, thanks"), NoHint);

        decision.Passed.ShouldBeFalse();
        decision.DisqualifyReason.ShouldNotBeNull().ShouldContain("frs below threshold (0 < 60)");
        decision.PcsScore.ShouldBe(0);
        decision.NextQuestionGap.ShouldBe(QualificationGap.Timeline);
        _gate.QualifyingQuestion(decision, decision.LeadType).ShouldBe("When are you hoping to make a move?");
    }

    [Fact]
    public void Evaluate_NotPreApprovedYet_AsksTheBuyerAboutPreApproval()
    {
        var decision = _gate.Evaluate(Conversation(Opener, "We're not pre-approved yet but we'd like to buy in the next few months"), NoHint);

        decision.Passed.ShouldBeFalse();
        decision.LeadType.ShouldBe(LeadTypes.Buyer);
        decision.NextQuestionGap.ShouldBe(QualificationGap.BudgetOrPreApproval);
        _gate.QualifyingQuestion(decision, decision.LeadType).ShouldBe("Have you been pre-approved yet, and what price range feels right?");
    }

    [Theory]
    [InlineData("Just curious what homes are going for in the area", "disqualified: just_curious")]
    [InlineData("I'm the tenant, not the owner. You want my landlord", "disqualified: not_owner")]
    [InlineData("We're renting and not moving anytime soon", "disqualified: not_moving")]
    public void Evaluate_Disqualified_SaysWhyAndAsksNothing(string reply, string reason)
    {
        var decision = _gate.Evaluate(Conversation(Opener, reply), NoHint);

        decision.Passed.ShouldBeFalse();
        decision.DisqualifyReason.ShouldNotBeNull().ShouldStartWith(reason);
        decision.NextQuestionGap.ShouldBeNull();
        _gate.QualifyingQuestion(decision, decision.LeadType).ShouldBeNull();
    }

    [Fact]
    public void Evaluate_DisqualifierAmongStrongSignals_StillFails()
    {
        var decision = _gate.Evaluate(Conversation(Opener, "Pre-approved for 500k and moving in 30 days, but honestly just curious"), NoHint);

        decision.FrsScore.ShouldBeGreaterThanOrEqualTo(60);
        decision.Passed.ShouldBeFalse();
        decision.DisqualifyReason.ShouldBe("disqualified: just_curious");
    }

    [Fact]
    public void Evaluate_ConfidenceBelowTheConfiguredThreshold_NamesIt()
    {
        var gate = Gate(Bind(("sdr:qualification:intent_confidence_threshold", "0.99")));

        var decision = gate.Evaluate(Conversation(Opener, "We're pre-approved and hoping to buy in the next 2 months"), NoHint);

        decision.Passed.ShouldBeFalse();
        decision.DisqualifyReason.ShouldNotBeNull().ShouldStartWith("intent confidence below threshold (0.");
        decision.DisqualifyReason.ShouldEndWith("< 0.99)");
    }

    [Fact]
    public void Evaluate_HotThresholdFromConfig_DecidesHot()
    {
        var gate = Gate(Bind(("sdr:qualification:hot_lead_frs_threshold", "95")));

        var decision = gate.Evaluate(
            Conversation(Opener, "Yes! We're pre-approved for 450k and need to be moved in within 30 days. Can we see some homes this weekend?"),
            NoHint);

        decision.Passed.ShouldBeTrue();
        decision.IsHot.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_ScoresAreTheProfilesAndTheSeedsFields()
    {
        var decision = _gate.Evaluate(Conversation(Opener, "We're pre-approved and hoping to buy in the next 2 months"), NoHint);

        decision.FrsScore.ShouldBe(decision.IntentProfile.FrsScore);
        decision.PcsScore.ShouldBe(decision.IntentProfile.PcsScore);
        decision.LeadType.ShouldBe(decision.IntentProfile.LeadType);
        decision.Confidence.ShouldBe(decision.IntentProfile.Confidence);
    }

    [Fact]
    public void QualifyingQuestion_UnknownLeadType_UsesTheAmbiguousQuestions()
    {
        var decision = _gate.Evaluate(Conversation(Opener, "Just looking for now, thanks"), NoHint);

        _gate.QualifyingQuestion(decision, "investor").ShouldBe("When are you hoping to make a move?");
    }
}
