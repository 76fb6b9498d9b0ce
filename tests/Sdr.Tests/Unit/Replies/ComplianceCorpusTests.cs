using Sdr.Core.Replies;
using Xunit.Abstractions;

namespace Sdr.Tests.Unit.Replies;

public sealed class ComplianceCorpusTests(ITestOutputHelper output)
{
    private const int MinimumCorpusSize = 150;
    private const int MinimumLookAlikes = 50;

    private readonly ComplianceKeywordClassifier _classifier = new();

    [Fact]
    public void Corpus_IsLargeEnoughAndCoversEveryLabel()
    {
        ComplianceCorpus.All.Count.ShouldBeGreaterThanOrEqualTo(MinimumCorpusSize);
        ComplianceCorpus.All.Count(r => r.Kind is ReplyKind.LookAlike or ReplyKind.Engagement)
            .ShouldBeGreaterThanOrEqualTo(MinimumLookAlikes);
        ComplianceCorpus.All.Select(r => r.Expected).Distinct().Count().ShouldBe(Enum.GetValues<ComplianceIntent>().Length);
        ComplianceCorpus.All.Select(r => r.Text).ShouldBeUnique();
    }

    [Fact]
    public void Corpus_OptOutRecallIsComplete_AndPrecisionIsReported()
    {
        var results = ComplianceCorpus.All.Select(r => (Reply: r, Actual: _classifier.Classify(r.Text))).ToList();
        var expectedOptOuts = results.Where(r => r.Reply.Expected == ComplianceIntent.OptOut).ToList();
        var predictedOptOuts = results.Where(r => r.Actual.Intent == ComplianceIntent.OptOut).ToList();
        var truePositives = expectedOptOuts.Count(r => r.Actual.Intent == ComplianceIntent.OptOut);

        var recall = (double)truePositives / expectedOptOuts.Count;
        var precision = predictedOptOuts.Count == 0 ? 0 : (double)truePositives / predictedOptOuts.Count;
        output.WriteLine($"corpus={results.Count} opt-outs={expectedOptOuts.Count} predicted={predictedOptOuts.Count} " +
                         $"recall={recall:P2} precision={precision:P2}");

        var missed = expectedOptOuts.Where(r => r.Actual.Intent != ComplianceIntent.OptOut).Select(r => r.Reply.Text);
        recall.ShouldBe(1.0, $"missed opt-outs: {string.Join(" | ", missed)}");
        var falseOptOuts = predictedOptOuts.Where(r => r.Reply.Expected != ComplianceIntent.OptOut)
            .Select(r => $"{r.Reply.Text} ({r.Actual.Rule})");
        precision.ShouldBe(1.0, $"false opt-outs: {string.Join(" | ", falseOptOuts)}");
    }

    [Fact]
    public void Corpus_NoLookAlikeOrEngagementReplyIsAnOptOut()
    {
        var caught = ComplianceCorpus.All
            .Where(r => r.Kind is ReplyKind.LookAlike or ReplyKind.Engagement)
            .Select(r => (r.Text, Result: _classifier.Classify(r.Text)))
            .Where(r => r.Result.Intent != ComplianceIntent.None)
            .Select(r => $"{r.Text} -> {r.Result.Intent} ({r.Result.Rule})")
            .ToList();

        caught.ShouldBeEmpty();
    }

    [Fact]
    public void Corpus_HelpAndStartRepliesAreClassifiedExactly()
    {
        var wrong = ComplianceCorpus.All
            .Where(r => r.Expected is ComplianceIntent.Help or ComplianceIntent.OptIn)
            .Select(r => (Reply: r, Actual: _classifier.Classify(r.Text).Intent))
            .Where(r => r.Actual != r.Reply.Expected)
            .Select(r => $"{r.Reply.Text} -> {r.Actual}")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Corpus_EveryReplyGetsItsLabel()
    {
        var wrong = ComplianceCorpus.All
            .Select(r => (Reply: r, Actual: _classifier.Classify(r.Text)))
            .Where(r => r.Actual.Intent != r.Reply.Expected)
            .Select(r => $"{r.Reply} -> {r.Actual.Intent} ({r.Actual.Rule})")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Corpus_RuleIsAlwaysANamedConstant_SoItIsSafeToLog()
    {
        var knownRules = typeof(ComplianceRules).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        foreach (var reply in ComplianceCorpus.All)
        {
            knownRules.ShouldContain(_classifier.Classify(reply.Text).Rule);
        }
    }
}
