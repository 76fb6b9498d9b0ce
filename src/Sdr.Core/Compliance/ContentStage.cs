using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;

namespace Sdr.Core.Compliance;

/// <summary>
/// Stage 4: the text that actually leaves. An SMS must fit one segment (160 GSM-7 characters, or 70
/// when it needs UCS-2), and the first text must name the sender and say how to opt out. Messages
/// are composed to fit (<see cref="SmsComposer"/>); this stage is the guard for any message that
/// was not, so nothing non-compliant reaches GHL whoever wrote it.
/// </summary>
public sealed class ContentStage(IOptions<MessagingOptions> messaging) : IOutboundStage
{
    public int Order => 40;

    public string Name => "content";

    public ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(request));

    private StageDecision Evaluate(OutboundRequest request)
    {
        if (request.Channel != Channel.Sms)
        {
            return string.IsNullOrWhiteSpace(request.Message.Body) && request.Channel == Channel.Email
                ? StageDecision.Block("content: the email has no body")
                : StageDecision.Continue;
        }

        var body = request.Message.Body;
        if (string.IsNullOrWhiteSpace(body))
        {
            return StageDecision.Block("content: the text is empty");
        }

        if (!SmsEncoding.FitsOneSegment(body))
        {
            return StageDecision.Block($"content: the text needs more than one SMS segment ({body.Length} characters)");
        }

        if (request.Step == SequenceStep.Sms1)
        {
            var options = messaging.Value;
            if (!body.Contains(options.SenderName, StringComparison.OrdinalIgnoreCase))
            {
                return StageDecision.Block("content: the first text does not name the sender");
            }

            if (!body.Contains(SmsEncoding.Normalize(options.OptOutNotice), StringComparison.OrdinalIgnoreCase))
            {
                return StageDecision.Block("content: the first text does not say how to opt out");
            }
        }

        return StageDecision.Continue;
    }
}
