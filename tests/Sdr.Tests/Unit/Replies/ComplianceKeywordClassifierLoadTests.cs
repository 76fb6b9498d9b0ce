using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public sealed class ComplianceKeywordClassifierLoadTests
{
    private const int Messages = 10_000;

    [Fact]
    public void Classify_TenThousandMessagesIncludingHostileInput_Completes()
    {
        var classifier = new ComplianceKeywordClassifier();
        var corpus = ComplianceCorpus.All.Select(r => r.Text).ToArray();
        string[] adversarial =
        [
            new string('a', 5_000),
            string.Concat(Enumerable.Repeat("don't ", 800)) + "stop",
            string.Concat(Enumerable.Repeat("not interested but ", 300)),
            string.Concat(Enumerable.Repeat("🛑", 1_000)),
            string.Concat(Enumerable.Repeat("s t o p ", 500)),
            string.Concat(Enumerable.Repeat("f*** ", 1_000)),
        ];

        var optOuts = 0;
        for (var i = 0; i < Messages; i++)
        {
            var body = i % 100 == 0 ? adversarial[i / 100 % adversarial.Length] : corpus[i % corpus.Length];
            if (classifier.Classify(body).Intent == ComplianceIntent.OptOut)
            {
                optOuts++;
            }
        }

        optOuts.ShouldBeGreaterThan(0);
    }
}
