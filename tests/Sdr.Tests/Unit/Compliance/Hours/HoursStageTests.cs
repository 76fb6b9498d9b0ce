using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;
using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

public sealed class HoursStageTests
{
    private readonly HoursStage _stage = new(new QuietHoursPolicy(Options.Create(WithSpecStates())));

    [Fact]
    public void RunsSecond_AsHours()
    {
        _stage.Order.ShouldBe(20);
        _stage.Name.ShouldBe("hours");
    }

    [Fact]
    public async Task InsideTheWindow_Continues()
    {
        var decision = await _stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T16:00:00", Recipient("America/New_York", "NY")), CancellationToken.None);

        decision.ShouldBe(StageDecision.Continue);
    }

    [Theory]
    [InlineData(Channel.Sms)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Voicemail)]
    public async Task At2300Local_DefersToTheNext0800_OnEveryChannel(Channel channel)
    {
        // 23:00 EDT on Monday 6 July 2026.
        var decision = await _stage.EvaluateAsync(Request(channel, "2026-07-07T03:00:00", Recipient("America/New_York", "NY")), CancellationToken.None);

        decision.Verdict.ShouldBe(StageVerdict.Deferred);
        decision.Until.ShouldBe(Utc("2026-07-07T12:00:00"));
        decision.Reason.ShouldStartWith("outside allowed hours in America/New_York (Mon 2026-07-06 23:00); next allowed Tue 2026-07-07 08:00");
    }

    [Fact]
    public async Task UnspecifiedKindNow_IsTakenAsUtc()
    {
        var now = DateTime.SpecifyKind(Utc("2026-07-07T03:00:00"), DateTimeKind.Unspecified);
        var request = Request(Channel.Sms, "2026-07-07T03:00:00", Recipient("America/New_York", "NY")) with { Now = now };

        var decision = await _stage.EvaluateAsync(request, CancellationToken.None);

        decision.Until.ShouldBe(Utc("2026-07-07T12:00:00"));
    }

    private static OutboundRequest Request(Channel channel, string now, RecipientInfo recipient) =>
        new(new SdrOutreachSequence { ContactId = "contact-1", LocationId = "location-1", CurrentStep = SequenceStep.Sms1, AbVariant = "consultative" }, SequenceStep.Sms1, channel, new ComposedMessage("Hi, Alex from Harbor Realty. Reply STOP to opt out"), Utc(now))
        {
            Recipient = recipient,
        };
}
