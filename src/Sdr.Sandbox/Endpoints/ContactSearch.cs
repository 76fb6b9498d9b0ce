using System.Globalization;
using System.Text.Json;

namespace Sdr.Sandbox.Endpoints;

internal sealed class ContactSearchBody
{
    public string? LocationId { get; set; }

    public int? Page { get; set; }

    public int? PageLimit { get; set; }

    public JsonElement[]? SearchAfter { get; set; }

    public JsonElement[]? Filters { get; set; }

    public JsonElement[]? Sort { get; set; }

    public string? Query { get; set; }
}

/// <summary>
/// Supports the documented subset: filters on dateAdded/dateUpdated (range, gt, gte, lt, lte), tags (eq, contains,
/// not_contains, exists, not_exists), dnd, email, phone, state, timezone, firstName, lastName, id (eq, not_eq, exists,
/// not_exists, contains); nested {group: AND|OR, filters}; sort on dateAdded/dateUpdated; page or searchAfter paging.
/// Unknown fields or operators are ignored rather than rejected.
/// </summary>
internal static class ContactSearch
{
    public static bool Matches(SandboxContact contact, JsonElement[]? filters, string? query)
    {
        if (!string.IsNullOrWhiteSpace(query) && !MatchesQuery(contact, query))
        {
            return false;
        }

        return filters is null || filters.All(f => Matches(contact, f));
    }

    public static (string Field, bool Descending) ParseSort(JsonElement[]? sort)
    {
        if (sort is not { Length: > 0 } || sort[0].ValueKind != JsonValueKind.Object)
        {
            return ("dateAdded", true);
        }

        var field = Str(sort[0], "field") ?? "dateAdded";
        var direction = Str(sort[0], "direction") ?? "desc";
        return (field == "dateUpdated" ? "dateUpdated" : "dateAdded", !direction.Equals("asc", StringComparison.OrdinalIgnoreCase));
    }

    private static bool Matches(SandboxContact contact, JsonElement filter)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if (filter.TryGetProperty("filters", out var nested) && nested.ValueKind == JsonValueKind.Array)
        {
            var children = nested.EnumerateArray().Select(f => Matches(contact, f));
            return string.Equals(Str(filter, "group"), "OR", StringComparison.OrdinalIgnoreCase) ? children.Any(x => x) : children.All(x => x);
        }

        var field = Str(filter, "field");
        var op = (Str(filter, "operator") ?? "eq").ToLowerInvariant();
        filter.TryGetProperty("value", out var value);
        lock (contact.Sync)
        {
            return field switch
            {
                "dateAdded" => MatchDate(contact.DateAdded, op, value),
                "dateUpdated" => MatchDate(contact.DateUpdated, op, value),
                "tags" => MatchTags(contact.Tags, op, value),
                "dnd" => op == "eq" ? value.ValueKind == (contact.Dnd ? JsonValueKind.True : JsonValueKind.False) : op != "not_eq" || value.ValueKind != (contact.Dnd ? JsonValueKind.True : JsonValueKind.False),
                "email" => MatchText(contact.Email, op, value),
                "phone" => MatchText(contact.Phone, op, value),
                "state" => MatchText(contact.State, op, value),
                "timezone" => MatchText(contact.Timezone, op, value),
                "firstName" or "firstNameLowerCase" => MatchText(contact.FirstName, op, value),
                "lastName" or "lastNameLowerCase" => MatchText(contact.LastName, op, value),
                "id" => MatchText(contact.Id, op, value),
                _ => true,
            };
        }
    }

    private static bool MatchDate(DateTimeOffset actual, string op, JsonElement value)
    {
        var ms = actual.ToUnixTimeMilliseconds();
        return op switch
        {
            "range" => value.ValueKind == JsonValueKind.Object
                && Bound(value, "gt", b => ms > b) && Bound(value, "gte", b => ms >= b)
                && Bound(value, "lt", b => ms < b) && Bound(value, "lte", b => ms <= b),
            "gt" => ToMs(value) is { } gt && ms > gt,
            "gte" => ToMs(value) is { } gte && ms >= gte,
            "lt" => ToMs(value) is { } lt && ms < lt,
            "lte" => ToMs(value) is { } lte && ms <= lte,
            "exists" => true,
            "not_exists" => false,
            _ => ToMs(value) is { } eq && ms == eq,
        };
    }

    private static bool Bound(JsonElement range, string name, Func<long, bool> test) =>
        !range.TryGetProperty(name, out var bound) || (ToMs(bound) is { } b && test(b));

    private static long? ToMs(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d.ToUnixTimeMilliseconds(),
        _ => null,
    };

    private static bool MatchTags(List<string> tags, string op, JsonElement value)
    {
        var wanted = Values(value);
        bool Has(string t) => tags.Contains(t, StringComparer.OrdinalIgnoreCase);
        return op switch
        {
            "exists" => tags.Count > 0,
            "not_exists" => tags.Count == 0,
            "not_contains" or "not_eq" => !wanted.Any(Has),
            "eq" => wanted.Count > 0 && wanted.All(Has),
            _ => wanted.Any(Has),
        };
    }

    private static bool MatchText(string? actual, string op, JsonElement value)
    {
        var wanted = Values(value);
        return op switch
        {
            "exists" => !string.IsNullOrEmpty(actual),
            "not_exists" => string.IsNullOrEmpty(actual),
            "not_eq" => actual is null || !wanted.Contains(actual, StringComparer.OrdinalIgnoreCase),
            "contains" => actual is not null && wanted.Any(w => actual.Contains(w, StringComparison.OrdinalIgnoreCase)),
            "not_contains" => actual is null || !wanted.Any(w => actual.Contains(w, StringComparison.OrdinalIgnoreCase)),
            _ => actual is not null && wanted.Contains(actual, StringComparer.OrdinalIgnoreCase),
        };
    }

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        JsonValueKind.String => [value.GetString()!],
        _ => [],
    };

    private static bool MatchesQuery(SandboxContact contact, string query)
    {
        lock (contact.Sync)
        {
            return Contains(contact.FirstName, query) || Contains(contact.LastName, query)
                || Contains(contact.Email, query) || Contains(contact.Phone, query)
                || Contains($"{contact.FirstName} {contact.LastName}", query);
        }
    }

    private static bool Contains(string? text, string query) => text?.Contains(query, StringComparison.OrdinalIgnoreCase) == true;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
