using Sdr.Core.Ai;
using Sdr.Tests.Support;

namespace Sdr.Tests.Unit.Ai;

/// <summary>Composed answers through the real SDK against the fake Messages API, checked against the content rules.</summary>
public sealed class ReplyLanguageModelComposeTests
{
    [Fact]
    public async Task ComposeAnswerAsync_AnswerInsideTheRules_IsReturnedOnOneLineWithPlainPunctuation()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond("\"Hi Dana, it\u2019s Alex at Harbor Realty.\nI can run a free value estimate for your 3 bed in Tampa \u2014 want one?\"");

        var result = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.Value.ShouldBe("Hi Dana, it's Alex at Harbor Realty. I can run a free value estimate for your 3 bed in Tampa - want one?");
    }

    [Fact]
    public async Task ComposeAnswerAsync_SystemPrompt_CarriesTheRulesTheSenderAndOnlyOurFacts()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond("Alex here at Harbor Realty: happy to help, Dana.");

        await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(maxLength: 120), CancellationToken.None);

        var request = ai.Fake.Requests.ShouldHaveSingleItem();
        request.System.ShouldContain("at most 120 characters");
        request.System.ShouldContain("Alex");
        request.System.ShouldContain("Harbor Realty");
        request.System.ShouldContain("city: Tampa");
        request.System.ShouldContain("Never invent prices");
        request.System.ShouldContain("No links");
        request.System.ShouldContain("no guarantees");
        request.System.ShouldContain("free value estimate", Case.Sensitive, "the template answer is offered as the standard");
        request.LastUserText.ShouldBe("<reply>How much is my house worth?</reply>");
        request.MaxTokens.ShouldBe(300);
    }

    [Theory]
    [InlineData("Alex at Harbor Realty: see harborrealty.com/value for your estimate.", "rule:url")]
    [InlineData("Alex here - details at https://example.org", "rule:url")]
    [InlineData("Alex here. I guarantee we'll sell it above asking.", "rule:promise")]
    [InlineData("Alex here. I promise a quick sale, Dana.", "rule:promise")]
    [InlineData("Alex here. Homes like yours in Tampa sell for $450,000 right now.", "rule:unknown_fact")]
    [InlineData("Alex here. Can we talk Tuesday at 4pm?", "rule:unknown_fact")]
    [InlineData("Alex here, Dana [insert price] is what we'd list at.", "rule:placeholder")]
    [InlineData("Hi Dana! Happy to run a free value estimate for your Tampa home.", "rule:sender_not_named")]
    [InlineData("Hi Dana, Alexander here from Harbor Realty.", "rule:sender_not_named")]
    [InlineData("Alex here \U0001F3E1 happy to help with a value estimate!", "rule:non_gsm")]
    [InlineData("   ", "rule:empty")]
    [InlineData("I'm sorry, but I can't help with writing that message.", "refusal")]
    public async Task ComposeAnswerAsync_AnswerBreakingARule_FallsBackNamingTheRule(string answer, string reason)
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(answer);

        var result = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(), CancellationToken.None);

        result.Value.ShouldBeNull();
        result.FallbackReason.ShouldBe(reason);
    }

    [Fact]
    public async Task ComposeAnswerAsync_AnswerLongerThanTheRoomGiven_FallsBackTooLong()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond("Alex at Harbor Realty here, Dana. I would be glad to put together a free value estimate for your Tampa home. Would this week work?");

        var fits = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(maxLength: 140), CancellationToken.None);
        var tooLong = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(maxLength: 100), CancellationToken.None);

        fits.Succeeded.ShouldBeTrue();
        tooLong.FallbackReason.ShouldBe(LlmFallbackReasons.TooLong);
    }

    [Fact]
    public async Task ComposeAnswerAsync_CutOffAtMaxTokens_FallsBackTooLong()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(FakeAnthropicResponse.Text("Alex at Harbor Realty here, Dana. I would be", stopReason: "max_tokens"));

        var result = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(), CancellationToken.None);

        result.FallbackReason.ShouldBe(LlmFallbackReasons.TooLong);
    }

    [Fact]
    public async Task ComposeAnswerAsync_StopReasonRefusal_FallsBackRefusal()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(FakeAnthropicResponse.Refusal("Alex here."));

        var result = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(), CancellationToken.None);

        result.FallbackReason.ShouldBe(LlmFallbackReasons.Refusal);
    }

    [Fact]
    public async Task ComposeAnswerAsync_Overloaded_FallsBackError529()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(FakeAnthropicResponse.Overloaded());

        var result = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(), CancellationToken.None);

        result.FallbackReason.ShouldBe("error:529");
        result.Model.ShouldBe("claude-sonnet-4-5");
    }
}
