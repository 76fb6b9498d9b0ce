using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Phones;

namespace Sdr.Core.Sequences.Eligibility;

/// <summary>
/// Applies <see cref="EligibilityRules"/> to candidates of a location with one query per table for the whole group:
/// the suppression ledger (by contact and phone, every channel the cadence needs; the do-not-call list is in it),
/// active sequences and the last ended sequence per contact. A prospecting cycle applies the cool-down; an explicit
/// enrolment (a person asking for this contact) does not.
/// </summary>
public sealed class ProspectEligibility(IOptions<ProspectingOptions> prospecting, IOptions<SequenceOptions> sequence, TimeProvider time)
{
    public EligibilityPolicy PolicyFor(string locationId, bool withCooldown)
    {
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SMS" };
        foreach (var step in sequence.Value.Steps.Values)
        {
            switch (step.Channel?.ToLowerInvariant())
            {
                case "email":
                    channels.Add("Email");
                    break;
                case "voicemail":
                    channels.Add("Call");
                    break;
            }
        }

        var options = prospecting.Value;
        return new EligibilityPolicy(channels, withCooldown ? options.CooldownDays : 0, options.ServiceAreas.GetValueOrDefault(locationId));
    }

    /// <summary>Per candidate, in order: null when it may be enrolled, else the skip reason.</summary>
    public async Task<IReadOnlyList<string?>> CheckAsync(SdrDbContext db, string locationId, IReadOnlyList<EligibilityFacts> candidates, bool withCooldown, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var policy = PolicyFor(locationId, withCooldown);
        var standings = await StandingsAsync(db, locationId, candidates, policy, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. candidates.Select((facts, i) => EligibilityRules.Check(facts, standings[i], policy, now))];
    }

    private static async Task<EligibilityStanding[]> StandingsAsync(SdrDbContext db, string locationId, IReadOnlyList<EligibilityFacts> candidates, EligibilityPolicy policy, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.ContactId).Distinct(StringComparer.Ordinal).ToList();
        var sequences = await db.Sequences.AsNoTracking()
            .Where(s => s.LocationId == locationId && ids.Contains(s.ContactId))
            .Select(s => new { s.ContactId, s.IsActive, s.EndedAt })
            .ToListAsync(cancellationToken);
        var active = sequences.Where(s => s.IsActive).Select(s => s.ContactId).ToHashSet(StringComparer.Ordinal);
        var lastEnded = sequences.Where(s => s.EndedAt != null)
            .GroupBy(s => s.ContactId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(s => s.EndedAt), StringComparer.Ordinal);

        var channels = policy.LedgerChannels;
        var lookups = candidates
            .SelectMany(c => channels.Select(channel => new SuppressionLookup(c.ContactId, locationId, channel, PhoneHash.Of(c.Phone))))
            .ToList();
        var suppressions = await SuppressionLedger.FindManyAsync(db, lookups, cancellationToken);

        var standings = new EligibilityStanding[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var id = candidates[i].ContactId;
            var suppression = Enumerable.Range(i * channels.Count, channels.Count).Select(k => suppressions[k]).FirstOrDefault(s => s is not null);
            standings[i] = new EligibilityStanding(suppression, active.Contains(id), lastEnded.GetValueOrDefault(id));
        }

        return standings;
    }
}
