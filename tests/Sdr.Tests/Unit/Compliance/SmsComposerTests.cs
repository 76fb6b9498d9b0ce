using Sdr.Core.Compliance;

namespace Sdr.Tests.Unit.Compliance;

/// <summary>The one-pass composer: the same texts as trying one word fewer at a time, the same length rules.</summary>
public sealed class SmsComposerTests
{
    private const string Opening = "Hi Maria, this is Alex with Harbor Realty.";
    private const string Notice = "Reply STOP to opt out";

    [Fact]
    public void ExtensionCharacters_CountTwo_WhenTheBodyIsCut()
    {
        // 42 + 1 + body + 1 + 21: 95 septets left for the body; each "[x]" costs 5.
        var body = string.Join(' ', Enumerable.Repeat("[x]", 40));

        var sms = SmsComposer.Compose(Opening, body, Notice);

        SmsEncoding.CharsetOf(sms).ShouldBe(SmsCharset.Gsm7);
        SmsEncoding.Length(sms).ShouldBeLessThanOrEqualTo(160);
        SmsEncoding.Length(sms).ShouldBeGreaterThan(160 - 7);
        sms.ShouldBe(Legacy(Opening, body, Notice));
    }

    [Fact]
    public void OneEmoji_MakesTheTextUcs2_AndCutsItTo70()
    {
        var body = "🏡 Loved your place on Elm Street and wondered whether you have thought about selling this year";

        var sms = SmsComposer.Compose("Hi, Alex here.", body, null);

        SmsEncoding.CharsetOf(sms).ShouldBe(SmsCharset.Ucs2);
        sms.Length.ShouldBeLessThanOrEqualTo(70);
        sms.ShouldContain("🏡");
        sms.ShouldBe(Legacy("Hi, Alex here.", body, null));
    }

    [Fact]
    public void EmojiInTheCutWords_LeavesAGsm7TextWithTheLongerLimit()
    {
        var body = string.Join(' ', Enumerable.Repeat("market", 20)) + " 🏡 " + string.Join(' ', Enumerable.Repeat("update", 10));

        var sms = SmsComposer.Compose(Opening, body, Notice);

        SmsEncoding.CharsetOf(sms).ShouldBe(SmsCharset.Gsm7);
        sms.Length.ShouldBeGreaterThan(70);
        sms.ShouldBe(Legacy(Opening, body, Notice));
    }

    [Fact]
    public void SenderAndOptOutNotice_AreNeverCut()
    {
        var body = string.Join(' ', Enumerable.Repeat("neighbourhood", 40));

        var sms = SmsComposer.Compose(Opening, body, Notice);

        sms.ShouldStartWith(Opening + " neighbourhood");
        sms.ShouldEndWith("... " + Notice);
    }

    [Fact]
    public void BodyThatCannotFit_IsDropped_AndAnOversizedFrameThrows()
    {
        var opening = new string('a', 130);

        SmsComposer.Compose(opening, "incomprehensibilities", Notice).ShouldBe(opening + " " + Notice);
        Should.Throw<InvalidOperationException>(() => SmsComposer.Compose(new string('a', 150), "body", Notice));
    }

    [Fact]
    public void SmartQuotes_AreNormalised_SoTheTextStaysGsm7()
    {
        var sms = SmsComposer.Compose("Hi, it\u2019s Alex.", "\u201CJust listed\u201D \u2014 3 beds\u2026", null);

        sms.ShouldBe("Hi, it's Alex. \"Just listed\" - 3 beds...");
        SmsEncoding.CharsetOf(sms).ShouldBe(SmsCharset.Gsm7);
    }

    [Theory]
    [InlineData("Prices are up, rates are down; now is a good time - ask me")]
    [InlineData("one two three four five six seven eight nine ten, -- eleven twelve")]
    [InlineData("word --- , ;; final.")]
    [InlineData("Ends a sentence. Then more words follow here")]
    public void TrailingPunctuation_IsTrimmedAsBefore(string body)
    {
        var opening = new string('o', 100);

        SmsComposer.Compose(opening, body, Notice).ShouldBe(Legacy(opening, body, Notice));
    }

    [Fact]
    public void RandomTexts_ComposeAsTryingOneWordFewerAtATime()
    {
        var random = new Random(1125);
        string[] words = ["home", "market", "value,", "José", "Zoë", "€300k", "[firm]", "—", "…", "🏡", "ok.", "why?", "-", ";", "a", "neighbourhood", "\u201Cnew\u201D", "it\u2019s", "ça", "日本"];
        for (var i = 0; i < 3000; i++)
        {
            var opening = i % 7 == 0 ? string.Empty : "Hi " + words[random.Next(words.Length)] + ", Alex here.";
            var body = string.Join(random.Next(5) == 0 ? "  " : " ", Enumerable.Range(0, random.Next(0, 45)).Select(_ => words[random.Next(words.Length)]));
            var notice = random.Next(3) == 0 ? null : Notice;

            var expected = Record(() => Legacy(opening, body, notice));
            var actual = Record(() => SmsComposer.Compose(opening, body, notice));

            actual.ShouldBe(expected, $"opening '{opening}', body '{body}', notice '{notice}'");
        }
    }

    private static string Record(Func<string> compose)
    {
        try
        {
            return compose();
        }
        catch (InvalidOperationException)
        {
            return "<throws>";
        }
    }

    // The composer before the one-pass version: drop a word, join, measure, repeat.
    private static string Legacy(string opening, string body, string? optOutNotice)
    {
        opening = SmsEncoding.Normalize(opening.Trim());
        body = SmsEncoding.Normalize(body.Trim());
        var notice = optOutNotice is null ? null : SmsEncoding.Normalize(optOutNotice.Trim());

        var full = Join(opening, body, notice);
        if (LegacyFits(full))
        {
            return full;
        }

        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length - 1; count > 0; count--)
        {
            var shortened = string.Join(' ', words, 0, count).TrimEnd(',', ';', ':', '-');
            var candidate = Join(opening, shortened.Length == 0 || shortened[^1] is '.' or '?' or '!' ? shortened : shortened + "...", notice);
            if (LegacyFits(candidate))
            {
                return candidate;
            }
        }

        var bare = Join(opening, string.Empty, notice);
        return LegacyFits(bare) ? bare : throw new InvalidOperationException("does not fit");
    }

    private static string Join(string opening, string body, string? notice) =>
        string.Join(' ', new[] { opening, body, notice }.Where(part => !string.IsNullOrEmpty(part)));

    // GSM 03.38 as a plain set walk: the reference the table-driven measure must agree with.
    private static bool LegacyFits(string text)
    {
        const string basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        const string extension = "\f^{}\\[~]|€";
        if (text.Any(c => !basic.Contains(c) && !extension.Contains(c)))
        {
            return text.Length <= 70;
        }

        return text.Sum(c => extension.Contains(c) ? 2 : 1) <= 160;
    }
}
