namespace Sdr.Core.Booking;

/// <summary>
/// Reads a prospect's reply to an offer of call times (English and basic Spanish). In order: a refusal of any
/// call (<see cref="SlotPickKind.Declined"/>); a wish to move a booked call (<see cref="SlotPickKind.Reschedule"/>);
/// what the reply points at — a position ("2", "#2", "option 2", "the first one", "la primera"), a day and/or time
/// ("tuesday at 3", "the 10:30", "tomorrow morning", "el martes a las 3") — matched against the offered slots in the
/// prospect's zone: one slot is <see cref="SlotPickKind.Chosen"/>, several are <see cref="SlotPickKind.Unclear"/>, a
/// time that was not offered is <see cref="SlotPickKind.NoneWork"/> with what was asked for; then "none of those
/// work" / "neither" / "different time?"; "either works" takes the first; "yes" or 👍 takes a single offer. Clauses
/// that say no ("tuesday doesn't work, wednesday does") rule their slots out. A bare number counts only when the rest
/// of its sentence is about the slots (see <see cref="SlotReplyReader"/>). Deterministic: no clock but <c>now</c>.
/// </summary>
public sealed class SlotPickParser
{
    public SlotPick Parse(string? reply, IReadOnlyList<DateTimeOffset> offered, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(zone);

        var clauses = ReplyTokens.Clauses(ReplyTokens.Normalize(reply));
        if (clauses.Count == 0)
        {
            return Unclear(SlotPickRules.Empty);
        }

        var words = string.Join(' ', clauses.SelectMany(c => c).Select(t => t.Text));
        var reader = new SlotReplyReader(offered.Count);
        foreach (var clause in clauses)
        {
            reader.Read(clause);
        }

        var claims = reader.Claims.Where(c => c.Strong).ToList();
        var matcher = new SlotMatcher(offered, zone, now);
        if (PickVocabulary.Declined().IsMatch(words))
        {
            return new SlotPick(SlotPickKind.Declined, null, SlotPickRules.Declined);
        }

        if (PickVocabulary.Reschedule().IsMatch(words))
        {
            var wish = claims.Find(c => c.Position is null && !c.Negated);
            return WithRequest(new SlotPick(SlotPickKind.Reschedule, null, SlotPickRules.Reschedule), wish, matcher);
        }

        if (FromClaims(claims.Where(c => !c.Negated).ToList(), matcher) is { } pick)
        {
            return pick;
        }

        if (claims.Exists(c => c.Negated && matcher.Match(c).Count > 0) || PickVocabulary.NoneWork().IsMatch(words))
        {
            var rule = claims.Exists(c => c.Negated && matcher.Match(c).Count > 0) ? SlotPickRules.RejectedOffered : SlotPickRules.NoneWork;
            return new SlotPick(SlotPickKind.NoneWork, null, rule);
        }

        if (offered.Count > 0 && PickVocabulary.AnyOffered().IsMatch(words))
        {
            return new SlotPick(SlotPickKind.Chosen, 0, SlotPickRules.AnyOffered);
        }

        var tokens = clauses.SelectMany(c => c).ToList();
        if (reader.AboutSlotsOnly && tokens.Exists(t => PickVocabulary.Affirmations.Contains(t.Text)) && !tokens.Exists(t => PickVocabulary.Negations.Contains(t.Text) || t.Text == "no"))
        {
            return offered.Count == 1 ? new SlotPick(SlotPickKind.Chosen, 0, SlotPickRules.SingleOfferYes) : Unclear(SlotPickRules.NoChoice);
        }

        return Unclear(SlotPickRules.NotAboutSlots);
    }

    /// <summary>A pick from what the reply points at, or null when it points at nothing.</summary>
    private static SlotPick? FromClaims(List<SlotClaim> positive, SlotMatcher matcher)
    {
        if (positive.Count == 0)
        {
            return null;
        }

        var matched = positive.Select(claim => (Claim: claim, Indexes: matcher.Match(claim))).ToList();
        var pointing = matched.Where(m => m.Indexes.Count > 0).ToList();
        var otherTime = matched.Find(m => m.Indexes.Count == 0 && m.Claim.Time is not null).Claim;
        if (otherTime is not null && pointing.Count > 0 && pointing.TrueForAll(m => m.Claim.Time is null && m.Claim.Position is null))
        {
            // "Tuesday works but can it be at 4?": the day offered, at another hour.
            var day = otherTime.Day ?? pointing.Select(m => m.Claim.Day).FirstOrDefault(d => d is not null);
            return WithRequest(new SlotPick(SlotPickKind.NoneWork, null, SlotPickRules.RequestedOtherTime), otherTime with { Day = day }, matcher);
        }

        if (pointing.Count > 0)
        {
            var common = pointing.Skip(1).Aggregate((IEnumerable<int>)pointing[0].Indexes, (set, m) => set.Intersect(m.Indexes)).ToList();
            if (common.Count != 1)
            {
                return Unclear(SlotPickRules.Ambiguous);
            }

            var decisive = pointing.FirstOrDefault(m => m.Indexes.Count == 1).Claim ?? pointing[0].Claim;
            return new SlotPick(SlotPickKind.Chosen, common[0], decisive.Rule);
        }

        var wish = matched.Find(m => m.Claim.Position is null).Claim;
        if (wish is null)
        {
            return Unclear(SlotPickRules.OutOfRange);
        }

        return WithRequest(new SlotPick(SlotPickKind.NoneWork, null, SlotPickRules.RequestedOtherTime), wish, matcher);
    }

    private static SlotPick WithRequest(SlotPick pick, SlotClaim? wish, SlotMatcher matcher)
    {
        if (wish is null)
        {
            return pick;
        }

        var (time, window) = matcher.Requested(wish);
        return pick with { RequestedTime = time, RequestedWindow = window };
    }

    private static SlotPick Unclear(string rule) => new(SlotPickKind.Unclear, null, rule);
}
