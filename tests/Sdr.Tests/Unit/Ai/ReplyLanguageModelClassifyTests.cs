using System.Diagnostics;
using Sdr.Core.Ai;
using Sdr.Tests.Support;

namespace Sdr.Tests.Unit.Ai;

/// <summary>Classification through the real SDK against the fake Messages API over HTTP.</summary>
public sealed class ReplyLanguageModelClassifyTests
{
    private static readonly string[] Labels = ["opt_out", "not_interested", "already_agent", "timing", "price", "info_request", "engagement", "help", "start"];

    [Fact]
    public async Task ClassifyAsync_JsonAnswer_ReturnsTheLabelConfidenceModelAndLatency()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond("{\"label\": \"price\", \"confidence\": 0.86}");

        var result = await ai.Model.ClassifyAsync("what would you charge to sell it", Labels, CancellationToken.None);

        result.Succeeded.ShouldBeTrue();
        result.FallbackReason.ShouldBeNull();
        result.Value.ShouldBe(new LlmClassification("price", 0.86));
        result.Model.ShouldBe("claude-sonnet-4-5");
        result.Latency.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task ClassifyAsync_Request_CarriesKeyVersionModelMaxTokensLabelsAndTheReplyAsData()
    {
        await using var ai = await AiTestHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:ai:model"] = "claude-haiku-4-5", ["sdr:ai:max_tokens"] = "120" });
        ai.Fake.Respond("{\"label\": \"timing\", \"confidence\": 0.7}");

        await ai.Model.ClassifyAsync("maybe next spring", Labels, CancellationToken.None);

        var request = ai.Fake.Requests.ShouldHaveSingleItem();
        request.ApiKey.ShouldBe(FakeAnthropicServer.ApiKey);
        request.Headers["anthropic-version"].ShouldNotBeNullOrEmpty();
        request.Model.ShouldBe("claude-haiku-4-5");
        request.MaxTokens.ShouldBe(120);
        foreach (var label in Labels)
        {
            request.System.ShouldContain(label);
        }

        request.System.ShouldContain("\"label\"");
        request.System.ShouldContain("\"confidence\"");
        request.System.ShouldNotContain("maybe next spring");
        request.LastUserText.ShouldBe("<reply>maybe next spring</reply>");
    }

    [Theory]
    [InlineData("```json\n{\"label\": \"already_agent\", \"confidence\": 0.9}\n```")]
    [InlineData("Sure! Here is the classification: {\"label\": \"ALREADY_AGENT\", \"confidence\": \"0.9\"} Hope it helps.")]
    [InlineData("{\"Label\": \"already_agent\", \"Confidence\": 0.9,}")]
    public async Task ClassifyAsync_JsonInsideFencesOrProse_IsRead(string answer)
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(answer);

        var result = await ai.Model.ClassifyAsync("I already have a realtor", Labels, CancellationToken.None);

        result.Value.ShouldBe(new LlmClassification("already_agent", 0.9));
    }

    [Theory]
    [InlineData("{\"label\": \"angry\", \"confidence\": 0.95}", "invalid_label")]
    [InlineData("{\"label\": \"\", \"confidence\": 0.95}", "invalid_label")]
    [InlineData("This person seems to be interested in pricing.", "unparseable")]
    [InlineData("{\"label\": \"price\"}", "unparseable")]
    [InlineData("{\"label\": \"price\", \"confidence\": 87}", "unparseable")]
    [InlineData("{\"category\": \"price\", \"confidence\": 0.8}", "unparseable")]
    [InlineData("{\"label\": \"price\", \"confidence\": 0.", "unparseable")]
    [InlineData("", "unparseable")]
    [InlineData("I'm sorry, but I can't help with classifying this message.", "refusal")]
    public async Task ClassifyAsync_AnswerOutsideTheContract_FallsBackWithItsReason(string answer, string reason)
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(answer);

        var result = await ai.Model.ClassifyAsync("how much", Labels, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Value.ShouldBeNull();
        result.FallbackReason.ShouldBe(reason);
    }

    [Fact]
    public async Task ClassifyAsync_StopReasonRefusal_FallsBackRefusal()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(FakeAnthropicResponse.Refusal());

        var result = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);

        result.FallbackReason.ShouldBe(LlmFallbackReasons.Refusal);
    }

    [Theory]
    [InlineData(529, "error:529")]
    [InlineData(500, "error:500")]
    [InlineData(429, "error:429")]
    [InlineData(400, "error:400")]
    public async Task ClassifyAsync_ApiError_FallsBackWithTheStatus_WithoutRetrying(int status, string reason)
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(status == 529 ? FakeAnthropicResponse.Overloaded() : FakeAnthropicResponse.Error(status, "api_error", "failed"));

        var result = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);

        result.FallbackReason.ShouldBe(reason);
        ai.Fake.Requests.Count.ShouldBe(1, "the timeout is the whole budget: the SDK must not retry");
    }

    [Fact]
    public async Task ClassifyAsync_WrongApiKey_FallsBackError401()
    {
        await using var ai = await AiTestHost.StartAsync(settings: new Dictionary<string, string?> { [AnthropicApiKey.EnvironmentVariable] = "sk-ant-wrong" });
        ai.Fake.Respond("{\"label\": \"price\", \"confidence\": 0.9}");

        var result = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);

        result.FallbackReason.ShouldBe("error:401");
    }

    [Theory]
    [InlineData(200, "<html><body>502 Bad Gateway</body></html>")]
    [InlineData(200, "{\"id\": \"msg_1\", \"type\": \"mess")]
    [InlineData(502, "<html><body>502 Bad Gateway</body></html>")]
    public async Task ClassifyAsync_GarbageBody_FallsBackAsAnError(int status, string body)
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(FakeAnthropicResponse.Garbage(body, status));

        var result = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);

        result.Value.ShouldBeNull();
        result.FallbackReason.ShouldNotBeNull().ShouldStartWith("error:");
        ai.Fake.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ClassifyAsync_NoServerListening_FallsBackAsAnErrorAtOnce()
    {
        await using var ai = await AiTestHost.StartAsync(settings: new Dictionary<string, string?> { ["sdr:ai:base_url"] = "http://127.0.0.1:9" });
        var stopwatch = Stopwatch.StartNew();

        var result = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);

        result.FallbackReason.ShouldNotBeNull().ShouldStartWith("error:");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ClassifyAsync_TenSecondAnswer_TimesOutAfterTheOneSecondBudget()
    {
        await using var ai = await AiTestHost.StartAsync(timeoutSeconds: 1);
        ai.Fake.Respond(FakeAnthropicResponse.Text("{\"label\": \"price\", \"confidence\": 0.9}").After(TimeSpan.FromSeconds(10)));
        var stopwatch = Stopwatch.StartNew();

        var result = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);

        stopwatch.Stop();
        result.FallbackReason.ShouldBe(LlmFallbackReasons.Timeout);
        result.Latency.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
        ai.Fake.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ClassifyAsync_OneSlowAnswer_DoesNotHoldUpTheNext()
    {
        await using var ai = await AiTestHost.StartAsync(timeoutSeconds: 3);
        ai.Fake.Respond(request => FakeAnthropicResponse.Text("{\"label\": \"price\", \"confidence\": 0.9}")
            .After(request.LastUserText.Contains("slow", StringComparison.Ordinal) ? TimeSpan.FromSeconds(10) : TimeSpan.Zero));

        var slow = ai.Model.ClassifyAsync("slow one", Labels, CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        var fast = await ai.Model.ClassifyAsync("fast one", Labels, CancellationToken.None);
        var fastTook = stopwatch.Elapsed;

        fast.Succeeded.ShouldBeTrue();
        fastTook.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        (await slow).FallbackReason.ShouldBe(LlmFallbackReasons.Timeout);
    }

    [Fact]
    public async Task ClassifyAsync_CallerCancels_Throws()
    {
        await using var ai = await AiTestHost.StartAsync(timeoutSeconds: 10);
        ai.Fake.Respond(FakeAnthropicResponse.Text("{\"label\": \"price\", \"confidence\": 0.9}").After(TimeSpan.FromSeconds(10)));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => ai.Model.ClassifyAsync("some reply", Labels, caller.Token));
    }

    [Fact]
    public async Task NoApiKey_IsOff_AndCallsNothing()
    {
        await using var ai = await AiTestHost.StartAsync(withKey: false);

        var classification = await ai.Model.ClassifyAsync("some reply", Labels, CancellationToken.None);
        var answer = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(), CancellationToken.None);

        ai.Model.IsEnabled.ShouldBeFalse();
        classification.FallbackReason.ShouldBe(LlmFallbackReasons.Disabled);
        answer.FallbackReason.ShouldBe(LlmFallbackReasons.Disabled);
        ai.Fake.Requests.ShouldBeEmpty();
    }
}
