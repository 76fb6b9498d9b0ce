using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;

namespace Sdr.Tests.Unit.Compliance;

public sealed class ContentStageTests
{
    private readonly ContentStage _stage = new(Options.Create(new MessagingOptions { SenderName = "Alex", OptOutNotice = "Reply STOP to opt out" }));

    [Theory]
    [InlineData("Hi Sam, Alex with Harbor Realty. Thinking of selling? Reply STOP to opt out", SequenceStep.Sms1, StageVerdict.Continue)]
    [InlineData("Hi Sam, Alex with Harbor Realty. Thinking of selling?", SequenceStep.Sms1, StageVerdict.Blocked)]
    [InlineData("Hi Sam, thinking of selling? Reply STOP to opt out", SequenceStep.Sms1, StageVerdict.Blocked)]
    [InlineData("Checking back in: would a free estimate help?", SequenceStep.Sms2, StageVerdict.Continue)]
    [InlineData("", SequenceStep.Sms2, StageVerdict.Blocked)]
    public async Task FirstTextNamesTheSenderAndTheOptOut_AndNoTextIsEmpty(string body, SequenceStep step, StageVerdict expected)
    {
        var decision = await _stage.EvaluateAsync(Request(step, Channel.Sms, body), CancellationToken.None);

        decision.Verdict.ShouldBe(expected, decision.Reason);
    }

    [Fact]
    public async Task TextsOverOneSegment_AreBlocked_GsmAt160AndUcs2At70()
    {
        var gsm160 = new string('a', 160);
        var gsm161 = new string('a', 161);
        var extension = new string('a', 150) + "[[[[[[";                    // extension characters count two: 162
        var emoji70 = new string('a', 68) + "🏡";                          // one emoji: UCS-2, 70 units
        var emoji71 = new string('a', 69) + "🏡";

        (await Verdict(gsm160)).ShouldBe(StageVerdict.Continue);
        (await Verdict(gsm161)).ShouldBe(StageVerdict.Blocked);
        (await Verdict(extension)).ShouldBe(StageVerdict.Blocked);
        (await Verdict(emoji70)).ShouldBe(StageVerdict.Continue);
        (await Verdict(emoji71)).ShouldBe(StageVerdict.Blocked);
    }

    [Fact]
    public async Task EmailsAndVoicemails_AreNotHeldToSmsRules()
    {
        (await _stage.EvaluateAsync(Request(SequenceStep.Email1, Channel.Email, new string('a', 2_000)), CancellationToken.None)).Verdict.ShouldBe(StageVerdict.Continue);
        (await _stage.EvaluateAsync(Request(SequenceStep.Voicemail1, Channel.Voicemail, "drop"), CancellationToken.None)).Verdict.ShouldBe(StageVerdict.Continue);
    }

    private async Task<StageVerdict> Verdict(string body) =>
        (await _stage.EvaluateAsync(Request(SequenceStep.Sms2, Channel.Sms, body), CancellationToken.None)).Verdict;

    private static OutboundRequest Request(SequenceStep step, Channel channel, string body) => new(
        new SdrOutreachSequence { ContactId = "c1", LocationId = "l1", CurrentStep = SequenceStep.Enrolled, AbVariant = "consultative" },
        step,
        channel,
        new ComposedMessage(body),
        new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc));
}
