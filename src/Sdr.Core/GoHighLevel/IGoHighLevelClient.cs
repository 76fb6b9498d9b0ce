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
