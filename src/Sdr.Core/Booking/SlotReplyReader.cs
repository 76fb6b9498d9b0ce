using static Sdr.Core.Booking.PickVocabulary;

namespace Sdr.Core.Booking;

/// <summary>
/// Reads the claims of each clause of a reply. A number is a choice when marked ("option 2", "#2", "2)") or
/// bare; a time when it has minutes or am/pm ("10:30", "3pm"), follows "at" / "a las", or stands in a
/// clause that names a day ("tue 3"). Bare numbers and ordinals are weak: they count only when every other
/// word of their clause (sentence, or part of one between commas or "but") is one that may surround a choice
/// (<see cref="PickVocabulary.Filler"/>), so "2" in "I have 2 kids" or "$200k" is not a pick, but in "Can't wait!
/// 2 it is" it is.
/// </summary>
internal sealed class SlotReplyReader(int offeredCount)
{
    private readonly List<SlotClaim> _claims = [];

    /// <summary>False once a word or number that is about something else has been read.</summary>
    public bool AboutSlotsOnly { get; private set; } = true;

    public IReadOnlyList<SlotClaim> Claims => _claims;

    public void Read(List<ReplyToken> clause)
    {
        var consumed = new bool[clause.Count];
        var days = new List<DayReference>();
        var times = new List<(TimeReference Time, bool Strong)>();
        DayPart? part = null;
        var nextWeek = false;
        var negated = false;
        var indexes = new List<SlotClaim>();

        // Days and parts of days first: a bare number beside one is its hour ("tue 3", "3 in the afternoon").
        for (var i = 0; i < clause.Count; i++)
        {
            var word = WordAt(clause, i);
            if (word is null)
            {
                continue;
            }

            if (Weekdays.TryGetValue(word, out var weekday))
            {
                var inNextWeek = WordAt(clause, i + 1) == "next" && WordAt(clause, i + 2) == "week";
                days.Add(new DayReference(weekday, null, inNextWeek));
                consumed[i] = true;
                if (WordAt(clause, i - 1) is "next" or "proximo")
                {
                    consumed[i - 1] = true;
                }
            }
            else if (word is "week" or "semana" && WordAt(clause, i - 1) is "next" or "proxima")
            {
                nextWeek = !days.Exists(d => d.InNextWeek);
                consumed[i] = consumed[i - 1] = true;
            }
            else if (word == "semana" && WordAt(clause, i + 1) == "que" && WordAt(clause, i + 2) == "viene")
            {
                nextWeek = true;
                consumed[i] = consumed[i + 1] = consumed[i + 2] = true;
            }
            else if (word == "manana" && WordAt(clause, i - 1) == "pasado")
            {
                ReplaceRelativeDay(days, 2);
                consumed[i] = consumed[i - 1] = true;
            }
            else if (word == "tomorrow" && WordAt(clause, i - 1) == "after" && WordAt(clause, i - 2) == "day")
            {
                ReplaceRelativeDay(days, 2);
                consumed[i] = consumed[i - 1] = consumed[i - 2] = true;
            }
            else if (word == "manana" && WordAt(clause, i - 1) is "la" or "esta")
            {
                part = DayPart.Morning;
                consumed[i] = true;
                AddTodayAfterThis(clause, i, days);
            }
            else if (RelativeDays.TryGetValue(word, out var offset))
            {
                days.Add(new DayReference(null, offset, false));
                part = word == "tonight" ? DayPart.Evening : part;
                consumed[i] = true;
            }
            else if (Noon.Contains(word))
            {
                times.Add((new TimeReference(12, 0, true), true));
                consumed[i] = true;
            }
            else if (Parts.ContainsKey(word) && WordAt(clause, i - 1) == "good")
            {
                consumed[i] = true; // "good morning" is a greeting
            }
            else if (Parts.TryGetValue(word, out var dayPart) && !(word is "am" or "pm" && clause.ElementAtOrDefault(i - 1)?.Kind == TokenKind.Number))
            {
                part = dayPart;
                consumed[i] = true;
                AddTodayAfterThis(clause, i, days);
            }
        }

        for (var i = 0; i < clause.Count; i++)
        {
            if (consumed[i])
            {
                continue;
            }

            var token = clause[i];
            var word = WordAt(clause, i);
            if (token.Kind == TokenKind.Number || (word is not null && NumberWords.ContainsKey(word) && IsMarkedNumberWord(clause, i)))
            {
                ReadNumber(clause, i, consumed, days.Count > 0 || part is not null, times, indexes);
            }
            else if (word is not null && Ordinals.TryGetValue(word, out var position))
            {
                indexes.Add(new SlotClaim(SlotPickRules.Ordinal, IsChoiceNoun(WordAt(clause, i + 1)), false) { Position = position });
                consumed[i] = true;
            }
            else if (token.Kind == TokenKind.Mark)
            {
                consumed[i] = true;
            }
        }

        var plain = true;
        for (var i = 0; i < clause.Count; i++)
        {
            var word = WordAt(clause, i);
            negated |= word is not null && (Negations.Contains(word) || (word == "no" && WordAt(clause, i + 1) is "good" or "puedo" or "me" or "funciona" or "sirve" or "podre"));
            plain &= consumed[i] || (word is not null && (Filler.Contains(word) || Negations.Contains(word) || Affirmations.Contains(word) || word == "no"));
        }

        AboutSlotsOnly &= plain;
        foreach (var index in indexes)
        {
            _claims.Add(index with { Negated = negated, Strong = index.Strong || plain });
        }

        if (days.Count == 0 && times.Count == 0 && part is null && !nextWeek)
        {
            return;
        }

        foreach (var day in days.Count == 0 ? [null] : days.Select(d => (DayReference?)d))
        {
            foreach (var (time, strong) in times.Count == 0 ? [(null, false)] : times.Select(t => ((TimeReference?)t.Time, t.Strong)))
            {
                var rule = time is null ? (day is null && !nextWeek ? SlotPickRules.PartOfDay : SlotPickRules.Day) : day is null ? SlotPickRules.Time : SlotPickRules.DayAndTime;
                _claims.Add(new SlotClaim(rule, strong || plain || day is not null || part is not null || nextWeek, negated)
                {
                    Day = day,
                    Time = time,
                    Part = part,
                    NextWeek = nextWeek,
                });
            }
        }
    }

    private void ReadNumber(List<ReplyToken> clause, int i, bool[] consumed, bool clauseNamesADay, List<(TimeReference, bool)> times, List<SlotClaim> indexes)
    {
        var token = clause[i];
        var value = token.Kind == TokenKind.Number ? token.Value : NumberWords[token.Text];
        var previous = WordAt(clause, i - 1) ?? clause.ElementAtOrDefault(i - 1)?.Text;
        var next = WordAt(clause, i + 1) ?? clause.ElementAtOrDefault(i + 1)?.Text;
        consumed[i] = true;
        switch (token.Suffix)
        {
            case "am" or "a" or "pm" or "p" when value is >= 1 and <= 12:
                times.Add((new TimeReference(value, token.Minutes ?? 0, token.Suffix.StartsWith('p')), true));
                return;
            case "ish" or "oclock" when value is >= 1 and <= 23:
                times.Add((new TimeReference(value, token.Minutes ?? 0, null), true));
                return;
            case var suffix when OrdinalSuffixes.Contains(suffix) && token.Minutes is null && value is >= 1 and <= 3:
                indexes.Add(new SlotClaim(SlotPickRules.Ordinal, IsChoiceNoun(next), false) { Position = value });
                return;
            case "":
                break;
            default:
                consumed[i] = false;
                return;
        }

        if (next is "am" or "pm")
        {
            consumed[i + 1] = true;
            times.Add((new TimeReference(value, token.Minutes ?? 0, next == "pm"), value is >= 1 and <= 12));
        }
        else if (token.Minutes is { } minutes)
        {
            consumed[i] = value <= 23;
            if (consumed[i])
            {
                times.Add((new TimeReference(value, minutes, null), true));
            }
        }
        else if (previous is not null && (TimeMarkers.Contains(previous) || previous == "@") && value is >= 1 and <= 23)
        {
            times.Add((new TimeReference(value, 0, null), true));
        }
        else if (previous is not null && (ChoiceMarkers.Contains(previous) || previous == "#") || next == ")")
        {
            indexes.Add(new SlotClaim(SlotPickRules.Number, true, false) { Position = value });
        }
        else if (clauseNamesADay && value is >= 1 and <= 12)
        {
            times.Add((new TimeReference(value, 0, null), true));
        }
        else if (value >= 1 && value <= offeredCount)
        {
            indexes.Add(new SlotClaim(SlotPickRules.Number, false, false) { Position = value });
        }
        else if (value is >= 1 and <= 12)
        {
            times.Add((new TimeReference(value, 0, null), false));
        }
        else
        {
            consumed[i] = false;
        }
    }

    private static bool IsMarkedNumberWord(List<ReplyToken> clause, int i)
    {
        var previous = WordAt(clause, i - 1);
        var marked = previous is not null && (ChoiceMarkers.Contains(previous) || TimeMarkers.Contains(previous));
        return marked || NumberWords[clause[i].Text] > 1 && !IsChoiceNoun(WordAt(clause, i + 1)) && clause.Count <= 4;
    }

    /// <summary>"this afternoon", "esta tarde": today's.</summary>
    private static void AddTodayAfterThis(List<ReplyToken> clause, int i, List<DayReference> days)
    {
        if (WordAt(clause, i - 1) is "this" or "esta" && !days.Exists(d => d.DaysFromToday is not null))
        {
            days.Add(new DayReference(null, 0, false));
        }
    }

    private static bool IsChoiceNoun(string? word) => word is "one" or "option" or "opcion" or "slot" or "choice";

    private static void ReplaceRelativeDay(List<DayReference> days, int offset)
    {
        days.RemoveAll(d => d.DaysFromToday is not null);
        days.Add(new DayReference(null, offset, false));
    }

    private static string? WordAt(List<ReplyToken> clause, int i) =>
        i >= 0 && i < clause.Count && clause[i].Kind == TokenKind.Word ? clause[i].Text : null;
}
