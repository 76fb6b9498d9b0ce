using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;

namespace Sdr.Tests.Unit.Messaging;

/// <summary>The shipped templates filled per step, variant and source, with the facts a prospect has and without them.</summary>
public sealed class PersonalizationEngineTests
{
    private readonly PersonalizationEngine _engine = MessagingTestData.Engine();

    [Fact]
    public void Compose_ConsultativeFirstText_NamesTheSenderAndTheOptOutInOneSegment()
    {
        var message = _engine.Compose(SequenceStep.Sms1, Channel.Sms, "consultative", new ProspectFacts("Maria", "seller", "manual"));

        message.Body.ShouldBe("Hi Maria, this is Alex with Harbor Realty. Are you still thinking about a move this year? I can send a quick value estimate. Reply STOP to opt out");
        message.TemplateId.ShouldBe("consultative/sms_1");
        message.TemplateVariant.ShouldBe("consultative");
        message.ComposedByModel.ShouldBeNull();
    }

    [Fact]
    public void Compose_DirectVariant_UsesItsOwnCopyAndNoNoticeAfterTheFirstText()
    {
        var message = _engine.Compose(SequenceStep.Sms2, Channel.Sms, "direct", new ProspectFacts("Maria", "seller", "manual"));

        message.Body.ShouldBe("Hi Maria, Alex here. Following up: open to a quick call about what your home could sell for?");
        message.TemplateId.ShouldBe("direct/sms_2");
    }

    [Fact]
    public void Compose_VariantWithoutAStep_FallsBackToTheFallbackVariantsFile()
    {
        var message = _engine.Compose(SequenceStep.Email1, Channel.Email, "direct", new ProspectFacts(null, "seller", "manual"));

        message.TemplateId.ShouldBe("consultative/email_1");
        message.TemplateVariant.ShouldBe("consultative");
        message.Subject.ShouldBe("A quick market snapshot for your area");
        message.Body.ShouldStartWith("Hi there,\n\nI reached out by text yesterday.");
        message.Body.ShouldEndWith("Alex\nHarbor Realty");
    }

    [Fact]
    public void Compose_ExpiredOwnersFirstText_MentionsTheirAddressAndDaysOnMarket()
    {
        var message = _engine.Compose(SequenceStep.Sms1, Channel.Sms, "consultative", MessagingTestData.ExpiredOwner());

        message.Body.ShouldBe("Hi Maria, this is Alex with Harbor Realty. Saw 12 Oak St left the market after 94 days. Still want to sell? Reply STOP to opt out");
        message.TemplateId.ShouldBe("sources/expired_mls/consultative/sms_1");
    }

    [Fact]
    public void Compose_ExpiredOwnerWithoutAddress_FallsBackToTheListingWithoutIt()
    {
        var message = _engine.Compose(SequenceStep.Sms1, Channel.Sms, "consultative", MessagingTestData.ExpiredOwner(address: null, daysOnMarket: null));

        message.Body.ShouldContain("I saw your home came off the market. Do you still want to sell this year?");
        message.Body.ShouldNotContain("  ");
    }

    [Fact]
    public void Compose_ExpiredOwnerWithoutAProfile_StillGetsItsSourcesCopy()
    {
        var message = _engine.Compose(SequenceStep.Sms1, Channel.Sms, "direct", new ProspectFacts("Maria", "seller", "expired_mls"));

        message.TemplateId.ShouldBe("sources/expired_mls/direct/sms_1");
        message.Body.ShouldContain("I saw your listing came off the market.");
    }

    [Fact]
    public void Compose_ExpiredOwnersSecondText_CountsThePriceCuts()
    {
        var message = _engine.Compose(SequenceStep.Sms2, Channel.Sms, "consultative", MessagingTestData.ExpiredOwner());

        message.Body.ShouldBe("Hi Maria, Alex here. After 2 price cuts (8.9% in all) buyers still waited. A fresh plan can change that. Want to hear it?");
    }

    [Fact]
    public void Compose_FsboOwnersFirstText_MentionsTheirListing()
    {
        var facts = MessagingTestData.ExpiredOwner() with { Source = "fsbo" };

        var message = _engine.Compose(SequenceStep.Sms1, Channel.Sms, "direct", facts);

        message.Body.ShouldBe("Hi Maria, this is Alex with Harbor Realty. I have buyers for homes like 12 Oak St. Open to an offer this week? Reply STOP to opt out");
        message.TemplateId.ShouldBe("sources/fsbo/direct/sms_1");
    }

    [Fact]
    public void Compose_SourceWithoutFilesOfItsOwn_UsesTheVariantsCopy()
    {
        var message = _engine.Compose(SequenceStep.Sms1, Channel.Sms, "direct", new ProspectFacts("Maria", "seller", "ghl_pipeline"));

        message.TemplateId.ShouldBe("direct/sms_1");
    }

    [Fact]
    public void Compose_Voicemail_RecordsTheDropWithoutATemplate()
    {
        var message = _engine.Compose(SequenceStep.Voicemail1, Channel.Voicemail, "consultative", new ProspectFacts("Maria", "seller", "manual"));

        message.Body.ShouldBe("voicemail drop (voicemail_1) through the GHL workflow");
        message.TemplateId.ShouldBeNull();
    }

    [Fact]
    public void Templates_HaveVariantsFromTheirFolders()
    {
        var templates = MessageTemplates.Load(MessagingTestData.ShippedTemplates, "consultative");

        templates.HasVariant("direct").ShouldBeTrue();
        templates.HasVariant("consultative").ShouldBeTrue();
        templates.HasVariant("friendly").ShouldBeFalse();
    }
}
