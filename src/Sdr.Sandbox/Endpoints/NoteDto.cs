using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal sealed record NoteDto(string Id, string Body, string? Title, string? UserId, string DateAdded, string ContactId, bool Pinned)
{
    public static NoteDto From(SandboxNote note) =>
        new(note.Id, note.Body, note.Title, note.UserId, SandboxJson.Iso(note.DateAdded), note.ContactId, false);
}
