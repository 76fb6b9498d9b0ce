using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using static Sdr.Tests.Unit.Compliance.Caps.CapsTestData;

namespace Sdr.Tests.Unit.Compliance.Caps;

public sealed class CapsStageTests
{
    private readonly FakeCapCounters _counters = new();

    [Fact]
    public void RunsThird_AsCaps()
    {
        var stage = Stage(_counters);

        stage.Order.ShouldBe(30);
        stage.Name.ShouldBe("caps");
    }

    [Theory]
    [InlineData(Channel.Sms)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Voicemail)]
    public async Task SecondCadenceTouchOfTheDay_IsDeferredToTheNextUtcMidnight(Channel channel)
    {
        var stage = Stage(_counters);
        (await stage.EvaluateAsync(Request(channel, "2026-07-06T14:00:00"), CancellationToken.None)).ShouldBe(StageDecision.Continue);

        var decision = await stage.EvaluateAsync(Request(channel, "2026-07-06T18:00:00"), CancellationToken.None);

        decision.Verdict.ShouldBe(StageVerdict.Deferred);
        decision.Until.ShouldBe(Utc("2026-07-07T00:00:00"));
        decision.Reason.ShouldBe("daily touch cap of 1 reached for contact contact-1");
    }

    [Fact]
    public async Task CadenceCap_IsPerContactAndPerDay()
    {
        var stage = Stage(_counters);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00"), CancellationToken.None);

        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T15:00:00", contactId: "contact-2"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-07T14:00:00"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
    }

    [Fact]
    public async Task AnswerToTheProspect_IsNotHeldToTheCadenceCap()
    {
        var stage = Stage(_counters);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00"), CancellationToken.None);

        var answer = await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:05:00", cadence: false), CancellationToken.None);

        answer.ShouldBe(StageDecision.Continue);
    }

    [Fact]
    public async Task LocationSmsCap_CountsEverySms_AndDefersToTheNextUtcMidnight()
    {
        var stage = Stage(_counters, dailySms: 2);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:01:00", contactId: "b", cadence: false), CancellationToken.None)).ShouldBe(StageDecision.Continue);

        var decision = await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T23:59:00", contactId: "c"), CancellationToken.None);

        decision.Verdict.ShouldBe(StageVerdict.Deferred);
        decision.Reason.ShouldBe("daily SMS cap of 2 reached for location location-1");
        decision.Until.ShouldBe(Utc("2026-07-07T00:00:00"));
        _counters.Count("sdr:sms:daily:location-1:2026-07-06").ShouldBe(2);
    }

    [Fact]
    public async Task LocationSmsCap_LeavesEmailAndOtherLocationsAlone()
    {
        var stage = Stage(_counters, dailySms: 1);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a"), CancellationToken.None);

        (await stage.EvaluateAsync(Request(Channel.Email, "2026-07-06T14:01:00", contactId: "b"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:02:00", contactId: "c", locationId: "location-2"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        _counters.Count("sdr:sms:daily:location-1:2026-07-06").ShouldBe(1);
    }

    [Fact]
    public async Task BlockedByTheLocationCap_GivesTheContactsUnitBack()
    {
        var stage = Stage(_counters, dailySms: 1);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00", contactId: "a"), CancellationToken.None);

        var blocked = await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:01:00", contactId: "b", recipient: Florida), CancellationToken.None);

        blocked.Verdict.ShouldBe(StageVerdict.Deferred);
        _counters.Count("sdr:touch:daily:location-1:b:2026-07-06").ShouldBe(0);
        _counters.RollingCount("sdr:touch:rolling24h:location-1:b").ShouldBe(0);
        (await stage.EvaluateAsync(Request(Channel.Email, "2026-07-06T14:02:00", contactId: "b"), CancellationToken.None)).ShouldBe(StageDecision.Continue);
    }

    [Fact]
    public async Task Florida_AllowsThreeMessagesPerRolling24Hours_ThenDefersUntilTheFirstLeaves()
    {
        var stage = Stage(_counters);
        foreach (var at in new[] { "2026-07-06T13:00:00", "2026-07-06T15:00:00", "2026-07-06T17:00:00" })
        {
            (await stage.EvaluateAsync(Request(Channel.Sms, at, cadence: false, recipient: Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        }

        var fourth = await stage.EvaluateAsync(Request(Channel.Voicemail, "2026-07-07T12:00:00", cadence: false, recipient: Florida), CancellationToken.None);

        fourth.Verdict.ShouldBe(StageVerdict.Deferred);
        fourth.Until.ShouldBe(Utc("2026-07-07T13:00:00"));
        fourth.Reason.ShouldBe("FL limit of 3 messages per rolling 24 h reached for contact contact-1");
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-07T13:00:00", cadence: false, recipient: Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);
    }

    [Fact]
    public async Task RollingLimit_CountsTheCadenceTouchToo_AndNotEmail()
    {
        var stage = Stage(_counters);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T13:00:00", recipient: Florida), CancellationToken.None);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T14:00:00", cadence: false, recipient: Florida), CancellationToken.None);
        await stage.EvaluateAsync(Request(Channel.Email, "2026-07-06T14:30:00", cadence: false, recipient: Florida), CancellationToken.None);
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T15:00:00", cadence: false, recipient: Florida), CancellationToken.None);

        var fourth = await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T16:00:00", cadence: false, recipient: Florida), CancellationToken.None);

        fourth.Verdict.ShouldBe(StageVerdict.Deferred);
        fourth.Until.ShouldBe(Utc("2026-07-07T13:00:00"));
    }

    [Fact]
    public async Task OtherStates_HaveNoRollingLimit()
    {
        var stage = Stage(_counters);
        for (var hour = 10; hour < 16; hour++)
        {
            var at = $"2026-07-06T{hour}:00:00";
            (await stage.EvaluateAsync(Request(Channel.Sms, at, cadence: false, recipient: NewYork), CancellationToken.None)).ShouldBe(StageDecision.Continue);
        }
    }

    [Fact]
    public async Task RollingStates_AreConfigurable()
    {
        var stage = Stage(_counters, caps: new CapsOptions { Rolling24hStates = ["ny"], Rolling24hLimit = 1 });
        await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T10:00:00", cadence: false, recipient: NewYork), CancellationToken.None);

        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T11:00:00", cadence: false, recipient: NewYork), CancellationToken.None)).Reason.ShouldStartWith("NY limit of 1 messages");
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T11:00:00", cadence: false, recipient: Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);
    }

    [Fact]
    public async Task UnknownState_IsHeldToTheRollingLimit()
    {
        var stage = Stage(_counters);
        var unknown = new Sdr.Core.Compliance.RecipientInfo(null, null, null);
        for (var hour = 10; hour < 13; hour++)
        {
            await stage.EvaluateAsync(Request(Channel.Sms, $"2026-07-06T{hour}:00:00", cadence: false, recipient: unknown), CancellationToken.None);
        }

        var fourth = await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T13:00:00", cadence: false, recipient: unknown), CancellationToken.None);

        fourth.Reason.ShouldBe("unknown state limit of 3 messages per rolling 24 h reached for contact contact-1");
    }

    [Fact]
    public async Task Release_GivesBackEveryUnitTheTouchTook()
    {
        var stage = Stage(_counters);
        var request = Request(Channel.Sms, "2026-07-06T14:00:00", recipient: Florida);
        (await stage.EvaluateAsync(request, CancellationToken.None)).ShouldBe(StageDecision.Continue);

        await stage.ReleaseAsync(request, CancellationToken.None);

        _counters.Count("sdr:touch:daily:location-1:contact-1:2026-07-06").ShouldBe(0);
        _counters.Count("sdr:sms:daily:location-1:2026-07-06").ShouldBe(0);
        _counters.RollingCount("sdr:touch:rolling24h:location-1:contact-1").ShouldBe(0);
        (await stage.EvaluateAsync(Request(Channel.Sms, "2026-07-06T15:00:00", recipient: Florida), CancellationToken.None)).ShouldBe(StageDecision.Continue);
    }
}
