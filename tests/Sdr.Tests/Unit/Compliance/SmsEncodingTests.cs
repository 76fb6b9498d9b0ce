using Sdr.Core.Compliance;

namespace Sdr.Tests.Unit.Compliance;

public sealed class SmsEncodingTests
{
    [Fact]
    public void Length_ExtensionCharactersCountTwo()
    {
        SmsEncoding.Length("price: €300k [firm]").ShouldBe(19 + 3);
        SmsEncoding.CharsetOf("price: €300k [firm]").ShouldBe(SmsCharset.Gsm7);
    }

    [Fact]
    public void OneEmoji_MakesTheWholeMessageUcs2_With70Limit()
    {
        var text = "Great news about your home 🏡";

        SmsEncoding.CharsetOf(text).ShouldBe(SmsCharset.Ucs2);
        SmsEncoding.SingleSegmentLimit(text).ShouldBe(70);
        SmsEncoding.Length(text).ShouldBe(text.Length);
    }

    [Fact]
    public void Segments_CountMultipartAt153()
    {
        SmsEncoding.Segments(new string('a', 160)).ShouldBe(1);
        SmsEncoding.Segments(new string('a', 161)).ShouldBe(2);
        SmsEncoding.Segments(new string('a', 307)).ShouldBe(3);
    }

    [Fact]
    public void Normalize_ReplacesSmartQuotesSoTheTextStaysGsm7()
    {
        var normalized = SmsEncoding.Normalize("It\u2019s \u201Cready\u201D \u2014 call me\u2026");

        normalized.ShouldBe("It's \"ready\" - call me...");
        SmsEncoding.CharsetOf(normalized).ShouldBe(SmsCharset.Gsm7);
    }

    [Fact]
    public void Compose_ShortensTheBodyAtAWordBoundary_KeepingSenderAndOptOutWhole()
    {
        var body = string.Join(' ', Enumerable.Repeat("wonderful", 30));

        var sms = SmsComposer.Compose("Hi Maria, this is Alex with Harbor Realty.", body, "Reply STOP to opt out");

        SmsEncoding.Length(sms).ShouldBeLessThanOrEqualTo(160);
        sms.ShouldStartWith("Hi Maria, this is Alex with Harbor Realty. wonderful");
        sms.ShouldEndWith("... Reply STOP to opt out");
        sms.ShouldNotContain("wonderfu ");
    }
}
