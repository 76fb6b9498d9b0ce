using Sdr.Core.Experiments;

namespace Sdr.Tests.Unit.Experiments;

public sealed class ExperimentDraftValidatorTests
{
    private static readonly ExperimentDraftValidator Validator = new([new KnownVariants("consultative", "direct")]);

    [Fact]
    public void TwoTemplateVariantsSummingTo100_AreValid()
    {
        Validator.Validate(Draft(new("consultative", 50, null, null), new("direct", 50, null, null))).ShouldBeEmpty();
    }

    [Fact]
    public void OneVariant_IsRefused_OnVariants()
    {
        Fields(Draft(new VariantDraft("consultative", 100, null, null))).ShouldBe(["variants"]);
    }

    [Fact]
    public void WeightsNotSummingTo100_AreRefused_OnVariants()
    {
        var errors = Validator.Validate(Draft(new("consultative", 50, null, null), new("direct", 40, null, null)));

        errors.ShouldHaveSingleItem().Field.ShouldBe("variants");
        errors[0].Message.ShouldContain("sum to 90");
    }

    [Fact]
    public void DuplicateNames_AreRefused_OnTheSecond()
    {
        Fields(Draft(new("direct", 50, null, null), new("direct", 50, null, null))).ShouldBe(["variants[1].name"]);
    }

    [Fact]
    public void ANameWithoutTemplates_IsRefused_UnlessItSetsToneOrTiming()
    {
        Fields(Draft(new("consultative", 50, null, null), new("bold", 50, null, null))).ShouldBe(["variants[1].name"]);
        Validator.Validate(Draft(new("consultative", 50, null, null), new("bold", 50, "bold and brief", null))).ShouldBeEmpty();
        Validator.Validate(Draft(new("consultative", 50, null, null), new("fast", 50, null, new Dictionary<string, StepHours> { ["email_1"] = new(4, 8) }))).ShouldBeEmpty();
    }

    [Fact]
    public void StepTiming_OfAnUnknownStepOrABackwardWindow_IsRefused_NamingTheStep()
    {
        var timing = new Dictionary<string, StepHours> { ["email_9"] = new(4, 8), ["sms_2"] = new(10, 5) };

        Fields(Draft(new("consultative", 50, null, null), new("direct", 50, null, timing)))
            .ShouldBe(["variants[1].step_timing.email_9", "variants[1].step_timing.sms_2"], ignoreOrder: true);
    }

    [Fact]
    public void UnknownMetric_AndMissingName_AreRefused()
    {
        var errors = Validator.Validate(new ExperimentDraft(" ", null, "open_rate", [new("consultative", 50, null, null), new("direct", 50, null, null)]));

        errors.Select(e => e.Field).ShouldBe(["name", "metric"], ignoreOrder: true);
    }

    private static ExperimentDraft Draft(params VariantDraft[] variants) => new("Test", null, null, variants);

    private static List<string> Fields(ExperimentDraft draft) => [.. Validator.Validate(draft).Select(e => e.Field)];

    private sealed class KnownVariants(params string[] names) : IVariantTemplates
    {
        public bool HasTemplates(string variant) => names.Contains(variant);
    }
}
