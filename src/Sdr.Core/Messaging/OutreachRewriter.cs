using System.Globalization;
using Microsoft.Extensions.Options;
using Sdr.Core.Ai;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Messaging;

/// <summary>
/// Has the language model (the one that answers replies) rewrite a filled template for its prospect inside the content
/// rules, and falls back to the filled template on a timeout, an error, a refusal or a broken rule. Never throws for a
/// failed use, and a batch never waits longer than sdr:ai:timeout_seconds (plus the model's own abandon slack).
/// </summary>
public sealed class OutreachRewriter(ReplyLanguageModel model, PersonalizationEngine engine, IOptions<MessagingOptions> messaging, IOptions<AiOptions> ai, TimeProvider time)
{
    /// <summary>The purpose recorded with each use (<c>sdr_llm_calls.purpose</c>).</summary>
    public const string Purpose = "rewrite";

    /// <summary>How many rewrites of one batch are asked at once; the rest wait for a slot until the batch's deadline.</summary>
    private const int Concurrency = 16;

    public bool IsEnabled => model.IsEnabled && messaging.Value.RewriteWithLlm;

    /// <summary>Each draft's message: rewritten, or the filled template with the reason it was kept.</summary>
    public async Task<IReadOnlyList<RewriteOutcome>> RewriteAsync(IReadOnlyList<MessageDraft> drafts, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ai.Value.Timeout);
        using var slots = new SemaphoreSlim(Concurrency);
        var tasks = drafts.Select(async draft =>
        {
            if (!IsEnabled || draft.Template is null || draft.Channel is not (Channel.Sms or Channel.Email))
            {
                return new RewriteOutcome(engine.Finish(draft), null);
            }

            try
            {
                await slots.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The batch's time is up before this one's turn: the template goes out, no call is made.
                return new RewriteOutcome(engine.Finish(draft), null);
            }

            try
            {
                return await RewriteOneAsync(draft, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        });
        return await Task.WhenAll(tasks);
    }

    private async Task<RewriteOutcome> RewriteOneAsync(MessageDraft draft, CancellationToken cancellationToken)
    {
        var isSms = draft.Channel == Channel.Sms;
        var brief = new OutreachBrief(isSms, messaging.Value.SenderName, messaging.Value.CompanyName, Facts(draft.Facts), draft.Body, Room(draft));
        var result = await model.RewriteOutreachAsync(brief, cancellationToken);
        var fallbackReason = result.FallbackReason;
        if (result.Succeeded && isSms && engine.WholeSms(draft, result.Value!) is null)
        {
            fallbackReason = LlmFallbackReasons.TooLong;
        }

        var message = fallbackReason is null ? engine.Finish(draft, result.Value, result.Model) : engine.Finish(draft);
        return new RewriteOutcome(message, result with { Value = fallbackReason is null ? result.Value : null, FallbackReason = fallbackReason });
    }

    /// <summary>For an SMS, what one segment leaves beside the opening and the notice; for an email, twice the template's length.</summary>
    private static int Room(MessageDraft draft)
    {
        if (draft.Channel != Channel.Sms)
        {
            return Math.Max(draft.Body.Length * 2, 400);
        }

        var frame = new[] { draft.Opening, draft.Notice }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        var used = frame.Sum(p => SmsEncoding.Measure(SmsEncoding.Normalize(p!)).Length) + frame.Count;
        return Math.Max(0, SmsEncoding.Gsm7SingleSegment - used);
    }

    /// <summary>The facts the model may state, as text: the template variables we hold (prices in dollars).</summary>
    private Dictionary<string, string> Facts(ProspectFacts facts)
    {
        var values = TemplateVariables.Of(facts, messaging.Value, time.GetUtcNow().UtcDateTime);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var shown = value switch
            {
                null => null,
                decimal amount when name.EndsWith("price", StringComparison.Ordinal) || name.EndsWith("amount", StringComparison.Ordinal) || name.EndsWith("value", StringComparison.Ordinal) => TemplateVariables.Usd(amount),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (!string.IsNullOrWhiteSpace(shown) && name is not ("sender_name" or "company"))
            {
                text[name] = shown;
            }
        }

        return text;
    }
}

/// <summary>The message to send, and the model's use behind it (null when none was made: the model is off, or the batch's time ran out).</summary>
public sealed record RewriteOutcome(ComposedMessage Message, LlmResult<string>? Call);
