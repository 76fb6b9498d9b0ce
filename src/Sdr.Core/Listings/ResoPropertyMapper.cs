using System.Globalization;
using System.Text.Json;
using Sdr.Core.Profiles;

namespace Sdr.Core.Listings;

/// <summary>
/// A RESO <c>Property</c> record (Data Dictionary names) as a <see cref="ListingRecord"/>. The owner comes
/// only from the owner fields (OwnerFirstName/OwnerLastName or OwnerName, OwnerPhone, OwnerEmail): the
/// ListAgent* fields describe the listing agent, who must never be texted as if they were the owner.
/// </summary>
internal static class ResoPropertyMapper
{
    public static ListingRecord? Map(JsonElement property, string source)
    {
        if (property.ValueKind != JsonValueKind.Object || Text(property, "ListingKey") is not { } key)
        {
            return null;
        }

        var facts = new ListingFacts(
            key,
            source,
            Text(property, "StandardStatus"),
            Number(property, "ListPrice"),
            Number(property, "OriginalListPrice"),
            Number(property, "PreviousListPrice"),
            Number(property, "DaysOnMarket") is { } days ? (int)Math.Round(days) : null,
            Text(property, "PropertyType"),
            Text(property, "UnparsedAddress"),
            Text(property, "City"),
            Text(property, "StateOrProvince"),
            Text(property, "PostalCode"),
            Timestamp(property, "ModificationTimestamp"),
            Timestamp(property, "StatusChangeTimestamp"));
        var (first, last) = (Text(property, "OwnerFirstName"), Text(property, "OwnerLastName"));
        if (first is null && last is null)
        {
            (first, last) = ListingRecord.SplitName(Text(property, "OwnerName"));
        }

        return new ListingRecord(facts, first, last, Text(property, "OwnerPhone"), Text(property, "OwnerEmail"));
    }

    private static string? Text(JsonElement property, string name) =>
        property.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text.Trim()
            : null;

    private static decimal? Number(JsonElement property, string name)
    {
        if (!property.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static DateTime? Timestamp(JsonElement property, string name) =>
        Text(property, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : null;
}
