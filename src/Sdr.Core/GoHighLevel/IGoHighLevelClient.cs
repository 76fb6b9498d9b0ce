namespace Sdr.Core.GoHighLevel;

/// <summary>
/// The GHL operations the SDR agent uses (SPEC section 5). Every call names the location whose
/// token, rate limit and circuit breaker it runs under. Failures surface as <see cref="GhlApiException"/>.
/// </summary>
public interface IGoHighLevelClient
{
    /// <summary>GET /contacts/{contactId}. Returns null when GHL answers 404.</summary>
    Task<GhlContact?> GetContactAsync(string locationId, string contactId, CancellationToken cancellationToken = default);

    /// <summary>Contacts with an opportunity in the given pipeline stage (GET /opportunities/search).</summary>
    Task<IReadOnlyList<GhlContact>> GetContactsByPipelineStageAsync(string locationId, string stageId, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every open opportunity of a pipeline stage, with its embedded contact: GET /opportunities/search
    /// (status=open, 100 a page) through all pages by its startAfter/startAfterId cursor, each opportunity once.
    /// </summary>
    Task<IReadOnlyList<GhlOpportunity>> SearchOpenOpportunitiesAsync(string locationId, string stageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every contact whose dateUpdated is before <paramref name="before"/>: POST /contacts/search (500 a page, oldest
    /// update first) through all pages by the searchAfter cursor, each contact once.
    /// </summary>
    Task<IReadOnlyList<GhlContact>> SearchContactsUpdatedBeforeAsync(string locationId, DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last message date of every contact whose conversation had a message at or after <paramref name="since"/>:
    /// GET /conversations/search sorted by last_message_date, newest first, 100 a page, until the dates pass <paramref name="since"/>.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastMessageDatesSinceAsync(string locationId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Contacts whose last activity is before <paramref name="since"/> (POST /contacts/search).</summary>
    Task<IReadOnlyList<GhlContact>> GetContactsInactiveSinceAsync(string locationId, DateTimeOffset since, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>POST /conversations/messages (SMS or Email). Never retried when the outcome is unknown.</summary>
    Task<GhlSendResult> SendMessageAsync(string locationId, GhlOutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>POST /contacts/{contactId}/workflow/{workflowId}.</summary>
    Task TriggerWorkflowAsync(string locationId, string contactId, string workflowId, CancellationToken cancellationToken = default);

    /// <summary>POST /contacts/{contactId}/tags: adds tags, never replaces the contact's tag list.</summary>
    Task AddTagsAsync(string locationId, string contactId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default);

    /// <summary>DELETE /contacts/{contactId}/tags.</summary>
    Task RemoveTagsAsync(string locationId, string contactId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default);

    /// <summary>PUT /contacts/{contactId} with dnd / dndSettings only.</summary>
    Task UpdateDndAsync(string locationId, string contactId, GhlDndUpdate update, CancellationToken cancellationToken = default);

    /// <summary>POST /contacts/{contactId}/notes.</summary>
    Task AddNoteAsync(string locationId, string contactId, string body, CancellationToken cancellationToken = default);

    /// <summary>The contact's conversation history, newest first (GET /conversations/search, then GET /conversations/{id}/messages).</summary>
    Task<IReadOnlyList<GhlMessage>> GetConversationMessagesAsync(string locationId, string contactId, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>GET /calendars/{calendarId}/free-slots.</summary>
    Task<IReadOnlyList<DateTimeOffset>> GetFreeSlotsAsync(string locationId, string calendarId, DateTimeOffset from, DateTimeOffset to, string? timeZone = null, CancellationToken cancellationToken = default);

    /// <summary>POST /calendars/events/appointments.</summary>
    Task<GhlAppointment> CreateAppointmentAsync(string locationId, GhlAppointmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>POST /contacts/upsert.</summary>
    Task<GhlContact> UpsertContactAsync(string locationId, GhlContactUpsert contact, CancellationToken cancellationToken = default);
}
