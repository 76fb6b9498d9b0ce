namespace Sdr.Core.Phones;

/// <summary>
/// US states, DC and territories with the IANA zones in force somewhere in each (a state split
/// between zones lists all of them, so the overlap keeps every part of it inside the window).
/// </summary>
internal static class UsStates
{
    private const string Eastern = "America/New_York";
    private const string Central = "America/Chicago";
    private const string Mountain = "America/Denver";
    private const string Pacific = "America/Los_Angeles";

    private static readonly Dictionary<string, (string Name, string[] Zones)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AL"] = ("Alabama", [Central]),
        ["AK"] = ("Alaska", ["America/Anchorage", "America/Adak"]),
        ["AZ"] = ("Arizona", ["America/Phoenix", Mountain]), // Navajo Nation keeps DST
        ["AR"] = ("Arkansas", [Central]),
        ["CA"] = ("California", [Pacific]),
        ["CO"] = ("Colorado", [Mountain]),
        ["CT"] = ("Connecticut", [Eastern]),
        ["DE"] = ("Delaware", [Eastern]),
        ["DC"] = ("District of Columbia", [Eastern]),
        ["FL"] = ("Florida", [Eastern, Central]), // the panhandle west of the Apalachicola
        ["GA"] = ("Georgia", [Eastern]),
        ["HI"] = ("Hawaii", ["Pacific/Honolulu"]),
        ["ID"] = ("Idaho", ["America/Boise", Pacific]),
        ["IL"] = ("Illinois", [Central]),
        ["IN"] = ("Indiana", ["America/Indiana/Indianapolis", Central]),
        ["IA"] = ("Iowa", [Central]),
        ["KS"] = ("Kansas", [Central, Mountain]),
        ["KY"] = ("Kentucky", ["America/Kentucky/Louisville", Central]),
        ["LA"] = ("Louisiana", [Central]),
        ["ME"] = ("Maine", [Eastern]),
        ["MD"] = ("Maryland", [Eastern]),
        ["MA"] = ("Massachusetts", [Eastern]),
        ["MI"] = ("Michigan", ["America/Detroit", "America/Menominee"]),
        ["MN"] = ("Minnesota", [Central]),
        ["MS"] = ("Mississippi", [Central]),
        ["MO"] = ("Missouri", [Central]),
        ["MT"] = ("Montana", [Mountain]),
        ["NE"] = ("Nebraska", [Central, Mountain]),
        ["NV"] = ("Nevada", [Pacific]),
        ["NH"] = ("New Hampshire", [Eastern]),
        ["NJ"] = ("New Jersey", [Eastern]),
        ["NM"] = ("New Mexico", [Mountain]),
        ["NY"] = ("New York", [Eastern]),
        ["NC"] = ("North Carolina", [Eastern]),
        ["ND"] = ("North Dakota", ["America/North_Dakota/Center", Mountain]),
        ["OH"] = ("Ohio", [Eastern]),
        ["OK"] = ("Oklahoma", [Central]),
        ["OR"] = ("Oregon", [Pacific, "America/Boise"]), // Malheur County is Mountain
        ["PA"] = ("Pennsylvania", [Eastern]),
        ["RI"] = ("Rhode Island", [Eastern]),
        ["SC"] = ("South Carolina", [Eastern]),
        ["SD"] = ("South Dakota", [Central, Mountain]),
        ["TN"] = ("Tennessee", [Eastern, Central]),
        ["TX"] = ("Texas", [Central, Mountain]), // El Paso and Hudspeth counties
        ["UT"] = ("Utah", [Mountain]),
        ["VT"] = ("Vermont", [Eastern]),
        ["VA"] = ("Virginia", [Eastern]),
        ["WA"] = ("Washington", [Pacific]),
        ["WV"] = ("West Virginia", [Eastern]),
        ["WI"] = ("Wisconsin", [Central]),
        ["WY"] = ("Wyoming", [Mountain]),
        ["PR"] = ("Puerto Rico", ["America/Puerto_Rico"]),
        ["VI"] = ("U.S. Virgin Islands", ["America/St_Thomas"]),
        ["GU"] = ("Guam", ["Pacific/Guam"]),
        ["MP"] = ("Northern Mariana Islands", ["Pacific/Saipan"]),
        ["AS"] = ("American Samoa", ["Pacific/Pago_Pago"]),
    };

    private static readonly HashSet<string> Territories = new(StringComparer.OrdinalIgnoreCase) { "PR", "VI", "GU", "MP", "AS" };

    private static readonly Dictionary<string, string> CodesByName = Table.ToDictionary(e => e.Value.Name, e => e.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every zone of the 50 states and DC: where a recipient we know nothing about may be.</summary>
    public static IReadOnlyList<string> AllStateZones { get; } = Table
        .Where(e => !Territories.Contains(e.Key))
        .SelectMany(e => e.Value.Zones)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    private static readonly Dictionary<string, TimeZoneInfo[]> SystemZones =
        Table.ToDictionary(e => e.Key, e => TimeZones.FindAll(e.Value.Zones), StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string code) => Table.ContainsKey(code.Trim());

    /// <summary>The code of a state written as a code (fl, FL) or a name (Florida); null if it is neither.</summary>
    public static string? Normalize(string? state)
    {
        var text = state?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Table.ContainsKey(text))
        {
            return text.ToUpperInvariant();
        }

        return CodesByName.TryGetValue(text, out var code) ? code : null;
    }

    /// <summary>The state's zones that the system has, found once per code.</summary>
    public static IReadOnlyList<TimeZoneInfo> ZonesOf(string code) => SystemZones.TryGetValue(code, out var zones) ? zones : [];
}
