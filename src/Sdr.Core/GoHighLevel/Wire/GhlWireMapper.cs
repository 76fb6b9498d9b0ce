using System.Globalization;
using System.Text.Json;

namespace Sdr.Core.GoHighLevel.Wire;

/// <summary>Wire DTOs to the public models in GhlModels.cs.</summary>
internal static class GhlWireMapper
{
    public static GhlContact? ToContact(ContactWire? wire)
    {
        if (wire is null || string.IsNullOrEmpty(wire.Id))
        {
            return null;
        }

        return new GhlContact
        {
            Id = wire.Id,
            LocationId = wire.LocationId,
            FirstName = wire.FirstName,
            LastName = wire.LastName,
            Email = wire.Email,
            Phone = wire.Phone,
            Timezone = wire.Timezone,
            Address1 = wire.Address1,
            City = wire.City,
            State = wire.State,
            PostalCode = wire.PostalCode,
            Source = wire.Source,
            Dnd = wire.Dnd ?? false,
            DndSettings = (wire.DndSettings ?? [])
                .Where(pair => pair.Value?.Status is not null)
                .ToDictionary(pair => pair.Key, pair => new GhlDndChannel(pair.Value.Status!, pair.Value.Message), StringComparer.OrdinalIgnoreCase),
            Tags = wire.Tags ?? [],
            DateAdded = ToDate(wire.DateAdded),
            DateUpdated = ToDate(wire.DateUpdated),
        };
    }

    public static GhlMessage? ToMessage(MessageWire wire)
    {
        if (string.IsNullOrEmpty(wire.Id))
        {
            return null;
        }

        return new GhlMessage(wire.Id, wire.Direction ?? "unknown", wire.MessageType, wire.Body, ToDate(wire.DateAdded) ?? DateTimeOffset.MinValue);
    }

    public static Dictionary<string, DndSettingWire>? ToWire(IReadOnlyDictionary<string, GhlDndChannel> settings) =>
        settings.Count == 0 ? null : settings.ToDictionary(pair => pair.Key, pair => new DndSettingWire(pair.Value.Status, pair.Value.Message), StringComparer.Ordinal);

    public static string ToWire(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>GHL sends ISO strings almost everywhere but epoch milliseconds in a few places.</summary>
    public static DateTimeOffset? ToDate(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs),
            JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetInt64(out var ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms),
            _ => null,
        };
    }
}
