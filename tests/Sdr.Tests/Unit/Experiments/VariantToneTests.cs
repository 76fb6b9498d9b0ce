using Sdr.Core.Ai;

namespace Sdr.Tests.Unit.Experiments;

/// <summary>A variant's tone reaches the language model's instructions, inside its rules; no tone, no line.</summary>
public sealed class VariantToneTests
{
    [Fact]
    public void Composition_WithATone_AsksForIt()
    {
        var prompt = AiPrompts.Composition(Brief() with { Tone = "warm and brief" });

        prompt.ShouldContain("- Write in this tone, within the rules above: warm and brief");
    }

    [Fact]
    public void Composition_WithoutATone_SaysNothingOfTone()
    {
        AiPrompts.Composition(Brief()).ShouldNotContain("tone");
    }

    private static AnswerBrief Brief() =>
        new("price", "How much?", "Alex", "Harbor Realty", new Dictionary<string, string>(), null, 160);
}
