using System.Globalization;
using System.Text.Json;

namespace Sdr.Server.Dashboard;

/// <summary>One stored qualification signal (<c>{name, dimension, weight, rule}</c>) as the contact page lists it.</summary>
public sealed record SignalRow(string Name, string Dimension, string Weight, string Rule)
{
    public static IReadOnlyList<SignalRow> From(JsonElement? signals)
    {
        if (signals is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        return [.. array.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).Select(s => new SignalRow(
            Text(s, "name"),
            Text(s, "dimension"),
            Text(s, "weight"),
            Text(s, "rule")))];
    }

    private static string Text(JsonElement signal, string name)
    {
        foreach (var property in signal.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? "",
                    JsonValueKind.Number => property.Value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
                    JsonValueKind.Null => "",
                    _ => property.Value.ToString(),
                };
            }
        }

        return "";
    }
}
