namespace Sdr.Sandbox.Endpoints;

internal static class ContactMutations
{
    public static void Apply(SandboxState state, SandboxContact contact, ContactWriteDto dto, bool replaceTags)
    {
        var now = state.TimeProvider.GetUtcNow();
        var added = new List<string>();
        var removed = new List<string>();
        var dndChanged = false;
        lock (contact.Sync)
        {
            if (dto.Name is { Length: > 0 } && dto.FirstName is null && dto.LastName is null)
            {
                var space = dto.Name.IndexOf(' ', StringComparison.Ordinal);
                contact.FirstName = space < 0 ? dto.Name : dto.Name[..space];
                contact.LastName = space < 0 ? null : dto.Name[(space + 1)..];
            }

            contact.FirstName = dto.FirstName ?? contact.FirstName;
            contact.LastName = dto.LastName ?? contact.LastName;
            contact.Email = dto.Email ?? contact.Email;
            contact.Phone = dto.Phone ?? contact.Phone;
            contact.Address1 = dto.Address1 ?? contact.Address1;
            contact.City = dto.City ?? contact.City;
            contact.State = dto.State ?? contact.State;
            contact.PostalCode = dto.PostalCode ?? contact.PostalCode;
            contact.Country = dto.Country ?? contact.Country;
            contact.Timezone = dto.Timezone ?? contact.Timezone;
            contact.CompanyName = dto.CompanyName ?? contact.CompanyName;
            contact.Source = dto.Source ?? contact.Source;
            foreach (var field in dto.CustomFields ?? [])
            {
                if ((field.Id ?? field.Key) is { Length: > 0 } id)
                {
                    contact.CustomFields[id] = field.FieldValue.ValueKind == System.Text.Json.JsonValueKind.String ? field.FieldValue.GetString() ?? "" : field.FieldValue.GetRawText();
                }
            }
            if (dto.Dnd is { } dnd)
            {
                contact.Dnd = dnd;
                dndChanged = true;
            }

            if (dto.DndSettings is { } settings)
            {
                foreach (var (channel, setting) in settings)
                {
                    contact.DndSettings[channel] = setting;
                }

                dndChanged = true;
            }

            if (dto.Tags is { } tags)
            {
                if (replaceTags)
                {
                    removed.AddRange(contact.Tags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase)));
                    contact.Tags.RemoveAll(t => removed.Contains(t));
                }

                added.AddRange(AddTags(contact, tags));
            }

            contact.DateUpdated = now;
        }

        foreach (var tag in added)
        {
            state.Record(new TagChange(contact.LocationId, contact.Id, tag, true, now));
        }

        foreach (var tag in removed)
        {
            state.Record(new TagChange(contact.LocationId, contact.Id, tag, false, now));
        }

        if (dndChanged)
        {
            state.Record(new DndUpdate(contact.LocationId, contact.Id, dto.Dnd, dto.DndSettings, now));
        }
    }

    // Caller holds contact.Sync. GHL stores tags lower-cased and never duplicates them.
    public static List<string> AddTags(SandboxContact contact, IEnumerable<string> tags)
    {
        var added = new List<string>();
        foreach (var raw in tags)
        {
            var tag = raw.Trim().ToLowerInvariant();
            if (tag.Length > 0 && !contact.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                contact.Tags.Add(tag);
                added.Add(tag);
            }
        }

        return added;
    }
}
