using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public sealed class ComplianceKeywordClassifierTests
{
    private readonly ComplianceKeywordClassifier _classifier = new();

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop.")]
    [InlineData("Stop!!!")]
    [InlineData("STOP 🛑")]
    [InlineData("ＳＴＯＰ")]
    public void Classify_BareStop_IsOptOutWithFullConfidence(string body)
    {
        var result = _classifier.Classify(body);

        result.Intent.ShouldBe(ComplianceIntent.OptOut);
        result.Confidence.ShouldBe(1.0);
        result.Rule.ShouldBe(ComplianceRules.CarrierKeyword);
    }

    [Theory]
    [InlineData("STOPALL")]
    [InlineData("STOP ALL")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("CANCEL")]
    [InlineData("END")]
    [InlineData("QUIT")]
    [InlineData("REVOKE")]
    [InlineData("OPTOUT")]
    [InlineData("OPT OUT")]
    [InlineData("OPT-OUT")]
    public void Classify_EveryCarrierKeyword_IsOptOut(string keyword)
    {
        _classifier.Classify(keyword).Intent.ShouldBe(ComplianceIntent.OptOut);
        _classifier.Classify(keyword.ToLowerInvariant() + "!!").Intent.ShouldBe(ComplianceIntent.OptOut);
        _classifier.Classify("please " + keyword.ToLowerInvariant()).Intent.ShouldBe(ComplianceIntent.OptOut);
    }

    [Fact]
    public void Classify_StopWithFillerAfterIt_IsOptOut() =>
        _classifier.Classify("STOP!!! now").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_WhoIsThisStop_IsOptOut() =>
        _classifier.Classify("who is this? stop").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_StopFollowedByAName_IsOptOut() =>
        _classifier.Classify("STOP Mike").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Theory]
    [InlineData("Don\u2019t text me again")]
    [InlineData("Don\u2018t text me again")]
    [InlineData("Don`t text me again")]
    [InlineData("Don't text me again")]
    public void Classify_DontTextMe_IsOptOutWhateverTheApostrophe(string body) =>
        _classifier.Classify(body).Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_IfYouDontStopTextingMe_IsOptOut() =>
        _classifier.Classify("If you don't stop texting me I'll report you").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_UnqualifiedNotInterested_IsOptOut() =>
        _classifier.Classify("Not interested").Rule.ShouldBe(ComplianceRules.NotInterested);

    [Fact]
    public void Classify_NotInterestedAtThisTime_IsOptOut() =>
        _classifier.Classify("Not interested at this time.").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_ThanksButNotInterested_IsOptOut() =>
        _classifier.Classify("Thanks but not interested").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_WrongNumber_IsOptOut() =>
        _classifier.Classify("Sorry, wrong number").Rule.ShouldBe(ComplianceRules.WrongNumber);

    [Fact]
    public void Classify_MaskedProfanityOff_IsOptOut() =>
        _classifier.Classify("f*** off").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_BarePara_IsOptOut() =>
        _classifier.Classify("Para").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Theory]
    [InlineData("No más")]
    [InlineData("no mas")]
    [InlineData("NO MÁS 🙏")]
    public void Classify_NoMasWithOrWithoutAccent_IsOptOut(string body) =>
        _classifier.Classify(body).Intent.ShouldBe(ComplianceIntent.OptOut);

    [Fact]
    public void Classify_QuitameDeLaLista_IsOptOut() =>
        _classifier.Classify("Quítame de la lista").Rule.ShouldBe(ComplianceRules.EsRemoveMe);

    [Fact]
    public void Classify_StopAndHelpTogether_PrefersOptOut() =>
        _classifier.Classify("STOP HELP").Intent.ShouldBe(ComplianceIntent.OptOut);

    [Theory]
    [InlineData("HELP")]
    [InlineData("help?")]
    [InlineData("INFO")]
    [InlineData("Ayuda")]
    public void Classify_HelpKeyword_IsHelp(string body) =>
        _classifier.Classify(body).ShouldBe(new ComplianceClassification(ComplianceIntent.Help, 1.0, ComplianceRules.HelpKeyword));

    [Theory]
    [InlineData("START")]
    [InlineData("UNSTOP")]
    [InlineData("Subscribe")]
    [InlineData("opt in")]
    [InlineData("resume")]
    public void Classify_ReConsentKeyword_IsOptIn(string body) =>
        _classifier.Classify(body).ShouldBe(new ComplianceClassification(ComplianceIntent.OptIn, 1.0, ComplianceRules.OptInKeyword));

    [Fact]
    public void Classify_BareYes_IsNotOptIn() =>
        _classifier.Classify("YES").Intent.ShouldBe(ComplianceIntent.None);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Classify_EmptyReply_IsNone(string? body) =>
        _classifier.Classify(body).ShouldBe(new ComplianceClassification(ComplianceIntent.None, 0, ComplianceRules.Empty));
}
