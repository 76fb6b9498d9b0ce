using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Qualification;
using static Sdr.Tests.Unit.Qualification.QualificationTestData;

namespace Sdr.Tests.Unit.Qualification;

/// <summary>The shipped sdr:qualification section, bound and validated as start-up does it.</summary>
public sealed class QualificationOptionsTests
{
    [Fact]
    public void ShippedSection_BindsAndValidates()
    {
        var options = Bind();

        options.FrsThreshold.ShouldBe(60.0);
        options.IntentConfidenceThreshold.ShouldBe(0.70);
        options.HotLeadFrsThreshold.ShouldBe(80.0);
        options.Handoff.QualifiedTag.ShouldBe("SDR-Qualified");
        options.Handoff.BuyerBotTag.ShouldBe("buyer-bot-active");
        options.Signals.ShouldContainKey("pre_approved");
        options.Signals["pre_approved"].Patterns.ShouldNotBeEmpty();
    }

    [Fact]
    public void ShippedQuestions_EachFitOneSmsWithTheSendersName()
    {
        var options = Bind();

        foreach (var leadType in LeadTypes.All)
        {
            foreach (var gap in Enum.GetValues<QualificationGap>())
            {
                var question = options.Questions[leadType].For(gap);
                question.ShouldNotBeNullOrWhiteSpace();
                question.Length.ShouldBeLessThanOrEqualTo(120, $"{leadType} {gap}");
                question.ShouldEndWith("?");
            }
        }
    }

    [Theory]
    [InlineData("sdr:qualification:frs_threshold", "120", "sdr:qualification:frs_threshold")]
    [InlineData("sdr:qualification:hot_lead_frs_threshold", "50", "sdr:qualification:hot_lead_frs_threshold")]
    [InlineData("sdr:qualification:signals:pre_approved:weight", "500", "sdr:qualification:signals:pre_approved:weight")]
    [InlineData("sdr:qualification:signals:buyer_words:weight", "-1", "sdr:qualification:signals:buyer_words:weight")]
    [InlineData("sdr:qualification:signals:pre_approved:dimension", "money", "sdr:qualification:signals:pre_approved:dimension")]
    [InlineData("sdr:qualification:signals:pre_approved:fills", "cash", "sdr:qualification:signals:pre_approved:fills")]
    [InlineData("sdr:qualification:signals:pre_approved:patterns:0", "pre-(approved", "sdr:qualification:signals:pre_approved:patterns:0")]
    [InlineData("sdr:qualification:signals:pre_approved:patterns:0", "(pre)?", "sdr:qualification:signals:pre_approved:patterns:0")]
    [InlineData("sdr:qualification:signals:pre_approved:patterns:0", "pre-aprobadó", "sdr:qualification:signals:pre_approved:patterns:0")]
    [InlineData("sdr:qualification:signals:pre_approved:weigth", "5", "sdr:qualification:signals:pre_approved:weigth")]
    [InlineData("sdr:qualification:signals:Pre Approved:weight", "5", "sdr:qualification:signals:Pre Approved")]
    [InlineData("sdr:qualification:signals:timeline:weight", "5", "sdr:qualification:signals:timeline")]
    [InlineData("sdr:qualification:timeline:bands:within_30_days:weight", "-5", "sdr:qualification:timeline:bands:within_30_days:weight")]
    [InlineData("sdr:qualification:timeline:bands:within_30_days:max_days", "0", "sdr:qualification:timeline:bands:within_30_days:max_days")]
    [InlineData("sdr:qualification:confidence:per_signal", "2", "sdr:qualification:confidence:per_signal")]
    [InlineData("sdr:qualification:lead_type:dominance_ratio", "0.5", "sdr:qualification:lead_type:dominance_ratio")]
    [InlineData("sdr:qualification:handoff:buyer_bot", "x", "sdr:qualification:handoff:buyer_bot")]
    [InlineData("sdr:qualification:handoff:qualified_tag", "", "sdr:qualification:handoff:qualified_tag")]
    [InlineData("sdr:qualification:questions:investor:timeline", "When?", "sdr:qualification:questions:investor")]
    [InlineData("sdr:qualification:questions:buyer:motivation", "", "sdr:qualification:questions:buyer:motivation")]
    [InlineData("sdr:qualification:negation_window", "0", "sdr:qualification:negation_window")]
    public void BadSetting_NamesTheKey(string key, string value, string named)
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind((key, value)));

        string.Join(" | ", exception.Failures).ShouldContain(named, Case.Insensitive);
    }

    [Fact]
    public void QuestionLongerThanOneSmsAllows_NamesTheKey()
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind(("sdr:qualification:questions:seller:timeline", new string('a', 121) + "?")));

        string.Join(" | ", exception.Failures).ShouldContain("sdr:qualification:questions:seller:timeline must be at most 120 characters");
    }

    [Fact]
    public void AddQualification_RegistersOneDecoderAndGate()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false);
        builder.AddQualification();
        using var host = builder.Build();

        var gate = host.Services.GetRequiredService<QualificationGate>();

        host.Services.GetRequiredService<QualificationGate>().ShouldBeSameAs(gate);
        host.Services.GetRequiredService<LeadIntentDecoder>().ShouldBeSameAs(host.Services.GetRequiredService<LeadIntentDecoder>());
        gate.Evaluate(Conversation(Opener, "Just looking"), NoHint).Passed.ShouldBeFalse();
    }
}
