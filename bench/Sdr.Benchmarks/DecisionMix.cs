using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Phones;
using Sdr.Core.Sequences;

namespace Sdr.Benchmarks;

/// <summary>How the recipient's location is known, which decides how much phone parsing the hours stage does.</summary>
internal enum RecipientKind
{
    TimeZoneStateAndPhone,
    StateAndPhone,
    StateNameAndPhone,
    PhoneOnly,
    MultiZoneState,
    StateAndPhoneDisagree,
    TollFreeOnly,
}

/// <summary>The parts the personalization engine hands to <see cref="SmsComposer"/> for an SMS touch.</summary>
internal sealed record SmsParts(string Opening, string Body, string? Notice);

/// <summary>One outbound touch as the pipeline has it after loading a chunk: the request and, for SMS, the text parts.</summary>
internal sealed record DecisionInput(OutboundRequest Request, SmsParts? Sms, RecipientKind Kind);

/// <summary>
/// A seeded, realistic chunk of touches: recipients across US zones known by time zone, state or
/// phone only (or barely), due times inside and outside the windows over a week with a holiday,
/// some suppressed, some over a cap, SMS texts short and long, with emoji, smart quotes and accents.
/// </summary>
internal sealed class DecisionMix
{
    private const string NewYork = "America/New_York";
    private const string Chicago = "America/Chicago";
    private const string Denver = "America/Denver";
    private const string LosAngeles = "America/Los_Angeles";

    private static readonly (string Area, string State, string Zone)[] AreaCodes =
    [
        ("212", "NY", NewYork), ("718", "NY", NewYork), ("305", "FL", NewYork), ("813", "FL", NewYork), ("850", "FL", Chicago),
        ("512", "TX", Chicago), ("214", "TX", Chicago), ("713", "TX", Chicago), ("915", "TX", Denver), ("415", "CA", LosAngeles),
        ("213", "CA", LosAngeles), ("619", "CA", LosAngeles), ("312", "IL", Chicago), ("206", "WA", LosAngeles), ("602", "AZ", "America/Phoenix"),
        ("303", "CO", Denver), ("404", "GA", NewYork), ("617", "MA", NewYork), ("405", "OK", Chicago), ("918", "OK", Chicago),
        ("410", "MD", NewYork), ("317", "IN", "America/Indiana/Indianapolis"), ("502", "KY", "America/Kentucky/Louisville"), ("615", "TN", Chicago),
        ("205", "AL", Chicago), ("504", "LA", Chicago), ("313", "MI", "America/Detroit"), ("612", "MN", Chicago), ("702", "NV", LosAngeles),
        ("505", "NM", Denver), ("401", "RI", NewYork), ("203", "CT", NewYork), ("808", "HI", "Pacific/Honolulu"), ("907", "AK", "America/Anchorage"),
        ("503", "OR", LosAngeles), ("704", "NC", NewYork), ("614", "OH", NewYork), ("215", "PA", NewYork), ("208", "ID", "America/Boise"),
        ("601", "MS", Chicago),
    ];

    private static readonly string[] TollFree = ["833", "844", "855", "866", "877", "888"];

    private static readonly string[] MultiZoneStates = ["FL", "TX", "IN", "KY", "TN", "KS", "OR", "ID", "MI", "AZ"];

    private static readonly Dictionary<string, string> StateNames = new()
    {
        ["FL"] = "Florida",
        ["TX"] = "texas",
        ["CA"] = "California",
        ["NY"] = "New York",
        ["OK"] = "Oklahoma",
        ["WA"] = "Washington",
    };

    private static readonly string[] FirstNames =
        ["Maria", "James", "Aaliyah", "José", "Zoë", "Chris", "Priya", "Dmitri", "", "Bartholomew-Alexander", "Linh", "Robert"];

    private static readonly string[] Bodies =
    [
        "Are you still thinking about a move this year? I can send you a quick, no-pressure value estimate for your home.",
        "Checking back in: would a free home value estimate be useful to you this month?",
        "Last note from me for now: if your plans change, just reply here and I'll help however I can.",
        "I have buyers looking in your area. Would you consider an offer on your home?",
        "Following up: open to a quick call about what your home could sell for?",
        "Should I close your file, or is a 10-minute call this week worth it?",
        "Homes on your street are getting \u201Cmultiple offers\u201D right now \u2014 I\u2019d love to show you what yours could fetch\u2026",
        "Quick one \U0001F3E1 homes near you sold fast last month. Want a free value estimate?",
        "Big news for your neighborhood \U0001F389 three homes within a mile sold over asking in the last 30 days, and buyers are still waiting. Want me to run your numbers? \U0001F4C8",
        "\u00BFSigue pensando en vender este a\u00F1o? Le puedo enviar una estimaci\u00F3n gratuita del valor de su casa, sin compromiso.",
        "It's been a while. Has anything changed with your plans for the house? Happy to help whenever you're ready.",
        "Rates moved again this week and two buyers I work with asked about homes like yours specifically. If you've thought about selling, I can put together a short, no-obligation market snapshot with recent comparable sales, days on market and a realistic price range.",
        "Ok!",
    ];

    // Weekdays of one July week (Mon 6 to Thu 9), Fri 3 (Independence Day observed: AL/LA/MS/RI ban it), Sat 11, Sun 12.
    private static readonly (DateTime Day, int Weight)[] Days =
    [
        (new DateTime(2026, 7, 6, 0, 0, 0, DateTimeKind.Utc), 16), (new DateTime(2026, 7, 7, 0, 0, 0, DateTimeKind.Utc), 16),
        (new DateTime(2026, 7, 8, 0, 0, 0, DateTimeKind.Utc), 16), (new DateTime(2026, 7, 9, 0, 0, 0, DateTimeKind.Utc), 16),
        (new DateTime(2026, 7, 3, 0, 0, 0, DateTimeKind.Utc), 12), (new DateTime(2026, 7, 11, 0, 0, 0, DateTimeKind.Utc), 12),
        (new DateTime(2026, 7, 12, 0, 0, 0, DateTimeKind.Utc), 12),
    ];

    private const int Locations = 10;

    private readonly Random _random;

    private DecisionMix(int seed) => _random = new Random(seed);

    public required IReadOnlyList<DecisionInput> Inputs { get; init; }

    public required HashSet<string> SuppressedContacts { get; init; }

    public required HashSet<string> SuppressedPhoneHashes { get; init; }

    /// <summary>
    /// Builds <paramref name="count"/> touches and loads the counters: 6 % of contacts already touched
    /// today, 10 % with three SMS in the last 24 h (binding for FL/OK/MD and unknown states), one
    /// location of ten at its daily SMS cap. 4 % of contacts and 3 % of phones are suppressed; the
    /// phone set also holds 10,000 other do-not-call hashes.
    /// </summary>
    public static DecisionMix Create(int count, RateLimitOptions limits, MessagingOptions messaging, InMemoryCapCounters counters, int seed = 20261125)
    {
        var inputs = new List<DecisionInput>(count);
        var mix = new DecisionMix(seed) { Inputs = inputs, SuppressedContacts = new(StringComparer.Ordinal), SuppressedPhoneHashes = new(StringComparer.Ordinal) };
        var locations = Enumerable.Range(0, Locations).Select(_ => mix.GhlId()).ToArray();
        for (var i = 0; i < count; i++)
        {
            var contactId = mix.GhlId();
            var locationId = locations[i % Locations];
            var (recipient, kind) = mix.Recipient();
            var now = mix.DueTime();
            var step = mix.Step();
            var channel = step switch
            {
                SequenceStep.Email1 or SequenceStep.Email2 => Channel.Email,
                SequenceStep.Voicemail1 or SequenceStep.Voicemail2 => Channel.Voicemail,
                _ => Channel.Sms,
            };
            var sms = channel == Channel.Sms ? mix.Sms(step, messaging) : null;
            // The prospect row as enrolment stores it: the phone's facts resolved once, there.
            var prospect = new SdrProspect { ContactId = contactId, LocationId = locationId, Source = "manual", TimeZone = recipient.TimeZone, State = recipient.State };
            prospect.SetPhone(recipient.Phone);
            AsLoaded(prospect);
            var sequence = new SdrOutreachSequence
            {
                ContactId = contactId,
                LocationId = locationId,
                CurrentStep = SequenceStep.Enrolled,
                AbVariant = "consultative",
                Prospect = prospect,
            };
            var message = new ComposedMessage(sms is null ? "email or voicemail" : sms.Body);
            var request = new OutboundRequest(sequence, step, channel, message, now, mix.Chance(0.9) ? MessagePurpose.CadenceStep : MessagePurpose.Answer) { Recipient = recipient };
            inputs.Add(new DecisionInput(request, sms, kind));

            if (mix.Chance(0.04))
            {
                mix.SuppressedContacts.Add(contactId);
            }
            else if (mix.Chance(0.03) && PhoneHash.Of(recipient.Phone) is { } hash)
            {
                mix.SuppressedPhoneHashes.Add(hash);
            }

            if (mix.Chance(0.06))
            {
                counters.Load(CapKeys.DailyContact(locationId, contactId, now), limits.MaxTouchesPerContactPerDay);
            }

            if (mix.Chance(0.10))
            {
                var key = CapKeys.Rolling24h(locationId, contactId);
                counters.LoadUnit(key, now.AddHours(-1));
                counters.LoadUnit(key, now.AddHours(-6));
                counters.LoadUnit(key, now.AddHours(-20));
            }
        }

        foreach (var (day, _) in Days)
        {
            counters.Load(CapKeys.DailySms(limits.RedisKeyPrefix, locations[^1], day), limits.DailySmsCap);
        }

        for (var i = 0; i < 10_000; i++)
        {
            mix.SuppressedPhoneHashes.Add(PhoneHash.Of(mix.Phone(AreaCodes[i % AreaCodes.Length].Area))!);
        }

        counters.Reset();
        return mix;
    }

    /// <summary>
    /// Gives the stored strings their own instances, as EF reading the row does, so no comparison in the
    /// measured path (the libphonenumber version, the zone-list memo) takes a same-reference shortcut.
    /// </summary>
    private static void AsLoaded(SdrProspect prospect)
    {
        foreach (var property in typeof(SdrProspect).GetProperties())
        {
            if (property.PropertyType == typeof(string) && property.GetValue(prospect) is string value && property.GetSetMethod(nonPublic: true) is { } setter)
            {
                setter.Invoke(prospect, [new string(value.AsSpan())]);
            }
        }
    }

    private (RecipientInfo Recipient, RecipientKind Kind) Recipient()
    {
        var (area, state, zone) = AreaCodes[_random.Next(AreaCodes.Length)];
        var phone = Phone(area);
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.30 => (new RecipientInfo(zone, state, phone), RecipientKind.TimeZoneStateAndPhone),
            < 0.50 => (new RecipientInfo(null, state, phone), RecipientKind.StateAndPhone),
            < 0.55 => (new RecipientInfo(null, StateNames.GetValueOrDefault(state, state), phone), RecipientKind.StateNameAndPhone),
            < 0.85 => (new RecipientInfo(null, null, phone), RecipientKind.PhoneOnly),
            < 0.90 => (new RecipientInfo(null, MultiZoneStates[_random.Next(MultiZoneStates.Length)], null), RecipientKind.MultiZoneState),
            < 0.95 => (new RecipientInfo(null, AreaCodes[_random.Next(AreaCodes.Length)].State, phone), RecipientKind.StateAndPhoneDisagree),
            _ => (new RecipientInfo(null, null, Phone(TollFree[_random.Next(TollFree.Length)])), RecipientKind.TollFreeOnly),
        };
    }

    /// <summary>A valid number in the area code, mostly E.164 as GHL sends it, sometimes as typed into a form.</summary>
    private string Phone(string area)
    {
        while (true)
        {
            var exchange = _random.Next(200, 1000);
            var line = _random.Next(0, 10_000);
            var phone = Chance(0.85) ? $"+1{area}{exchange}{line:D4}" : $"({area}) {exchange}-{line:D4}";
            if (exchange % 100 != 11 && PhoneHash.ToE164(phone) is not null)
            {
                return phone;
            }
        }
    }

    // 70 % in US daytime (13:00-01:00 UTC), 30 % at any minute.
    private DateTime DueTime()
    {
        var total = Days.Sum(d => d.Weight);
        var pick = _random.Next(total);
        var day = Days[0].Day;
        foreach (var (candidate, weight) in Days)
        {
            if (pick < weight)
            {
                day = candidate;
                break;
            }

            pick -= weight;
        }

        var minute = Chance(0.7) ? 13 * 60 + _random.Next(12 * 60) : _random.Next(24 * 60);
        return day.AddMinutes(minute).AddSeconds(_random.Next(60));
    }

    // SMS 60 % (sms_1 25, sms_2 20, sms_3 15), email 25 %, voicemail 15 %, as the cadence sends them.
    private SequenceStep Step() => _random.Next(100) switch
    {
        < 25 => SequenceStep.Sms1,
        < 45 => SequenceStep.Sms2,
        < 60 => SequenceStep.Sms3,
        < 73 => SequenceStep.Email1,
        < 85 => SequenceStep.Email2,
        < 93 => SequenceStep.Voicemail1,
        _ => SequenceStep.Voicemail2,
    };

    /// <summary>The opening, body and notice as <c>PersonalizationEngine</c> builds them.</summary>
    private SmsParts Sms(SequenceStep step, MessagingOptions messaging)
    {
        var name = FirstNames[_random.Next(FirstNames.Length)];
        var greeting = name.Length == 0 ? "Hi," : $"Hi {name},";
        var first = step == SequenceStep.Sms1;
        var opening = first ? $"{greeting} this is {messaging.SenderName} with {messaging.CompanyName}." : $"{greeting} {messaging.SenderName} here.";
        return new SmsParts(opening, Bodies[_random.Next(Bodies.Length)], first ? messaging.OptOutNotice : null);
    }

    private string GhlId()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(20, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[random.Next(Alphabet.Length)];
            }
        });
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;
}
