using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;
using Sdr.Core.Sequences;

namespace Sdr.Tests.Unit.Sequences;

public sealed class ConversationMatchTests
{
    private static readonly DateTime ReservedAt = new(2026, 3, 2, 20, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void OutboundSmsSentAfterTheReservation_IsACandidate()
    {
        ConversationMatch.IsCandidate(Message("outbound", "TYPE_SMS", ReservedAt.AddSeconds(1)), Channel.Sms, ReservedAt).ShouldBeTrue();
    }

    [Fact]
    public void SmsStampedALittleBeforeTheReservation_IsACandidate_ForClockSkew()
    {
        ConversationMatch.IsCandidate(Message("outbound", "TYPE_SMS", ReservedAt.AddMinutes(-1)), Channel.Sms, ReservedAt).ShouldBeTrue();
    }

    [Theory]
    [InlineData("inbound", "TYPE_SMS", 1)]
    [InlineData("outbound", "TYPE_EMAIL", 1)]
    [InlineData("outbound", "TYPE_SMS", -10)]
    public void InboundOtherChannelOrOlderMessages_AreNotCandidates(string direction, string type, int minutes)
    {
        ConversationMatch.IsCandidate(Message(direction, type, ReservedAt.AddMinutes(minutes)), Channel.Sms, ReservedAt).ShouldBeFalse();
    }

    [Fact]
    public void EmailBodyComesBackAsHtml_AndStillMatches()
    {
        ConversationMatch.SameBody("Hi Sam &amp; family,<br>Alex from Harbor Realty", "Hi Sam & family,\nAlex from Harbor Realty").ShouldBeTrue();
    }

    [Fact]
    public void DifferentText_DoesNotMatch()
    {
        ConversationMatch.SameBody("Hi Sam, Alex here. Reply STOP to opt out", "Hi Sam, Alex again. Reply STOP to opt out").ShouldBeFalse();
        ConversationMatch.SameBody(null, "Hi").ShouldBeFalse();
    }

    private static GhlMessage Message(string direction, string type, DateTime at) =>
        new("m1", direction, type, "Hi", new DateTimeOffset(at));
}
