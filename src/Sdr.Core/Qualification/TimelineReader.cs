using System.Globalization;
using System.Text.RegularExpressions;

namespace Sdr.Core.Qualification;

/// <summary>
/// Reads a stated time to move as a number of days from the message's date: "asap", "next month",
/// "in 30 days", "within 2-3 months", "this spring", "by June", "en dos meses". Past durations
/// ("2 months ago", "for 6 months", "hace 2 meses") and negated ones ("not in the next year") are not timelines.
/// </summary>
internal sealed partial class TimelineReader(NegationReader negation)
{
    private const string Number = "a couple of|a couple|couple of|couple|a few|few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|una|uno|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|\\d{1,3}";

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    private static readonly string[] SpanishMonthNames =
    [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ];

    /// <summary>The nearest timeline stated in <paramref name="text"/> (normalised), in days from <paramref name="at"/>; null when none.</summary>
    /// <param name="answersTimelineQuestion">The message answers our "when …?": a bare month ("June") or number of months counts.</param>
    public int? Read(string text, DateTime at, bool answersTimelineQuestion)
    {
        var found = new List<int>();
        void Add(Match match, int days)
        {
            if (!negation.IsNegated(text, match.Index))
            {
                found.Add(Math.Max(days, 0));
            }
        }

        foreach (Match match in Immediate().Matches(text))
        {
            Add(match, 7);
        }

        foreach (Match match in Named().Matches(text))
        {
            Add(match, NamedDays(match, at));
        }

        foreach (Match match in Quantity().Matches(text))
        {
            var bare = !match.Groups["prefix"].Success;
            if (IsPast(text, match) || (bare && !answersTimelineQuestion && !IsWholeReply(text, match)))
            {
                continue;
            }

            var low = Amount(match.Groups["n1"].Value);
            var high = match.Groups["n2"].Success ? Amount(match.Groups["n2"].Value) : low;
            Add(match, (int)Math.Round((low + high) / 2.0 * UnitDays(match.Groups["unit"].Value)));
        }

        foreach (Match match in Season().Matches(text))
        {
            var next = match.Groups["prefix"].Value is var prefix && (prefix.Contains("next", StringComparison.Ordinal) || prefix.Contains("proxim", StringComparison.Ordinal));
            Add(match, SeasonDays(match.Groups["season"].Value, next, at));
        }

        foreach (Match match in Month().Matches(text))
        {
            // "may" and "march" are words too: alone they need the question to make them months.
            var month = match.Groups["month"].Value;
            if (match.Groups["prefix"].Success || (answersTimelineQuestion && month is not ("may" or "march")))
            {
                Add(match, MonthDays(month, at));
            }
        }

        return found.Count == 0 ? null : found.Min();
    }

    private static int NamedDays(Match match, DateTime at) => match.Groups["named"].Value switch
    {
        var v when v.Contains("week", StringComparison.Ordinal) || v.Contains("semana", StringComparison.Ordinal) => v.StartsWith("this", StringComparison.Ordinal) || v.StartsWith("esta", StringComparison.Ordinal) ? 7 : 14,
        var v when v.Contains("year", StringComparison.Ordinal) || v.Contains("ano", StringComparison.Ordinal) => v.StartsWith("this", StringComparison.Ordinal) || v.StartsWith("este", StringComparison.Ordinal)
            ? Math.Max(90, (new DateTime(at.Year, 12, 31) - at.Date).Days)
            : 365,
        var v when v.StartsWith("this", StringComparison.Ordinal) || v.StartsWith("este", StringComparison.Ordinal) => 30,
        var v when v.Contains("soon", StringComparison.Ordinal) || v.Contains("pronto", StringComparison.Ordinal) || v.Contains("shortly", StringComparison.Ordinal) => v.Contains("later", StringComparison.Ordinal) ? 30 : 60,
        _ => 45,
    };

    private static bool IsPast(string text, Match match)
    {
        var after = text[(match.Index + match.Length)..].TrimStart();
        if (after.StartsWith("ago", StringComparison.Ordinal) || after.StartsWith("old", StringComparison.Ordinal) || after.StartsWith("back", StringComparison.Ordinal))
        {
            return true;
        }

        var before = QualificationText.WordsBefore(text, match.Index, 1);
        return before.Count == 1 && before[0] is "for" or "past" or "last" or "been" or "hace" or "ultimos" or "ultimas" or "pasados" or "durante" or "since";
    }

    // "30 days." alone is an answer; "30 days" inside another sentence needs "in" or "within".
    private static bool IsWholeReply(string text, Match match) =>
        QualificationText.Words(text.Remove(match.Index, match.Length)).Count(w => w is not ("about" or "around" or "maybe" or "probably" or "like" or "roughly" or "unos" or "unas" or "quizas")) <= 1;

    private static double Amount(string number) => number switch
    {
        "a" or "an" or "one" or "un" or "una" or "uno" => 1,
        "a couple of" or "a couple" or "couple of" or "couple" or "two" or "dos" => 2,
        "a few" or "few" or "three" or "unos" or "unas" or "tres" => 3,
        "four" or "cuatro" => 4,
        "five" or "cinco" => 5,
        "six" or "seis" => 6,
        "seven" or "siete" => 7,
        "eight" or "ocho" => 8,
        "nine" or "nueve" => 9,
        "ten" or "diez" => 10,
        "eleven" => 11,
        "twelve" or "doce" => 12,
        _ => int.Parse(number, CultureInfo.InvariantCulture),
    };

    private static double UnitDays(string unit) => unit switch
    {
        _ when unit.StartsWith("day", StringComparison.Ordinal) || unit.StartsWith("dia", StringComparison.Ordinal) => 1,
        _ when unit.StartsWith("week", StringComparison.Ordinal) || unit.StartsWith("wk", StringComparison.Ordinal) || unit.StartsWith("semana", StringComparison.Ordinal) => 7,
        _ when unit.StartsWith("mo", StringComparison.Ordinal) || unit.StartsWith("mes", StringComparison.Ordinal) => 30,
        _ => 365,
    };

    private static int SeasonDays(string season, bool next, DateTime at)
    {
        var startMonth = season switch
        {
            "spring" or "primavera" => 3,
            "summer" or "verano" => 6,
            "fall" or "autumn" or "otono" => 9,
            _ => 12,
        };
        var monthsIn = ((at.Month - startMonth) % 12 + 12) % 12;
        if (monthsIn < 3)
        {
            return next ? 365 : 30;
        }

        return MonthDays(startMonth, at);
    }

    private static int MonthDays(string name, DateTime at)
    {
        var index = Array.IndexOf(MonthNames, name);
        var month = (index >= 0 ? index : Array.IndexOf(SpanishMonthNames, name)) + 1;
        return MonthDays(month, at);
    }

    // To the first of the month ("by March", "in June"); within the month itself, a couple of weeks.
    private static int MonthDays(int month, DateTime at)
    {
        if (month == at.Month)
        {
            return 14;
        }

        var year = month > at.Month ? at.Year : at.Year + 1;
        return (new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified) - at.Date).Days;
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:asap|a\.s\.a\.p|as soon as possible|right away|immediately|right now|urgently|lo antes posible|cuanto antes|ya mismo|de inmediato|inmediatamente)(?![\p{L}])")]
    private static partial Regex Immediate();

    [GeneratedRegex(@"(?<![\p{L}])(?<named>(?:this|next) (?:week|month|year)|(?:esta|la proxima|proxima) semana|la semana que viene|(?:este|el proximo|proximo) (?:mes|ano)|el (?:mes|ano) que viene|sooner rather than later|(?:very |pretty )?soon|shortly|pronto)(?![\p{L}])")]
    private static partial Regex Named();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?<prefix>in the next|within the next|over the next|in|within|next|the next|under|less than|en los proximos|en las proximas|los proximos|las proximas|dentro de|en)\s+)?(?:(?:about|around|roughly|maybe|like|unos|unas)\s+)?(?<n1>" + Number + @")(?:\s*(?:-|to|or|a|o)\s*(?<n2>" + Number + @"))?\s*(?<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?|dias?|semanas?|mes|meses|anos?)(?![\p{L}])")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"(?<![\p{L}])(?<prefix>(?:(?:this|next|in the|in|by|by the|around|early|late|mid|este|esta|en|para|la|el|la proxima|el proximo|proxima|proximo)\s+)+)(?:-)?(?<season>spring|summer|fall|autumn|winter|primavera|verano|otono|invierno)(?![\p{L}])")]
    private static partial Regex Season();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?<prefix>in|by|before|until|around|early|late|mid|end of|the end of|en|para|antes de|a finales de|a principios de)\s+)?(?<month>january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)(?![\p{L}])")]
    private static partial Regex Month();
}
