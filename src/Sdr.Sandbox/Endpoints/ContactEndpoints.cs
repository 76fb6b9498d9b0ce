using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class ContactEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/contacts/{contactId}", Get);
        app.MapPut("/contacts/{contactId}", Update);
        app.MapPost("/contacts/search", ContactSearchEndpoint.Search);
        app.MapPost("/contacts/upsert", Upsert);
        app.MapPost("/contacts/{contactId}/tags", AddTags);
        app.MapDelete("/contacts/{contactId}/tags", RemoveTags);
        app.MapGet("/contacts/{contactId}/notes", ListNotes);
        app.MapPost("/contacts/{contactId}/notes", AddNote);
        app.MapPost("/contacts/{contactId}/workflow/{workflowId}", Enroll);
    }

    private static IResult Get(HttpContext context, SandboxState state, string contactId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        return contact is null ? error! : Results.Json(new { contact = ContactDto.From(contact) }, SandboxJson.Options);
    }

    private static async Task<IResult> Update(HttpContext context, SandboxState state, string contactId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        var body = await SandboxJson.ReadAsync<ContactWriteDto>(context);
        if (body is null)
        {
            return GhlErrors.BadRequest(context, "Invalid JSON body");
        }

        if (DndChannels.FindInvalid(body.DndSettings) is { } badChannel)
        {
            return GhlErrors.Unprocessable(context, $"dndSettings.{badChannel} is not a valid channel (Call, Email, SMS, WhatsApp, GMB, FB)");
        }

        ContactMutations.Apply(state, contact, body, replaceTags: true);
        return Results.Json(new { succeded = true, contact = ContactDto.From(contact) }, SandboxJson.Options);
    }

    private static async Task<IResult> Upsert(HttpContext context, SandboxState state)
    {
        var body = await SandboxJson.ReadAsync<ContactWriteDto>(context);
        if (body is null || string.IsNullOrEmpty(body.LocationId))
        {
            return GhlErrors.Unprocessable(context, "locationId should not be empty", "locationId must be a string");
        }

        if (!context.OwnsLocation(body.LocationId))
        {
            return GhlErrors.Forbidden(context);
        }

        if (DndChannels.FindInvalid(body.DndSettings) is { } badChannel)
        {
            return GhlErrors.Unprocessable(context, $"dndSettings.{badChannel} is not a valid channel (Call, Email, SMS, WhatsApp, GMB, FB)");
        }

        var existing = FindDuplicate(state, body);
        var isNew = existing is null;
        var contact = existing ?? state.AddContact(new SandboxContact { LocationId = body.LocationId, Country = null });
        if (isNew && body.Phone is { } phone && state.DndPhones.TryGetValue(phone, out var dndMessage))
        {
            contact.Dnd = true;
            contact.DndSettings["SMS"] = new SandboxDndSetting("active", dndMessage);
        }

        ContactMutations.Apply(state, contact, body, replaceTags: false);
        state.Record(new ContactUpsertCall(body.LocationId, contact.Id, isNew, body.Tags is not null, [.. (body.CustomFields ?? []).Select(f => f.Id ?? f.Key ?? "")], state.TimeProvider.GetUtcNow()));
        return Results.Json(new { @new = isNew, contact = ContactDto.From(contact), traceId = context.TraceId() }, SandboxJson.Options);
    }

    private static SandboxContact? FindDuplicate(SandboxState state, ContactWriteDto body)
    {
        foreach (var contact in state.Contacts(body.LocationId!))
        {
            lock (contact.Sync)
            {
                if ((body.Email is { Length: > 0 } && string.Equals(contact.Email, body.Email, StringComparison.OrdinalIgnoreCase))
                    || (body.Phone is { Length: > 0 } && string.Equals(contact.Phone, body.Phone, StringComparison.Ordinal)))
                {
                    return contact;
                }
            }
        }

        return null;
    }

    private static async Task<IResult> AddTags(HttpContext context, SandboxState state, string contactId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        var body = await SandboxJson.ReadAsync<TagsBody>(context);
        if (body?.Tags is null)
        {
            return GhlErrors.Unprocessable(context, "tags must be an array");
        }

        var now = state.TimeProvider.GetUtcNow();
        List<string> added;
        List<string> tags;
        lock (contact.Sync)
        {
            added = ContactMutations.AddTags(contact, body.Tags);
            contact.DateUpdated = now;
            tags = [.. contact.Tags];
        }

        foreach (var tag in added)
        {
            state.Record(new TagChange(contact.LocationId, contact.Id, tag, true, now));
        }

        return Results.Json(new { tags }, SandboxJson.Options, statusCode: 201);
    }

    private static async Task<IResult> RemoveTags(HttpContext context, SandboxState state, string contactId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        var body = await SandboxJson.ReadAsync<TagsBody>(context);
        if (body?.Tags is null)
        {
            return GhlErrors.Unprocessable(context, "tags must be an array");
        }

        var now = state.TimeProvider.GetUtcNow();
        var removed = new List<string>();
        List<string> tags;
        lock (contact.Sync)
        {
            foreach (var tag in body.Tags)
            {
                var index = contact.Tags.FindIndex(t => t.Equals(tag.Trim(), StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    removed.Add(contact.Tags[index]);
                    contact.Tags.RemoveAt(index);
                }
            }

            contact.DateUpdated = now;
            tags = [.. contact.Tags];
        }

        foreach (var tag in removed)
        {
            state.Record(new TagChange(contact.LocationId, contact.Id, tag, false, now));
        }

        return Results.Json(new { tags }, SandboxJson.Options);
    }

    private static IResult ListNotes(HttpContext context, SandboxState state, string contactId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        var notes = state.NotesFor(contactId).OrderByDescending(n => n.DateAdded).Select(NoteDto.From).ToArray();
        return Results.Json(new { notes }, SandboxJson.Options);
    }

    private static async Task<IResult> AddNote(HttpContext context, SandboxState state, string contactId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        var body = await SandboxJson.ReadAsync<NoteBody>(context);
        if (string.IsNullOrEmpty(body?.Body))
        {
            return GhlErrors.Unprocessable(context, "body should not be empty");
        }

        var note = state.AddNote(new SandboxNote(
            state.NewId(), contact.LocationId, contact.Id, body.Body, body.Title, body.UserId, state.TimeProvider.GetUtcNow()));
        return Results.Json(new { note = NoteDto.From(note) }, SandboxJson.Options, statusCode: 201);
    }

    private static IResult Enroll(HttpContext context, SandboxState state, string contactId, string workflowId)
    {
        var contact = ContactLookup.Find(context, state, contactId, out var error);
        if (contact is null)
        {
            return error!;
        }

        if (!state.Workflows(contact.LocationId).Any(w => w.Id == workflowId))
        {
            return GhlErrors.NotFound(context, "Workflow not found");
        }

        state.Record(new WorkflowEnrollment(contact.LocationId, contact.Id, workflowId, state.TimeProvider.GetUtcNow()));
        return Results.Json(new { succeded = true }, SandboxJson.Options);
    }

    private sealed class TagsBody
    {
        public List<string>? Tags { get; set; }
    }

    private sealed class NoteBody
    {
        public string? Body { get; set; }

        public string? Title { get; set; }

        public string? UserId { get; set; }
    }
}
