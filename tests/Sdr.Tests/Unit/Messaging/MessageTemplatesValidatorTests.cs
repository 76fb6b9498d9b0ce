using Sdr.Core.Configuration;
using Sdr.Core.Messaging;

namespace Sdr.Tests.Unit.Messaging;

/// <summary>The start-up check of config/templates: each template that cannot be used is named with its file and line.</summary>
public sealed class MessageTemplatesValidatorTests
{
    [Fact]
    public void ShippedTemplates_PassTheCheck()
    {
        Check(MessagingTestData.ShippedTemplates).ShouldBeEmpty();
    }

    [Fact]
    public void Check_ATypo_NamesTheFileLineAndColumn()
    {
        var directory = MessagingTestData.TemplatesWith(("consultative/sms_2.liquid", "Checking back in.\nWould a {{ first_name } estimate help?"));

        var problem = Check(directory).ShouldHaveSingleItem();

        problem.Path.ShouldBe(Path.Combine(directory, "consultative", "sms_2.liquid"));
        problem.Line.ShouldBe(2);
        problem.ToString().ShouldContain("sms_2.liquid:2: syntax error (column");
    }

    [Fact]
    public void Check_AnUnknownVariable_NamesItAndItsLine()
    {
        var directory = MessagingTestData.TemplatesWith(("direct/sms_3.liquid", "Should I close your file?\n\n{% if frist_name %}Worth a call, {{ frist_name }}?{% endif %}"));

        var problems = Check(directory);

        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.Path.EndsWith("sms_3.liquid") && p.Line == 3 && p.Message.Contains("unknown variable 'frist_name'"));
    }

    [Fact]
    public void Check_AnUnknownVariableInAnEmailBody_CountsTheFrontMatterLines()
    {
        var directory = MessagingTestData.TemplatesWith(("consultative/email_2.liquid", "---\nsubject: Timing\n---\nHi {{ first_name }},\n\nYour {{ home_value }} estimate.\n"));

        var problem = Check(directory).ShouldHaveSingleItem();

        problem.Line.ShouldBe(6);
        problem.Message.ShouldContain("unknown variable 'home_value'");
    }

    [Fact]
    public void Check_AnUnknownFilter_IsNamed()
    {
        var directory = MessagingTestData.TemplatesWith(("direct/sms_1.liquid", "Open to an offer on {{ address | shout }}?"));

        Check(directory).ShouldHaveSingleItem().Message.ShouldContain("unknown filter 'shout'");
    }

    [Fact]
    public void Check_AnSmsThatCannotFitOneSegmentWithLongValues_IsRefused()
    {
        var directory = MessagingTestData.TemplatesWith(("sources/fsbo/consultative/sms_1.liquid",
            "{% if address %}I noticed your for-sale-by-owner listing at {{ address }} in {{ city }}. Would a free pricing check help?{% else %}Hello.{% endif %}"));

        var problem = Check(directory).ShouldHaveSingleItem();

        problem.Path.ShouldEndWith(Path.Combine("fsbo", "consultative", "sms_1.liquid"));
        problem.Line.ShouldBe(1);
        problem.Message.ShouldContain("does not fit one segment");
        problem.Message.ShouldContain("opt-out notice");
        problem.Message.ShouldContain("12345 Northwest Willowbrook Dr");
    }

    [Fact]
    public void Check_AFileForAVoicemailStep_IsRefused()
    {
        var directory = MessagingTestData.TemplatesWith(("direct/voicemail_1.liquid", "Hi"));

        Check(directory).ShouldHaveSingleItem().Message.ShouldContain("voicemail drop");
    }

    [Fact]
    public void Check_AFileForAnUnknownStep_IsRefused()
    {
        var directory = MessagingTestData.TemplatesWith(("direct/sms_9.liquid", "Hi"));

        Check(directory).ShouldHaveSingleItem().Message.ShouldContain("'sms_9' is not a step with copy");
    }

    [Fact]
    public void Check_AnEmailWithoutSubject_IsRefused()
    {
        var directory = MessagingTestData.TemplatesWith(("direct/email_1.liquid", "Hi {{ first_name }}"));

        Check(directory).ShouldHaveSingleItem().Message.ShouldContain("needs a subject");
    }

    [Fact]
    public void Check_AFallbackVariantMissingAStep_IsRefused()
    {
        var directory = MessagingTestData.TemplatesWith();
        File.Delete(Path.Combine(directory, "consultative", "sms_3.liquid"));

        Check(directory).ShouldHaveSingleItem().Message.ShouldContain("needs a template for every step");
    }

    [Fact]
    public void Validate_AProblem_FailsTheOptionsWithFileAndLine()
    {
        var directory = MessagingTestData.TemplatesWith(("consultative/sms_2.liquid", "Checking {{ frist_name }}"));
        var validator = new MessageTemplatesValidator();

        var result = validator.Validate(null, new MessagingOptions { TemplatesDir = directory });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(Path.Combine(directory, "consultative", "sms_2.liquid") + ":1: unknown variable 'frist_name'");
    }

    private static IReadOnlyList<TemplateProblem> Check(string directory) =>
        MessageTemplatesValidator.Check(MessageTemplates.Load(directory, "consultative"), new MessagingOptions(), MessagingTestData.Clock);
}
