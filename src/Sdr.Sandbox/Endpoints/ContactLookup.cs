using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Endpoints;

internal static class ContactLookup
{
    // A contact in another location answers 403, as GHL does when a location token reaches outside its sub-account.
    public static SandboxContact? Find(HttpContext context, SandboxState state, string contactId, out IResult? error)
    {
        var contact = state.GetContact(contactId);
        if (contact is null)
        {
            error = GhlErrors.NotFound(context, "Contact not found");
            return null;
        }

        if (!context.OwnsLocation(contact.LocationId))
        {
            error = GhlErrors.Forbidden(context);
            return null;
        }

        error = null;
        return contact;
    }
}
