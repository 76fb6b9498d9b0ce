using Sdr.Core.Phones;

namespace Sdr.Core.Data.Entities;

/// <summary><c>sdr_prospects</c>: one row per contact and location.</summary>
public sealed class SdrProspect
{
    public long Id { get; set; }
    public required string ContactId { get; set; }
    public required string LocationId { get; set; }
    public required string Source { get; set; }
    public string LeadType { get; set; } = "ambiguous";
    public double? FrsScore { get; set; }
    public double? PcsScore { get; set; }

    /// <summary>The decoder's confidence in its own reading at the last evaluation (0–1).</summary>
    public double? IntentConfidence { get; set; }

    /// <summary>The signals behind the last scores, as JSON (<c>[{name, dimension, weight, rule}]</c>, no message text).</summary>
    public string? QualificationSignals { get; set; }

    public DateTime? EvaluatedAt { get; set; }

    /// <summary>The bot the contact was handed to (<c>lead_bot</c>, <c>buyer_bot</c>, <c>seller_bot</c>); null until handed off.</summary>
    public string? HandoffTarget { get; set; }

    public DateTime? HandedOffAt { get; set; }

    /// <summary>The ProspectProfiler's facts as JSON (<c>Sdr.Core.Profiles.ProspectProfile</c>), encrypted at rest: it holds the address.</summary>
    public string? Profile { get; set; }

    public DateTime? ProfiledAt { get; set; }
    public DateTime EnrolledAt { get; set; }
    public string? FirstName { get; set; }
    public string? TimeZone { get; set; }
    public string? State { get; set; }

    /// <summary>
    /// The phone in E.164 (as GHL gave it when it is not a valid number), encrypted at rest. Set with
    /// <see cref="SetPhone"/>, which keeps the facts below in step with it.
    /// </summary>
    public string? Phone { get; private set; }

    /// <summary>Lookup hash of <see cref="Phone"/>: an opt-out reaches the same number in every location.</summary>
    public string? PhoneHash { get; private set; }

    /// <summary>The US state of the phone's prefix (for the FL/OK-style area-code rules); null when none.</summary>
    public string? PhoneState { get; private set; }

    /// <summary>The IANA zones of the phone's prefix, space-separated; null when none (toll-free, foreign, unmapped).</summary>
    public string? PhoneZones { get; private set; }

    /// <summary>
    /// The libphonenumber release that resolved the facts above (<see cref="ResolvedPhone.DataVersion"/>);
    /// null for a row stored before the facts were (its phone is parsed per touch until backfilled).
    /// </summary>
    public string? PhoneDataVersion { get; private set; }

    /// <summary>Whether the stored phone facts come from the libphonenumber data this process runs.</summary>
    public bool HasCurrentPhoneFacts => PhoneDataVersion == ResolvedPhone.DataVersion;

    /// <summary>Stores the phone and what every touch's compliance decision needs from it, parsed once here.</summary>
    public void SetPhone(string? phone)
    {
        var resolved = ResolvedPhone.Of(phone);
        Phone = resolved?.E164 ?? (string.IsNullOrWhiteSpace(phone) ? null : phone);
        PhoneHash = resolved?.Hash;
        PhoneState = resolved?.AreaState;
        PhoneZones = resolved?.ZoneIds;
        PhoneDataVersion = ResolvedPhone.DataVersion;
    }
}
