using Sdr.Core.Experiments;

namespace Sdr.Tests.Unit.Experiments;

public sealed class ExperimentStatisticsTests
{
    [Fact]
    public void TwoProportionZTest_TwelveVersusNinePercentOf500_MatchesTheTextbookPooledTest()
    {
        // Reference (computed by hand): pooled p = 0.105, SE = sqrt(p(1-p)(1/500+1/500)) = 0.019388,
        // z = 0.03 / SE = 1.5473, two-sided p = 2(1 - Phi(z)) = 0.12178, one-sided p = 0.06089.
        var test = ExperimentStatistics.TwoProportionZTest(60, 500, 45, 500);

        test.Z.ShouldBe(1.547338, 1e-5);
        test.PValueTwoSided.ShouldBe(0.121782, 1e-5);
        test.PValueHigher.ShouldBe(0.060891, 1e-5);
    }

    [Fact]
    public void TwoProportionZTest_UnequalSamples_MatchesTheReference()
    {
        var test = ExperimentStatistics.TwoProportionZTest(30, 120, 18, 118);

        test.Z.ShouldBe(1.873435, 1e-5);
        test.PValueTwoSided.ShouldBe(0.061008, 1e-5);
    }

    [Fact]
    public void TwoProportionZTest_VariantBelowControl_HasNegativeZ_AndOneSidedPAboveHalf()
    {
        var test = ExperimentStatistics.TwoProportionZTest(45, 500, 60, 500);

        test.Z.ShouldBe(-1.547338, 1e-5);
        test.PValueTwoSided.ShouldBe(0.121782, 1e-5);
        test.PValueHigher.ShouldBe(1 - 0.060891, 1e-5);
    }

    [Theory]
    [InlineData(0, 0, 5, 100)]
    [InlineData(0, 100, 0, 100)]
    [InlineData(100, 100, 100, 100)]
    public void TwoProportionZTest_NoTrialsOrNoVariance_IsNoEvidence(int variantSuccesses, int variantTrials, int controlSuccesses, int controlTrials)
    {
        var test = ExperimentStatistics.TwoProportionZTest(variantSuccesses, variantTrials, controlSuccesses, controlTrials);

        test.Z.ShouldBe(0);
        test.PValueTwoSided.ShouldBe(1);
        test.PValueHigher.ShouldBe(1);
    }

    [Fact]
    public void ProbabilityBest_TwoArms_MatchesTheClosedFormOfBetaPosteriors()
    {
        // Closed form P(B > A) for Beta(11, 91) and Beta(16, 86) (Evan Miller's sum of beta functions): 0.853284.
        var best = ExperimentStatistics.ProbabilityBest([(10, 100), (15, 100)]);

        best[1].ShouldBe(0.853284, 1e-4);
        best[0].ShouldBe(1 - 0.853284, 1e-4);
    }

    [Fact]
    public void ProbabilityBest_LargerSamples_MatchesTheClosedForm()
    {
        // Beta(46, 456) against Beta(61, 441): P(B > A) = 0.938467.
        var best = ExperimentStatistics.ProbabilityBest([(45, 500), (60, 500)]);

        best[1].ShouldBe(0.938467, 1e-4);
    }

    [Fact]
    public void ProbabilityBest_LowerIsBetter_FavoursTheArmWithFewerSuccesses()
    {
        var best = ExperimentStatistics.ProbabilityBest([(10, 100), (15, 100)], lowerIsBetter: true);

        best[0].ShouldBe(0.853284, 1e-4);
    }

    [Fact]
    public void ProbabilityBest_IdenticalArms_AreEquallyLikelyBest()
    {
        var best = ExperimentStatistics.ProbabilityBest([(12, 80), (12, 80), (12, 80)]);

        best.ShouldAllBe(p => Math.Abs(p - (1.0 / 3)) < 1e-6);
    }

    [Fact]
    public void ProbabilityBest_NoData_IsEvenAndSumsToOne()
    {
        var best = ExperimentStatistics.ProbabilityBest([(0, 0), (0, 0)]);

        best[0].ShouldBe(0.5, 1e-6);
        best.Sum().ShouldBe(1, 1e-9);
    }
}
