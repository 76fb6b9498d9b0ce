using System.Collections.Concurrent;
using System.Collections.Frozen;
using Sdr.Sandbox.State;

namespace Sdr.Sandbox;

public sealed class SandboxState
{
    private readonly FrozenDictionary<string, LocationData> _byLocation;
    private readonly FrozenDictionary<string, SandboxLocation> _byToken;
    private readonly ConcurrentDictionary<string, SandboxContact> _contacts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxConversation> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxConversation> _conversationByContact = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<SandboxNote>> _notes = new(StringComparer.Ordinal);
    private readonly IdGenerator _runtimeIds;
    private readonly RecordingLog<SentMessage> _sentMessages = new(int.MaxValue);
    private readonly RecordingLog<WorkflowEnrollment> _enrollments = new(int.MaxValue);
    private readonly RecordingLog<SandboxNote> _notesAdded = new(int.MaxValue);
    private readonly RecordingLog<TagChange> _tagChanges = new(int.MaxValue);
    private readonly RecordingLog<ContactUpsertCall> _upserts = new(int.MaxValue);
    private readonly RecordingLog<DndUpdate> _dndUpdates = new(int.MaxValue);
    private readonly RecordingLog<SandboxAppointment> _appointments = new(int.MaxValue);
    private readonly RecordingLog<RecordedRequest> _requests;
    private readonly RecordingLog<PersonaReply> _personaReplies = new(int.MaxValue);
    private readonly RecordingLog<SandboxWebhookDelivery> _webhookDeliveries = new(int.MaxValue);
    private readonly ConcurrentDictionary<string, PersonaContact> _personas = new(StringComparer.Ordinal);
    private volatile bool _rateLimitEnabled;

    internal SandboxState(SandboxOptions options, IEnumerable<LocationData> locations)
    {
        TimeProvider = options.TimeProvider;
        _rateLimitEnabled = options.RateLimitEnabled;
        _runtimeIds = new IdGenerator(options.Seed, 0xA11CE);
        _requests = new RecordingLog<RecordedRequest>(Math.Max(options.MaxRecordedRequests, 1));
        _byLocation = locations.ToFrozenDictionary(l => l.Location.LocationId, StringComparer.Ordinal);
        _byToken = _byLocation.Values.ToFrozenDictionary(l => l.Location.Token, l => l.Location, StringComparer.Ordinal);
        Locations = [.. _byLocation.Values.Select(l => l.Location)];
    }

    public TimeProvider TimeProvider { get; }

    public IReadOnlyList<SandboxLocation> Locations { get; }

    public bool RateLimitEnabled
    {
        get => _rateLimitEnabled;
        set => _rateLimitEnabled = value;
    }

    public SandboxFaultQueue Faults { get; } = new();

    /// <summary>Numbers on DND for SMS (E.164 → message): a contact an upsert creates with one of them starts with DND on.</summary>
    public ConcurrentDictionary<string, string> DndPhones { get; } = new(StringComparer.Ordinal);

    private int _inFlight;
    private int _peakInFlight;

    /// <summary>Added to every API response (tests use it to make concurrent calls overlap).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The most API requests this sandbox has served at the same moment.</summary>
    public int PeakConcurrentRequests => Volatile.Read(ref _peakInFlight);

    /// <summary>Counts a request in; dispose the result when it is answered.</summary>
    internal InFlightRequest BeginRequest()
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); now > peak; peak = Volatile.Read(ref _peakInFlight))
        {
            if (Interlocked.CompareExchange(ref _peakInFlight, now, peak) == peak)
            {
                break;
            }
        }

        return new InFlightRequest(this);
    }

    internal readonly struct InFlightRequest(SandboxState state) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref state._inFlight);
    }

    public IReadOnlyList<SentMessage> SentMessages => _sentMessages.Snapshot();

    public IReadOnlyList<WorkflowEnrollment> WorkflowEnrollments => _enrollments.Snapshot();

    public IReadOnlyList<SandboxNote> Notes => _notesAdded.Snapshot();

    public IReadOnlyList<TagChange> TagChanges => _tagChanges.Snapshot();

    public IReadOnlyList<ContactUpsertCall> ContactUpserts => _upserts.Snapshot();

    public IReadOnlyList<DndUpdate> DndUpdates => _dndUpdates.Snapshot();

    public IReadOnlyList<SandboxAppointment> Appointments => _appointments.Snapshot();

    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Answers persona contacts sent, oldest first.</summary>
    public IReadOnlyList<PersonaReply> PersonaReplies => _personaReplies.Snapshot();

    /// <summary>Webhooks the sandbox raised on its own (persona answers, booked appointments), oldest first.</summary>
    public IReadOnlyList<SandboxWebhookDelivery> WebhookDeliveries => _webhookDeliveries.Snapshot();

    public SandboxPersona? PersonaOf(string contactId) => _personas.TryGetValue(contactId, out var p) ? p.Persona : null;

    /// <summary>The location's persona contacts, by persona, then in seeding order.</summary>
    public IReadOnlyList<PersonaContact> PersonaContacts(string locationId)
    {
        var order = Location(locationId).Contacts.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. _personas.Values.Where(p => p.LocationId == locationId).OrderBy(p => p.Persona).ThenBy(p => order.GetValueOrDefault(p.ContactId))];
    }

    /// <summary>Makes a contact answer as <paramref name="persona"/> (tests give one to a contact of their choice).</summary>
    public PersonaContact AssignPersona(string contactId, SandboxPersona persona)
    {
        var contact = GetContact(contactId) ?? throw new KeyNotFoundException($"Unknown sandbox contact '{contactId}'.");
        string zone;
        lock (contact.Sync)
        {
            zone = contact.Timezone ?? Location(contact.LocationId).Location.TimeZone;
        }

        var assigned = new PersonaContact(contact.Id, contact.LocationId, persona, zone);
        _personas[contact.Id] = assigned;
        return assigned;
    }

    public SandboxContact? GetContact(string id) => _contacts.GetValueOrDefault(id);

    public IReadOnlyList<SandboxContact> Contacts(string locationId) => Location(locationId).Contacts;

    public SandboxContact AddContact(SandboxContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var data = Location(contact.LocationId);
        if (string.IsNullOrEmpty(contact.Id))
        {
            contact.Id = NewId();
        }

        var now = TimeProvider.GetUtcNow();
        if (contact.DateAdded == default)
        {
            contact.DateAdded = now;
        }

        if (contact.DateUpdated == default)
        {
            contact.DateUpdated = contact.DateAdded;
        }

        if (!_contacts.TryAdd(contact.Id, contact))
        {
            throw new InvalidOperationException($"Contact {contact.Id} already exists.");
        }

        data.AddContact(contact);
        return contact;
    }

    public IReadOnlyList<SandboxPipeline> Pipelines(string locationId) => Location(locationId).Pipelines;

    public IReadOnlyList<SandboxOpportunity> Opportunities(string locationId) => Location(locationId).Opportunities;

    public IReadOnlyList<SandboxWorkflow> Workflows(string locationId) => Location(locationId).Workflows;

    public SandboxCalendar Calendar(string locationId) => Location(locationId).Calendar;

    public SandboxConversation? GetConversation(string conversationId) => _conversations.GetValueOrDefault(conversationId);

    public SandboxConversation? ConversationForContact(string contactId) => _conversationByContact.GetValueOrDefault(contactId);

    public IReadOnlyList<SandboxNote> NotesFor(string contactId)
    {
        if (!_notes.TryGetValue(contactId, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public void ClearRecordings()
    {
        _sentMessages.Clear();
        _enrollments.Clear();
        _notesAdded.Clear();
        _tagChanges.Clear();
        _dndUpdates.Clear();
        _appointments.Clear();
        _requests.Clear();
        _personaReplies.Clear();
        _webhookDeliveries.Clear();
    }

    internal string NewId() => _runtimeIds.Next();

    internal SandboxLocation? LocationForToken(string token) => _byToken.GetValueOrDefault(token);

    internal LocationData? TryLocation(string locationId) => _byLocation.GetValueOrDefault(locationId);

    /// <summary>Puts a message in the contact's conversation as if it had been exchanged at <paramref name="at"/> (history for a scenario).</summary>
    public SandboxMessage AddHistoryMessage(string contactId, string direction, string body, DateTimeOffset at)
    {
        var contact = GetContact(contactId) ?? throw new KeyNotFoundException($"Unknown sandbox contact '{contactId}'.");
        var conversation = GetOrCreateConversation(contact.LocationId, contactId);
        var message = new SandboxMessage(NewId(), conversation.Id, contact.LocationId, contactId, Endpoints.MessageKinds.Sms, direction, body, null, "delivered", at);
        conversation.Append(message);
        return message;
    }

    internal SandboxConversation GetOrCreateConversation(string locationId, string contactId) =>
        _conversationByContact.GetOrAdd(contactId, static (cid, args) =>
        {
            var conversation = new SandboxConversation(args.State.NewId(), args.LocationId, cid);
            args.State._conversations[conversation.Id] = conversation;
            return conversation;
        }, (State: this, LocationId: locationId));

    internal SandboxNote AddNote(SandboxNote note)
    {
        var list = _notes.GetOrAdd(note.ContactId, static _ => []);
        lock (list)
        {
            list.Add(note);
        }

        _notesAdded.Add(note);
        return note;
    }

    internal void Record(SentMessage message) => _sentMessages.Add(message);

    internal void Record(WorkflowEnrollment enrollment) => _enrollments.Add(enrollment);

    internal void Record(TagChange change) => _tagChanges.Add(change);

    internal void Record(ContactUpsertCall upsert) => _upserts.Add(upsert);

    internal void Record(DndUpdate update) => _dndUpdates.Add(update);

    internal void Record(SandboxAppointment appointment) => _appointments.Add(appointment);

    internal void Record(RecordedRequest request) => _requests.Add(request);

    internal void Record(PersonaReply reply) => _personaReplies.Add(reply);

    internal void Record(SandboxWebhookDelivery delivery) => _webhookDeliveries.Add(delivery);

    private LocationData Location(string locationId) =>
        _byLocation.TryGetValue(locationId, out var data)
            ? data
            : throw new KeyNotFoundException($"Unknown sandbox location '{locationId}'.");
}
