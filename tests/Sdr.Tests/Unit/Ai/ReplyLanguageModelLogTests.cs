using Microsoft.Extensions.Logging;
using Sdr.Core.Ai;
using Sdr.Tests.Support;

namespace Sdr.Tests.Unit.Ai;

public sealed class ReplyLanguageModelLogTests
{
    private const string ReplyMarker = "Zephyrine-7731";
    private const string AnswerMarker = "Quillon";

    [Fact]
    public async Task EveryUse_IsLoggedWithModelLatencyAndReason_NeverWithTheReplyOrTheAnswer()
    {
        await using var ai = await AiTestHost.StartAsync();
        ai.Fake.Respond(request => request.System.Contains("\"label\"", StringComparison.Ordinal)
            ? FakeAnthropicResponse.Text($"{{\"label\": \"{AnswerMarker}\", \"confidence\": 0.9}}")
            : FakeAnthropicResponse.Text($"Alex here, {AnswerMarker} at Harbor Realty. Visit {AnswerMarker}.com"));

        var classification = await ai.Model.ClassifyAsync($"my name is {ReplyMarker}, call me", ["engagement", "price"], CancellationToken.None);
        var answer = await ai.Model.ComposeAnswerAsync(AiTestHost.Brief(replyText: $"{ReplyMarker} wants a price"), CancellationToken.None);
        ai.Fake.Respond(FakeAnthropicResponse.Garbage($"{{\"echo\": \"{ReplyMarker}\"}}", 500));
        var error = await ai.Model.ClassifyAsync($"{ReplyMarker} again", ["engagement"], CancellationToken.None);

        classification.FallbackReason.ShouldBe("invalid_label");
        answer.FallbackReason.ShouldBe("rule:url");
        error.FallbackReason.ShouldBe("error:500");
        var records = ai.Logs.GetSnapshot();
        foreach (var record in records)
        {
            var text = $"{record.Message} {record.Exception} {string.Join(" ", record.StructuredState?.Select(s => s.Value) ?? [])}";
            text.ShouldNotContain(ReplyMarker, customMessage: $"{record.Category} {record.Id}");
            text.ShouldNotContain(AnswerMarker, customMessage: $"{record.Category} {record.Id}");
            text.ShouldNotContain(FakeAnthropicServer.ApiKey, customMessage: $"{record.Category} {record.Id}");
        }

        var uses = records.Where(r => r.Category == typeof(ReplyLanguageModel).FullName).ToList();
        uses.Count.ShouldBe(3);
        uses.ShouldAllBe(r => r.Level == LogLevel.Information && r.Message.Contains("claude-sonnet-4-5") && r.Message.Contains(" ms"));
        uses.Select(r => r.Message).ShouldContain(m => m.EndsWith("fallback rule:url", StringComparison.Ordinal));
    }
}
