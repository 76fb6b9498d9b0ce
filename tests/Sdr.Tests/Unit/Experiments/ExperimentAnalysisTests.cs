using Sdr.Core.Data.Entities;
using Sdr.Core.Experiments;

namespace Sdr.Tests.Unit.Experiments;

public sealed class ExperimentAnalysisTests
{
    [Fact]
    public void Analyze_VariantAheadButNotSignificant_SaysSoInPlainWords()
    {
        var test = Test();
        var counts = Counts(("consultative", 118, 18, 0), ("direct", 120, 30, 0));

        var results = ExperimentAnalysis.Analyze(test, counts, 0.05);

        results.Leader.ShouldBe("direct");
        var reply = results.Variants[1].Rates[ExperimentAnalysis.ReplyRate];
        reply.Rate.ShouldBe(0.25);
        reply.PValue!.Value.ShouldBe(0.0610, 1e-3);
        reply.Significant.ShouldBeFalse();
        results.Variants[0].Rates[ExperimentAnalysis.ReplyRate].PValue.ShouldBeNull();
        results.Verdict.ShouldStartWith("direct leads on reply rate (25 % vs 15.3 % for consultative), ");
        results.Verdict.ShouldContain("% probability best, not yet significant at p<0.05 (n=120/118).");
    }

    [Fact]
    public void Analyze_SignificantLead_GivesThePValue()
    {
        var results = ExperimentAnalysis.Analyze(Test(), Counts(("consultative", 500, 45, 0), ("direct", 500, 90, 0)), 0.05);

        results.Variants[1].Rates[ExperimentAnalysis.ReplyRate].Significant.ShouldBeTrue();
        results.Verdict.ShouldContain("significant at p<0.05 (p=");
    }

    [Fact]
    public void Analyze_OptOutRate_LowerIsBest()
    {
        var results = ExperimentAnalysis.Analyze(Test(), Counts(("consultative", 200, 20, 2), ("direct", 200, 20, 20)), 0.05);

        results.Variants[0].Rates[ExperimentAnalysis.OptOutRate].ProbabilityBest.ShouldBeGreaterThan(0.99);
        results.Variants[1].Rates[ExperimentAnalysis.OptOutRate].Z!.Value.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Analyze_NothingAssigned_HasNoLeader()
    {
        var results = ExperimentAnalysis.Analyze(Test(), new Dictionary<string, VariantCounts>(), 0.05);

        results.Leader.ShouldBeNull();
        results.Verdict.ShouldBe("No sequences assigned yet.");
        results.Variants.ShouldAllBe(v => v.Assigned == 0);
    }

    private static SdrAbTest Test() => new()
    {
        Id = 1,
        Name = "opener",
        Metric = AbTestMetric.ReplyRate,
        Variants =
        [
            new SdrAbTestVariant { Name = "consultative", Weight = 50, Position = 0 },
            new SdrAbTestVariant { Name = "direct", Weight = 50, Position = 1 },
        ],
    };

    private static Dictionary<string, VariantCounts> Counts(params (string Name, int Assigned, int Replied, int OptedOut)[] arms) =>
        arms.ToDictionary(a => a.Name, a => new VariantCounts(a.Name, a.Assigned, a.Replied, 0, 0, a.OptedOut));
}
