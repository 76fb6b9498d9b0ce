using Sdr.Core.Replies;

namespace Sdr.Tests.Unit.Replies;

public sealed class ComplianceLookAlikeTests
{
    private readonly ComplianceKeywordClassifier _classifier = new();

    [Fact]
    public void Classify_CanIStopByTheOpenHouse_IsNotOptOut() => ShouldBeNone("can I stop by the open house?");

    [Fact]
    public void Classify_StopByAnytime_IsNotOptOut() => ShouldBeNone("stop by anytime");

    [Fact]
    public void Classify_CantStopThinkingAboutThatHouse_IsNotOptOut() =>
        ShouldBeNone("I can\u2019t stop thinking about that house");

    [Fact]
    public void Classify_DontStopSendingListings_IsNotOptOut() => ShouldBeNone("don't stop sending listings!");

    [Fact]
    public void Classify_PleaseDontStopTextingMe_IsNotOptOut() =>
        _classifier.Classify("please don't stop texting me").Rule.ShouldBe(ComplianceRules.SuppressedNegated);

    [Fact]
    public void Classify_WhyDidYouStopTextingMe_IsNotOptOut() => ShouldBeNone("Why did you stop texting me?");

    [Fact]
    public void Classify_TheBusStop_IsNotOptOut() => ShouldBeNone("the bus stop");

    [Fact]
    public void Classify_CancelMyShowingReschedule_IsNotOptOut() =>
        ShouldBeNone("cancel my showing for tomorrow, reschedule?");

    [Fact]
    public void Classify_EndOfTheMonthWorks_IsNotOptOut() => ShouldBeNone("end of the month works");

    [Fact]
    public void Classify_NotInterestedRightNowMaybeNextYear_IsTimingNotOptOut() =>
        _classifier.Classify("not interested right now, maybe next year").Rule
            .ShouldBe(ComplianceRules.SuppressedQualifiedNotInterested);

    [Fact]
    public void Classify_NotInterestedInSellingButWantToBuy_IsNotOptOut() =>
        ShouldBeNone("not interested in selling but want to buy");

    [Fact]
    public void Classify_WantToSellButNotInterestedInPayingSixPercent_IsNotOptOut() =>
        ShouldBeNone("I want to sell but not interested in paying 6%");

    [Fact]
    public void Classify_NotInterestedInThatOne_IsNotOptOut() =>
        ShouldBeNone("not interested in that one, anything with a pool?");

    [Fact]
    public void Classify_TooLateToCancelMyOffer_IsNotOptOut() => ShouldBeNone("is it too late to cancel my offer?");

    [Fact]
    public void Classify_IQuitMyJob_IsNotOptOut() => ShouldBeNone("I quit my job and need a smaller place");

    [Fact]
    public void Classify_RemoveTheOldListingPhoto_IsNotOptOut() => ShouldBeNone("remove the old listing photo");

    [Fact]
    public void Classify_ParaCuando_IsNotOptOut() => ShouldBeNone("para cuándo?");

    [Fact]
    public void Classify_NoMasDeTrescientosMil_IsNotOptOut() => ShouldBeNone("No más de 300 mil");

    [Fact]
    public void Classify_HowDidYouGetMyNumber_IsInfoRequestNotOptOut() => ShouldBeNone("how did you get my number?");

    [Fact]
    public void Classify_DontCallMeJustText_KeepsSms() =>
        _classifier.Classify("Don't call me, just text").Rule.ShouldBe(ComplianceRules.SuppressedPrefersText);

    [Fact]
    public void Classify_DontTextMeBeforeNine_IsASendingWindowNotOptOut() =>
        _classifier.Classify("don't text me before 9am").Rule.ShouldBe(ComplianceRules.SuppressedTimeWindow);

    [Fact]
    public void Classify_HelpMeFindAHouse_IsNotTheHelpKeyword() => ShouldBeNone("Help me find a 3 bedroom");

    [Fact]
    public void Classify_LetsStartWithAnEstimate_IsNotReConsent() => ShouldBeNone("Let's start with a value estimate");

    private void ShouldBeNone(string body) => _classifier.Classify(body).Intent.ShouldBe(ComplianceIntent.None);
}
