using System.Globalization;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Configuration;
using Sdr.Core.Data.Entities;
using Sdr.Core.Messaging;
using Sdr.Core.Sequences;

namespace Sdr.Tests.Unit.Compliance.Caps;

public static class CapsTestData
{
    public static readonly RecipientInfo Florida = new("America/New_York", "FL", null);
    public static readonly RecipientInfo NewYork = new("America/New_York", "NY", null);

    public static DateTime Utc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static CapsStage Stage(FakeCapCounters counters, int perContact = 1, int dailySms = 500, CapsOptions? caps = null) =>
        new(counters, counters, Options.Create(new RateLimitOptions { MaxTouchesPerContactPerDay = perContact, DailySmsCap = dailySms }), Options.Create(caps ?? new CapsOptions()));

    public static OutboundRequest Request(
        Channel channel,
        string now,
        bool cadence = true,
        RecipientInfo? recipient = null,
        string contactId = "contact-1",
        string locationId = "location-1") =>
        new(new SdrOutreachSequence { ContactId = contactId, LocationId = locationId, CurrentStep = SequenceStep.Sms1, AbVariant = "consultative" }, SequenceStep.Sms1, channel, new ComposedMessage("Hi, Alex from Harbor Realty. Reply STOP to opt out"), Utc(now), cadence ? MessagePurpose.CadenceStep : MessagePurpose.Answer)
        {
            Recipient = recipient ?? NewYork,
        };
}
