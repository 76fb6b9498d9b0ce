using Sdr.Core.Qualification;
using Xunit.Abstractions;
using static Sdr.Tests.Unit.Qualification.QualificationTestData;

namespace Sdr.Tests.Unit.Qualification;

public sealed class QualificationCorpusTests(ITestOutputHelper output)
{
    private const int MinimumCorpusSize = 30;
    private const double MinimumAgreement = 0.9;

    private readonly QualificationGate _gate = Gate();

    public static TheoryData<string> Names() => [.. QualificationCorpus.All.Select(c => c.Name)];

    [Fact]
    public void Corpus_IsLargeEnoughAndCoversEveryOutcome()
    {
        QualificationCorpus.All.Count.ShouldBeGreaterThanOrEqualTo(MinimumCorpusSize);
        QualificationCorpus.All.Select(c => c.Name).ShouldBeUnique();
        QualificationCorpus.All.Select(c => c.LeadType).Distinct().Count().ShouldBe(LeadTypes.All.Count);
        QualificationCorpus.All.ShouldContain(c => c.Hot);
        QualificationCorpus.All.ShouldContain(c => c.Passed && !c.Hot);
        QualificationCorpus.All.ShouldContain(c => !c.Passed);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Conversation_GetsItsLabel(string name)
    {
        var labelled = QualificationCorpus.All.Single(c => c.Name == name);

        var decision = _gate.Evaluate(Conversation(labelled.Lines), labelled.Context);

        var why = Describe(decision);
        decision.Passed.ShouldBe(labelled.Passed, why);
        decision.IsHot.ShouldBe(labelled.Hot, why);
        decision.LeadType.ShouldBe(labelled.LeadType, why);
    }

    [Fact]
    public void Corpus_AgreementIsAboveTheFloor_AndNoUnqualifiedLeadIsHandedOff()
    {
        var results = QualificationCorpus.All
            .Select(c => (Labelled: c, Decision: _gate.Evaluate(Conversation(c.Lines), c.Context)))
            .ToList();
        var agreeing = results.Count(r => r.Decision.Passed == r.Labelled.Passed && r.Decision.IsHot == r.Labelled.Hot && r.Decision.LeadType == r.Labelled.LeadType);
        var agreement = (double)agreeing / results.Count;
        output.WriteLine($"corpus={results.Count} agreeing={agreeing} agreement={agreement:P1}");

        agreement.ShouldBeGreaterThanOrEqualTo(MinimumAgreement);
        var handedOff = results.Where(r => r.Decision.Passed && !r.Labelled.Passed).Select(r => $"{r.Labelled.Name}: {Describe(r.Decision)}");
        handedOff.ShouldBeEmpty();
    }

    [Fact]
    public void Corpus_EveryFailedConversation_AsksAQuestionOrSaysWhyNot()
    {
        foreach (var labelled in QualificationCorpus.All)
        {
            var decision = _gate.Evaluate(Conversation(labelled.Lines), labelled.Context);
            if (decision.Passed)
            {
                decision.HandoffTarget.ShouldNotBeNull(labelled.Name);
                continue;
            }

            decision.DisqualifyReason.ShouldNotBeNullOrWhiteSpace(labelled.Name);
            var asksQuestion = _gate.QualifyingQuestion(decision, decision.LeadType) is not null;
            var disqualified = decision.IntentProfile.Disqualifiers.Count > 0;
            (asksQuestion || disqualified).ShouldBeTrue($"{labelled.Name}: {Describe(decision)}");
        }
    }

    internal static string Describe(GateDecision decision) =>
        $"passed={decision.Passed} hot={decision.IsHot} frs={decision.FrsScore} pcs={decision.PcsScore} type={decision.LeadType} " +
        $"confidence={decision.Confidence} reason={decision.DisqualifyReason} signals=[{string.Join("; ", decision.IntentProfile.Signals.Select(s => $"{s.Name} {s.Weight} {s.Rule}"))}]";
}
