using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdr.Core.Booking;
using Sdr.Core.Configuration;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel;

namespace Sdr.Core.Agent;

/// <summary>What a reply did to an open booking offer.</summary>
public enum BookingStep
{
    /// <summary>The reply was not about the offered times: the agent answers it as usual.</summary>
    NotAboutTheOffer,

    /// <summary>Booked; the confirmation is queued and the sequence is BOOKED.</summary>
    Booked,

    /// <summary>New times were offered (none of the first suited, or the pick was taken meanwhile).</summary>
    Reoffered,

    /// <summary>The prospect will not book, or no time could be found: hand off without a booking.</summary>
    NoBooking,
}

/// <summary>
/// The seed's SdrBookingService: for a HOT lead when <c>SDR_CALENDAR_ID</c> is set, reads the calendar's free
/// slots (<c>GET /calendars/{id}/free-slots</c>), offers two or three in the prospect's local time, reads the
/// pick from the next reply, books it (<c>POST /calendars/events/appointments</c>) and confirms. A slot taken
/// meanwhile, or "none of those work", gets new times (at most <c>max_offer_rounds</c>).
/// </summary>
public sealed partial class SdrBookingService(
    SdrDbContext db,
    IGoHighLevelClient ghl,
    SlotOfferPlanner planner,
    SlotPickParser parser,
    AnswerWriter answers,
    ConversationEvents events,
    TimeProvider time,
    IOptions<BookingOptions> options,
    IOptions<GhlSettingsOptions> settings,
    IOptions<MessagingOptions> messaging,
    ILogger<SdrBookingService> logger)
{
    private const string DefaultZone = "America/New_York";

    public bool IsConfigured => !string.IsNullOrEmpty(settings.Value.CalendarId);

    public async Task<SdrBookingOffer?> OpenOfferAsync(SdrOutreachSequence sequence, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.BookingOffers
            .Where(o => o.SequenceId == sequence.Id && o.Status == BookingOfferStatus.Open && o.ExpiresAt > now)
            .OrderByDescending(o => o.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Offers free times (round 1, or a later round without <paramref name="exclude"/>). False when none can be offered.</summary>
    /// <param name="within">The day or time the prospect asked for ("do you have anything friday?"): looked for first.</param>
    public async Task<bool> OfferAsync(SdrOutreachSequence sequence, SdrReply reply, int round, IReadOnlyCollection<DateTimeOffset> exclude, string intro, CancellationToken cancellationToken, SlotWindow? within = null)
    {
        var calendarId = settings.Value.CalendarId!;
        var now = time.GetUtcNow();
        var zone = ZoneOf(sequence.Prospect);
        var free = await ghl.GetFreeSlotsAsync(sequence.LocationId, calendarId, now, now.AddDays(options.Value.SearchDays), zone.Id, cancellationToken);
        var slots = within is null ? [] : planner.Choose(free, zone, now, exclude, within);
        if (slots.Count == 0)
        {
            slots = planner.Choose(free, zone, now, exclude);
        }

        if (slots.Count == 0)
        {
            LogNoSlots(logger, sequence.ContactId, free.Count);
            return false;
        }

        var text = SlotOfferText.Offer(slots, zone, intro, 160);
        var refused = await answers.QueueAsync(MessagePurpose.BookingOffer, reply, sequence, text, round.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (refused is not null)
        {
            reply.Action = "booking offer not sent: " + refused;
            return true;
        }

        var utcNow = now.UtcDateTime;
        foreach (var open in await db.BookingOffers.Where(o => o.SequenceId == sequence.Id && o.Status == BookingOfferStatus.Open).ToListAsync(cancellationToken))
        {
            open.Status = BookingOfferStatus.Superseded;
            open.DecidedAt = utcNow;
        }

        db.BookingOffers.Add(new SdrBookingOffer
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            LocationId = sequence.LocationId,
            CalendarId = calendarId,
            Slots = SdrBookingOffer.FormatSlots(slots),
            Round = round,
            Status = BookingOfferStatus.Open,
            CreatedAt = utcNow,
            ExpiresAt = utcNow.AddHours(options.Value.OfferExpiryHours),
        });
        events.Add(sequence, SequenceEventKinds.SlotsOffered, string.Create(
            CultureInfo.InvariantCulture,
            $"offered {slots.Count} time(s) (round {round}): {string.Join(", ", slots.Select(s => Local(s, zone)))}"), utcNow);
        reply.Action = $"booking offered (round {round})";
        return true;
    }

    /// <summary>Reads <paramref name="reply"/> against the open <paramref name="offer"/> and acts on the pick.</summary>
    public async Task<BookingStep> HandleReplyAsync(SdrBookingOffer offer, SdrOutreachSequence sequence, SdrReply reply, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = ZoneOf(sequence.Prospect);
        var offered = offer.OfferedSlots();
        var pick = parser.Parse(reply.Body, offered, zone, now);
        switch (pick.Kind)
        {
            case SlotPickKind.Chosen when pick.Index is { } index && index >= 0 && index < offered.Count:
                return await BookAsync(offer, sequence, reply, offered[index], zone, cancellationToken);
            case SlotPickKind.NoneWork or SlotPickKind.Reschedule:
                return await ReofferAsync(offer, sequence, reply, offered, "No problem! How about one of these?", cancellationToken, pick.RequestedSpan);
            case SlotPickKind.Declined:
                offer.Status = BookingOfferStatus.Declined;
                offer.DecidedAt = now.UtcDateTime;
                reply.Action = "booking declined";
                return BookingStep.NoBooking;
            default:
                return BookingStep.NotAboutTheOffer;
        }
    }

    private async Task<BookingStep> BookAsync(SdrBookingOffer offer, SdrOutreachSequence sequence, SdrReply reply, DateTimeOffset slot, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var booking = options.Value;
        GhlAppointment appointment;
        try
        {
            appointment = await ghl.CreateAppointmentAsync(
                sequence.LocationId,
                new GhlAppointmentRequest(offer.CalendarId, sequence.ContactId, slot, slot.AddMinutes(booking.AppointmentMinutes), answers.Fill(booking.AppointmentTitle, sequence.Prospect)),
                cancellationToken);
        }
        catch (GhlApiException exception) when (exception.IsPermanent || exception.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Taken since we offered it (or refused by GHL): new times, without this one.
            LogSlotRefused(logger, sequence.ContactId, (int?)exception.StatusCode);
            return await ReofferAsync(offer, sequence, reply, [slot], "Sorry, that time was just taken. How about one of these?", cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        offer.Status = BookingOfferStatus.Booked;
        offer.DecidedAt = now;
        offer.BookedSlot = slot.UtcDateTime;
        offer.AppointmentId = appointment.Id;
        sequence.Book(now);
        events.Add(sequence, SequenceEventKinds.Booked, $"booked {Local(slot, zone)} (appointment {appointment.Id})", now);
        await events.SettleObjectionsAsync(sequence.ContactId, sequence.LocationId, ObjectionOutcomes.Booked, now, cancellationToken);
        var confirmation = SlotOfferText.Confirmation(slot, zone, messaging.Value.SenderName);
        await answers.QueueAsync(MessagePurpose.Answer, reply, sequence, confirmation, "booked", cancellationToken, bypassLimit: true);
        reply.Action = "booked";
        return BookingStep.Booked;
    }

    private async Task<BookingStep> ReofferAsync(SdrBookingOffer offer, SdrOutreachSequence sequence, SdrReply reply, IReadOnlyList<DateTimeOffset> refused, string intro, CancellationToken cancellationToken, SlotWindow? within = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        offer.Status = BookingOfferStatus.Superseded;
        offer.DecidedAt = now;
        if (offer.Round >= options.Value.MaxOfferRounds)
        {
            reply.Action = "no booking: offer rounds used up";
            return BookingStep.NoBooking;
        }

        var earlier = await db.BookingOffers.AsNoTracking().Where(o => o.SequenceId == sequence.Id).Select(o => o.Slots).ToListAsync(cancellationToken);
        var exclude = earlier.SelectMany(SdrBookingOffer.ParseSlots)
            .Concat(refused)
            .ToHashSet();
        return await OfferAsync(sequence, reply, offer.Round + 1, exclude, intro, cancellationToken, within) ? BookingStep.Reoffered : BookingStep.NoBooking;
    }

    public static TimeZoneInfo ZoneOf(SdrProspect? prospect)
    {
        var candidates = new[] { prospect?.TimeZone, prospect?.PhoneZones?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), DefaultZone };
        foreach (var id in candidates)
        {
            if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    private static string Local(DateTimeOffset slot, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(slot, zone).ToString("ddd MMM d h:mm tt", CultureInfo.InvariantCulture) + " " + zone.Id;

    [LoggerMessage(Level = LogLevel.Information, Message = "No free slot to offer contact {ContactId} ({Free} free slot(s) read)")]
    private static partial void LogNoSlots(ILogger logger, string contactId, int free);

    [LoggerMessage(Level = LogLevel.Information, Message = "GHL refused the booking of contact {ContactId} (status {Status}); offering new times")]
    private static partial void LogSlotRefused(ILogger logger, string contactId, int? status);
}
