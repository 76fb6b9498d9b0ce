using System.Text.RegularExpressions;

namespace Sdr.Core.Qualification;

/// <summary>What a question of ours asked about, so that a short answer can be read ("June", "400-450").</summary>
internal enum QuestionKind
{
    None,
    Timeline,
    Budget,
}

internal static partial class QuestionKinds
{
    public static QuestionKind Of(string normalizedQuestion) =>
        TimelineQuestion().IsMatch(normalizedQuestion) ? QuestionKind.Timeline
        : BudgetQuestion().IsMatch(normalizedQuestion) ? QuestionKind.Budget
        : QuestionKind.None;

    [GeneratedRegex(@"(?<![\p{L}])(?:when|how soon|timeline|time frame|timeframe|what month|cuando|para cuando|que tan pronto)(?![\p{L}])")]
    private static partial Regex TimelineQuestion();

    [GeneratedRegex(@"(?<![\p{L}])(?:budget|price range|price point|pre-?approved|afford|spend|how much|presupuesto|precio|cuanto)(?![\p{L}])")]
    private static partial Regex BudgetQuestion();
}
