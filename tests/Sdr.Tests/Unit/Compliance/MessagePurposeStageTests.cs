using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;
using Sdr.Tests.Unit.Compliance.Caps;
using Sdr.Tests.Unit.Compliance.Hours;
using static Sdr.Tests.Unit.Compliance.Caps.CapsTestData;

namespace Sdr.Tests.Unit.Compliance;

/// <summary>Each stage applies the rules of the message's purpose: a cadence touch, our answer, or a STOP/HELP reply.</summary>
public sealed class MessagePurposeStageTests
{
    // 23:00 EDT on Monday 6 July 2026.
    private const string LateEvening = "2026-07-07T03:00:00";

    private readonly HoursStage _hours = new(new QuietHoursPolicy(Options.Create(HoursTestData.WithSpecStates())));
    private readonly FakeCapCounters _counters = new();

    [Theory]
    [InlineData(MessagePurpose.OptOutConfirmation)]
    [InlineData(MessagePurpose.HelpReply)]
    public async Task Hours_AtElevenAtNightLocal_LetAStopOrHelpReplyGo(MessagePurpose purpose)
    {
        var decision = await _hours.EvaluateAsync(Message(purpose, LateEvening), CancellationToken.None);

        decision.ShouldBe(StageDecision.Continue);
    }

    [Theory]
    [InlineData(MessagePurpose.Answer)]
    [InlineData(MessagePurpose.QualifyingQuestion)]
    [InlineData(MessagePurpose.BookingOffer)]
    public async Task Hours_AtElevenAtNightLocal_DeferOurAnswerToEightInTheMorning(MessagePurpose purpose)
    {
        var decision = await _hours.EvaluateAsync(Message(purpose, LateEvening), CancellationToken.None);

        decision.Verdict.ShouldBe(StageVerdict.Deferred);
        decision.Until.ShouldBe(Utc("2026-07-07T12:00:00"));
    }

    [Fact]
    public async Task Caps_AnAnswerIsNotCountedByTheContactDailyCap_ButIsByTheLocationSmsCap()
    {
        var stage = Stage(_counters, perContact: 1, dailySms: 2);

        (await stage.EvaluateAsync(Message(MessagePurpose.Answer, "2026-07-06T14:00:00"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:05:00"), CancellationToken.None)).ShouldBe(StageDecision.Continue, "the answer took no unit of the contact's daily cap");
        _counters.Count("sdr:sms:daily:location-1:2026-07-06").ShouldBe(2);

        var next = await stage.EvaluateAsync(Message(MessagePurpose.Answer, "2026-07-06T15:00:00", contactId: "contact-2"), CancellationToken.None);

        next.Verdict.ShouldBe(StageVerdict.Deferred);
        next.Reason.ShouldBe("daily SMS cap of 2 reached for location location-1");
    }

    [Fact]
    public async Task Caps_AnAnswerCountsTowardTheStatesRollingLimit()
    {
        var stage = Stage(_counters, perContact: 10);
        for (var hour = 10; hour < 13; hour++)
        {
            (await stage.EvaluateAsync(Message(MessagePurpose.Answer, $"2026-07-06T{hour}:00:00", Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        }

        var fourth = await stage.EvaluateAsync(Message(MessagePurpose.QualifyingQuestion, "2026-07-06T13:00:00", Florida), CancellationToken.None);

        fourth.Verdict.ShouldBe(StageVerdict.Deferred);
        fourth.Reason.ShouldStartWith("FL limit of 3 messages per rolling 24 h");
    }

    [Theory]
    [InlineData(MessagePurpose.OptOutConfirmation)]
    [InlineData(MessagePurpose.HelpReply)]
    public async Task Caps_AStopOrHelpReplyGoesWhenEveryCapIsReached_AndTakesNoUnit(MessagePurpose purpose)
    {
        var stage = Stage(_counters, perContact: 1, dailySms: 1);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00", recipient: Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);

        (await stage.EvaluateAsync(Message(purpose, "2026-07-06T14:01:00", Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        (await stage.EvaluateManyAsync([Message(purpose, "2026-07-06T14:02:00", Florida, "contact-2"), Message(purpose, "2026-07-06T14:02:00", Florida, "contact-3")], CancellationToken.None))
            .ShouldAllBe(d => d.Verdict == StageVerdict.Continue);

        _counters.Count("sdr:sms:daily:location-1:2026-07-06").ShouldBe(1);
    }

    [Fact]
    public async Task Content_HoldsAStopConfirmationToOneSegment()
    {
        var stage = new ContentStage(Options.Create(new MessagingOptions()));
        var tooLong = OutboundRequest.Conversational(MessagePurpose.OptOutConfirmation, "location-1", "contact-1", Channel.Sms, new ComposedMessage(new string('a', 161)), Utc(LateEvening));

        (await stage.EvaluateAsync(tooLong, CancellationToken.None)).Verdict.ShouldBe(StageVerdict.Blocked);
        (await stage.EvaluateAsync(Message(MessagePurpose.OptOutConfirmation, LateEvening), CancellationToken.None)).ShouldBe(StageDecision.Continue);
    }

    [Fact]
    public void Rules_AreWrittenOncePerPurpose()
    {
        MessagePurpose.CadenceStep.CountsTowardContactDailyCap().ShouldBeTrue();
        Enum.GetValues<MessagePurpose>().Where(p => p != MessagePurpose.CadenceStep).ShouldAllBe(p => !p.CountsTowardContactDailyCap());
        foreach (var purpose in new[] { MessagePurpose.CadenceStep, MessagePurpose.Answer, MessagePurpose.QualifyingQuestion, MessagePurpose.BookingOffer })
        {
            (purpose.AppliesConsent(), purpose.AppliesHours(), purpose.AppliesCaps(), purpose.SendWindow()).ShouldBe((true, true, true, (TimeSpan?)null), purpose.ToString());
        }

        foreach (var purpose in new[] { MessagePurpose.OptOutConfirmation, MessagePurpose.HelpReply })
        {
            (purpose.AppliesConsent(), purpose.AppliesHours(), purpose.AppliesCaps(), purpose.SendWindow()).ShouldBe((false, false, false, (TimeSpan?)TimeSpan.FromMinutes(5)), purpose.ToString());
        }

        Enum.GetValues<MessagePurpose>().ShouldAllBe(p => MessagePurposeNames.Parse(p.ToName()) == p);
    }

    [Fact]
    public void ACadenceStepCannotBeQueuedAsAConversationalMessage()
    {
        Should.Throw<ArgumentException>(() => OutboundRequest.Conversational(MessagePurpose.CadenceStep, "l", "c", Channel.Sms, new ComposedMessage("hi"), DateTime.UtcNow));
    }

    private static OutboundRequest Message(MessagePurpose purpose, string now, RecipientInfo? recipient = null, string contactId = "contact-1") =>
        OutboundRequest.Conversational(purpose, "location-1", contactId, Channel.Sms, new ComposedMessage("Harbor Realty: you're unsubscribed. Reply START to resubscribe."), Utc(now)) with
        {
            Recipient = recipient ?? NewYork,
        };
}
