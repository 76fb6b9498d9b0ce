using System.Globalization;

namespace Sdr.Core.Compliance.Hours;

/// <summary>
/// Stage 2 of the compliance pipeline: defers a touch that would reach the recipient outside the
/// allowed hours to the first allowed minute. Every channel is held to it: a voicemail drop is a
/// call under the TCPA, and an email at 23:00 reads no better. Our answers, questions and offers are
/// held to it too; a STOP confirmation or HELP reply is not (<see cref="MessagePurposeRules.AppliesHours"/>).
/// </summary>
public sealed class HoursStage(QuietHoursPolicy policy) : IOutboundStage
{
    private readonly QuietHoursPolicy _policy = policy;

    public int Order => 20;

    public string Name => "hours";

    public ValueTask<StageDecision> EvaluateAsync(OutboundRequest request, CancellationToken cancellationToken)
    {
        if (!request.Purpose.AppliesHours())
        {
            return ValueTask.FromResult(StageDecision.Continue);
        }

        var check = _policy.Check(request.Now, request.Recipient);
        if (check is not { NextAllowedUtc: { } next, BlockingZone: { } zone })
        {
            return ValueTask.FromResult(StageDecision.Continue);
        }

        var now = UtcTime.AsUtc(request.Now);
        var reason = $"outside allowed hours in {zone.Id} ({Local(now, zone)}); next allowed {Local(next, zone)} ({string.Join(", ", check.Rules)})";
        return ValueTask.FromResult(StageDecision.Defer(reason, next));
    }

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
