using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public sealed class ObjectionHandlerTests
{
    private readonly ObjectionHandler _handler = new();

    [Theory]
    [InlineData("not interested right now, maybe next year", ReplyCategory.Timing)]
    [InlineData("not interested in selling yet but maybe in spring", ReplyCategory.Timing)]
    [InlineData("Not interested", ReplyCategory.NotInterested)]
    [InlineData("I'm not NOT interested", ReplyCategory.Engagement)]
    [InlineData("Not intrested", ReplyCategory.NotInterested)]
    [InlineData("Already have a realter", ReplyCategory.AlreadyAgent)]
    [InlineData("we don't have an agent yet, can you help?", ReplyCategory.Engagement)]
    [InlineData("no me interesa", ReplyCategory.NotInterested)]
    [InlineData("ya tengo agente", ReplyCategory.AlreadyAgent)]
    [InlineData("más información", ReplyCategory.InfoRequest)]
    [InlineData("el próximo año", ReplyCategory.Timing)]
    [InlineData("What's my home worth?", ReplyCategory.InfoRequest)]
    [InlineData("sure call me", ReplyCategory.Engagement)]
    [InlineData("👍", ReplyCategory.Engagement)]
    public void Classify_SeedExamples_GetTheirCategory(string reply, ReplyCategory expected) =>
        _handler.Classify(reply).Category.ShouldBe(expected);

    [Fact]
    public void Classify_AgentAndPriceInOneMessage_AlreadyAgentWinsAndPriceIsReported()
    {
        var result = _handler.Classify("we already have an agent but what's the price range?");

        result.Category.ShouldBe(ReplyCategory.AlreadyAgent);
        result.AlsoDetected.ShouldContain(ReplyCategory.Price);
        result.DecidedBy.ShouldBe(ReplyDecidedBy.Patterns);
        result.Rule.ShouldStartWith("patterns:already_agent.");
    }

    [Fact]
    public void Classify_StopEmoji_IsAnOptOutDecidedByTheKeywordLayer()
    {
        var result = _handler.Classify("🛑");

        result.Category.ShouldBe(ReplyCategory.OptOut);
        result.DecidedBy.ShouldBe(ReplyDecidedBy.Keywords);
        result.OptsOut.ShouldBeTrue();
        result.IsUnsure.ShouldBeFalse();
    }

    [Theory]
    [InlineData("HELP", ReplyCategory.Help)]
    [InlineData("START", ReplyCategory.Start)]
    [InlineData("Stop texting me", ReplyCategory.OptOut)]
    public void Classify_ComplianceKeywords_AreDecidedFirst(string reply, ReplyCategory expected)
    {
        var result = _handler.Classify(reply);

        result.Category.ShouldBe(expected);
        result.DecidedBy.ShouldBe(ReplyDecidedBy.Keywords);
        result.Rule.ShouldStartWith("keywords:");
    }

    [Theory]
    [InlineData("I'm Driving with Do Not Disturb While Driving turned on. I'll see your message when I get where I'm going.")]
    [InlineData("I am out of the office until Monday and will respond upon my return.")]
    [InlineData("This number is no longer in service.")]
    [InlineData("Free Msg: Unable to send message - Message Blocking is active.")]
    public void Classify_AutoResponder_IsFlaggedAndNeverAnOptOut(string reply)
    {
        var result = _handler.Classify(reply);

        result.IsAutoResponder.ShouldBeTrue();
        result.OptsOut.ShouldBeFalse();
        result.Rule.ShouldStartWith("patterns:auto_responder.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("...")]
    public void Classify_EmptyReply_IsUnsureEngagementWithRuleEmpty(string? reply)
    {
        var result = _handler.Classify(reply);

        result.Category.ShouldBe(ReplyCategory.Engagement);
        result.IsUnsure.ShouldBeTrue();
        result.Rule.ShouldBe(ObjectionHandler.EmptyRule);
    }

    [Fact]
    public void Classify_UnrecognisedHumanReply_IsUnsureEngagement()
    {
        var result = _handler.Classify("The dog ate my homework");

        result.Category.ShouldBe(ReplyCategory.Engagement);
        result.Rule.ShouldBe(ObjectionHandler.DefaultRule);
        result.IsUnsure.ShouldBeTrue();
        result.Confidence.ShouldBeLessThan(ObjectionHandler.UnsureThreshold);
    }

    [Fact]
    public void Classify_ConfidentPatternMatch_IsNotUnsure()
    {
        var result = _handler.Classify("Check back in a few months");

        result.Category.ShouldBe(ReplyCategory.Timing);
        result.IsUnsure.ShouldBeFalse();
        result.Confidence.ShouldBeGreaterThanOrEqualTo(ObjectionHandler.UnsureThreshold);
    }

    [Fact]
    public void Classify_HtmlEmailWithQuotedOptOutHistory_ClassifiesOnlyTheNewText()
    {
        const string body = "<p>Yes, call me tomorrow.</p><div class=\"gmail_quote\">On Mon, Dec 1, 2026 at 9:00 AM Alex &lt;a@b.example&gt; wrote:"
            + "<blockquote>Reply STOP to opt out. Not interested? Let me know.</blockquote></div>";

        var result = _handler.Classify(body, isEmail: true);

        result.Category.ShouldBe(ReplyCategory.Engagement);
        result.OptsOut.ShouldBeFalse();
    }

    [Fact]
    public void Classify_HugeBinaryAndHostileBodies_NeverThrow()
    {
        var random = new Random(15);
        var junk = new string([.. Enumerable.Range(0, 20_000).Select(_ => (char)random.Next(0, 0xFFFF))]);
        string[] bodies =
        [
            junk,
            "\uD800 lone surrogate \uDC00 STOP",
            string.Concat(Enumerable.Repeat("<div><blockquote>", 2_000)),
            string.Concat(Enumerable.Repeat("no thanks ", 2_000)) + "x",
            string.Concat(Enumerable.Repeat("thanks for your message ", 1_000)),
            "<script>alert('x')</script><style>p{}</style>" + new string('<', 10_000),
            new string('a', 20_000),
        ];

        foreach (var body in bodies)
        {
            Should.NotThrow(() => _handler.Classify(body));
            Should.NotThrow(() => _handler.Classify(body, isEmail: true));
        }
    }

    [Fact]
    public void Classify_StopAfterAHighSurrogateIsStillAnOptOut() =>
        _handler.Classify("\uD800 STOP").Category.ShouldBe(ReplyCategory.OptOut);

    [Theory]
    [InlineData(ReplyCategory.OptOut, true)]
    [InlineData(ReplyCategory.NotInterested, true)]
    [InlineData(ReplyCategory.Timing, false)]
    [InlineData(ReplyCategory.AlreadyAgent, false)]
    [InlineData(ReplyCategory.Engagement, false)]
    public void ShouldOptOut_OnlyOptOutAndNotInterested(ReplyCategory category, bool expected) =>
        ObjectionHandler.ShouldOptOut(category).ShouldBe(expected);

    [Fact]
    public void AddReplies_RegistersOneObjectionHandler()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection();
        builder.AddReplies();
        using var provider = builder.Services.BuildServiceProvider();

        provider.GetRequiredService<ObjectionHandler>().ShouldBeSameAs(provider.GetRequiredService<ObjectionHandler>());
    }
}
