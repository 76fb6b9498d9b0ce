using System.Diagnostics;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sdr.Core.Ai;

/// <summary>
/// The language model behind reply handling: a classification when the patterns are unsure, and a composed answer
/// inside the content rules. Never throws for a failed use: a timeout, an error, a refusal or an answer outside the
/// rules comes back as a <see cref="LlmResult{T}.FallbackReason"/> within sdr:ai:timeout_seconds, so the caller
/// sends its pattern or template instead. Only the caller's own cancellation throws. Call it outside the ordered
/// webhook processing: one slow answer must not hold up the next event. Each use is logged with its model, latency
/// and fallback reason, never with the prospect's text or the answer.
/// </summary>
public sealed partial class ReplyLanguageModel
{
    /// <summary>Beyond the timeout, how long a call that ignores cancellation is awaited before it is left behind.</summary>
    private static readonly TimeSpan AbandonSlack = TimeSpan.FromMilliseconds(250);

    private readonly IChatClient? _chatClient;
    private readonly AiOptions _options;
    private readonly ILogger<ReplyLanguageModel> _logger;

    /// <param name="chatClient">The model, or null when it is off (no API key).</param>
    public ReplyLanguageModel(IChatClient? chatClient, IOptions<AiOptions> options, ILogger<ReplyLanguageModel> logger)
    {
        _chatClient = chatClient;
        _options = options.Value;
        _logger = logger;
    }

    public bool IsEnabled => _chatClient is not null;

    /// <summary>One label among <paramref name="allowedLabels"/> for the prospect's reply, with the model's confidence.</summary>
    public Task<LlmResult<LlmClassification>> ClassifyAsync(string replyText, IReadOnlyList<string> allowedLabels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(replyText);
        if (allowedLabels.Count == 0)
        {
            throw new ArgumentException("At least one label is required.", nameof(allowedLabels));
        }

        List<ChatMessage> messages =
        [
            new(ChatRole.System, AiPrompts.Classification(allowedLabels)),
            new(ChatRole.User, AiPrompts.Reply(replyText)),
        ];
        return AskAsync(LlmUse.Classify, messages, text => ClassificationAnswer.Read(text, allowedLabels), ct);
    }

    /// <summary>One SMS answer to the prospect inside the content rules (<see cref="AnswerRules"/>), normalized.</summary>
    public Task<LlmResult<string>> ComposeAnswerAsync(AnswerBrief brief, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(brief);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, AiPrompts.Composition(brief)),
            new(ChatRole.User, AiPrompts.Reply(brief.ReplyText)),
        ];
        return AskAsync<string>(LlmUse.Compose, messages, text =>
        {
            var answer = AnswerRules.Normalize(text);
            var broken = AnswerRules.Check(answer, brief);
            if (broken == LlmFallbackReasons.Rule(AnswerRules.SenderNotNamed) && RefusalText.IsRefusal(answer))
            {
                broken = LlmFallbackReasons.Refusal;
            }

            return broken is null ? (answer, null) : (null, broken);
        }, ct);
    }

    /// <summary>An outreach message rewritten for its prospect inside the content rules (<see cref="AnswerRules.Check(string, OutreachBrief)"/>).</summary>
    public Task<LlmResult<string>> RewriteOutreachAsync(OutreachBrief brief, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(brief);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, AiPrompts.Outreach(brief)),
            new(ChatRole.User, AiPrompts.Template(brief.TemplateText)),
        ];
        return AskAsync<string>(LlmUse.Rewrite, messages, text =>
        {
            var rewritten = brief.IsSms ? AnswerRules.Normalize(text) : text.Trim().Trim('"').Trim();
            if (RefusalText.IsRefusal(rewritten))
            {
                return (null, LlmFallbackReasons.Refusal);
            }

            var broken = AnswerRules.Check(rewritten, brief);
            return broken is null ? (rewritten, null) : (null, broken);
        }, ct);
    }

    private async Task<LlmResult<T>> AskAsync<T>(LlmUse use, List<ChatMessage> messages, Func<string, (T? Value, string? FallbackReason)> read, CancellationToken ct)
        where T : class
    {
        if (_chatClient is null)
        {
            return Record(use, new LlmResult<T>(null, _options.Model, TimeSpan.Zero, LlmFallbackReasons.Disabled));
        }

        var model = _options.Model;
        T? value = null;
        string? fallbackReason;
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var chatOptions = new ChatOptions { ModelId = _options.Model, MaxOutputTokens = _options.MaxTokens };
            var response = await _chatClient.GetResponseAsync(messages, chatOptions, timeout.Token).WaitAsync(_options.Timeout + AbandonSlack, ct);
            model = response.ModelId ?? model;
            (value, fallbackReason) = Interpret(use, response, read);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            fallbackReason = LlmFallbackReasons.Timeout;
        }
        catch (TimeoutException)
        {
            fallbackReason = LlmFallbackReasons.Timeout;
        }
        catch (AnthropicApiException e)
        {
            fallbackReason = LlmFallbackReasons.Error(e.StatusCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's message may hold the response body: only its type is kept.
            fallbackReason = LlmFallbackReasons.Error(e);
        }

        return Record(use, new LlmResult<T>(fallbackReason is null ? value : null, model, stopwatch.Elapsed, fallbackReason));
    }

    private static (T? Value, string? FallbackReason) Interpret<T>(LlmUse use, ChatResponse response, Func<string, (T? Value, string? FallbackReason)> read)
        where T : class
    {
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return (null, LlmFallbackReasons.Refusal);
        }

        if (use is LlmUse.Compose or LlmUse.Rewrite && response.FinishReason == ChatFinishReason.Length)
        {
            return (null, LlmFallbackReasons.TooLong);
        }

        return read(response.Text);
    }

    private LlmResult<T> Record<T>(LlmUse use, LlmResult<T> result)
    {
        LogUse(use, result.Model, (long)result.Latency.TotalMilliseconds, result.FallbackReason ?? "none");
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model {Use} with {Model}: {LatencyMs} ms, fallback {FallbackReason}")]
    private partial void LogUse(LlmUse use, string model, long latencyMs, string fallbackReason);

    private enum LlmUse
    {
        Classify,
        Compose,
        Rewrite,
    }
}
