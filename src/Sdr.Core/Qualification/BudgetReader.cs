using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdr.Core.Qualification;

/// <summary>
/// Finds a stated price or budget: "$450k", "450,000", "around 500 thousand", "1.2m", "450 mil", and
/// bare numbers ("400-450", "budget is 450") when the message or our question is about price.
/// </summary>
internal sealed partial class BudgetReader(NegationReader negation, double minAmount)
{
    private const double MaxAmount = 50_000_000;

    public bool Read(string text, bool answersBudgetQuestion)
    {
        foreach (Match match in Amount().Matches(text))
        {
            if (IsPrice(Value(match.Groups["n"].Value, match.Groups["unit"].Value)) && !negation.IsNegated(text, match.Index))
            {
                return true;
            }
        }

        if (!answersBudgetQuestion && !PriceContext().IsMatch(text))
        {
            return false;
        }

        foreach (Match match in BareNumber().Matches(text))
        {
            var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var amount = value < 10_000 ? value * 1_000 : value;
            if (IsPrice(amount) && !IsTimeOrCount(text, match) && !negation.IsNegated(text, match.Index))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPrice(double amount) => amount >= minAmount && amount <= MaxAmount;

    private static double Value(string number, string unit)
    {
        var value = double.Parse(number.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return unit switch
        {
            "k" or "thousand" or "grand" or "mil" => value * 1_000,
            "m" or "mm" or "million" or "millones" or "millon" => value * 1_000_000,
            _ => value,
        };
    }

    // "400 in 30 days", "3 bedrooms": a number with a unit of time or rooms beside it is not a price.
    private static bool IsTimeOrCount(string text, Match match)
    {
        var after = text[(match.Index + match.Length)..].TrimStart();
        return Unit().IsMatch(after);
    }

    [GeneratedRegex(@"(?:\$\s?(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?<unit>k|m|mm|thousand|million|grand|mil|millones|millon)?|(?<![\p{L}\p{N}$.,])(?<n>\d{1,3}(?:,\d{3})+)|(?<![\p{L}\p{N}$.,])(?<n>\d+(?:\.\d+)?)\s?(?<unit>k|mm|thousand|million|grand|mil|millones|millon)|(?<![\p{L}\p{N}$.,])(?<n>\d+(?:\.\d+)?)(?<unit>m))(?![\p{L}\p{N}])")]
    private static partial Regex Amount();

    [GeneratedRegex(@"(?<![\p{L}\p{N}$.,])(?<n>\d{3,7})(?![\p{L}\p{N},.])")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:days?|weeks?|months?|years?|mos?|yrs?|dias?|semanas?|mes|meses|anos?|beds?|bedrooms?|baths?|sq|sqft|square|ft|feet|pies|am|pm|recamaras|habitaciones)(?![\p{L}])")]
    private static partial Regex Unit();

    [GeneratedRegex(@"(?<![\p{L}])(?:budget|price|priced|range|afford|spend|approved for|pre-?approved|up to|max|maximum|around|about|under|list (?:it )?(?:at|for)|asking|presupuesto|precio|hasta|alrededor de|aprobados? (?:por|para))(?![\p{L}])")]
    private static partial Regex PriceContext();
}
