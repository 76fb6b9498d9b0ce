using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sdr.Server.Simulation;

namespace Sdr.Server.Commands;

/// <summary>
/// <c>sdr simulate</c>: runs a whole campaign on a simulated clock against the GHL sandbox and a throwaway
/// database, then prints and saves the funnel, the compliance report, the variants and the GHL calls.
/// Exits 0 when every send respected the allowed hours, 3 when one did not, 2 for bad options.
/// </summary>
internal static class SimulateCommand
{
    public const int BadOptionsExitCode = 2;
    public const int OutsideHoursExitCode = 3;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private static readonly Option<int> Contacts = new("--contacts") { Description = "Sandbox contacts to enrol (spread over every US time zone).", DefaultValueFactory = _ => 2000 };
    private static readonly Option<int> Days = new("--days") { Description = "Simulated days (1-365).", DefaultValueFactory = _ => 21 };
    private static readonly Option<string?> Start = new("--start") { Description = "First simulated day, yyyy-MM-dd (UTC midnight); default 2026-03-02." };
    private static readonly Option<int> Locations = new("--locations") { Description = "GHL locations the contacts are split over.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Ab = new("--ab", "--variants") { Description = "Variants and weights summing to 100, e.g. consultative:50,direct:50 (default: the configured default variant)." };
    private static readonly Option<FileInfo?> Config = new("--config") { Description = "A YAML file in sdr_config.yaml's shape whose keys override the configuration (cadence, hours, caps, texts)." };
    private static readonly Option<DirectoryInfo?> Out = new("--out") { Description = "Where simulation.json and simulation.html go (default ./simulation-<timestamp>/)." };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the contacts, their personas and variants: the same seed gives the same run.", DefaultValueFactory = _ => 42 };
    private static readonly Option<bool> NoPersonas = new("--no-personas") { Description = "No scripted prospects: nobody answers." };
    private static readonly Option<double> ReplyRate = new("--reply-rate") { Description = "Share of contacts (0-1) that answer as a scripted prospect; the others stay silent.", DefaultValueFactory = _ => 0.3 };
    private static readonly Option<bool> KeepDb = new("--keep-db") { Description = "Keep the simulation's SQLite database (its path is in the report)." };
    private static readonly Option<bool> JsonOutput = new("--json") { Description = "Print the report as JSON on stdout instead of the summary." };

    public static Command Create()
    {
        var command = new Command("simulate", "Run a campaign on a simulated clock against the GHL sandbox and a throwaway database; report funnel, compliance, variants and GHL calls.");
        foreach (var option in new Option[] { Contacts, Days, Start, Locations, Ab, Config, Out, Seed, NoPersonas, ReplyRate, KeepDb, JsonOutput })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var start = new DateOnly(2026, 3, 2);
        if (result.GetValue(Start) is { } startText
            && !DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return await FailAsync(error, $"--start must be a date as yyyy-MM-dd (got '{startText}').");
        }

        if (SimulationSettings.TryParseVariants(result.GetValue(Ab), out var variants) is { } abError)
        {
            return await FailAsync(error, abError);
        }

        var settings = new SimulationSettings
        {
            Contacts = result.GetValue(Contacts),
            Days = result.GetValue(Days),
            Start = start,
            Locations = result.GetValue(Locations),
            Variants = variants,
            ConfigFile = result.GetValue(Config),
            OutputDirectory = result.GetValue(Out),
            Seed = result.GetValue(Seed),
            Personas = !result.GetValue(NoPersonas),
            ReplyRate = result.GetValue(ReplyRate),
            KeepDatabase = result.GetValue(KeepDb),
        };
        if (settings.Validate() is { } invalid)
        {
            return await FailAsync(error, invalid);
        }

        return await RunAsync(settings, result.GetValue(JsonOutput), output, error, cancellationToken);
    }

    /// <summary>Runs the simulation, writes simulation.json and simulation.html, and prints the summary (or the JSON).</summary>
    public static async Task<int> RunAsync(SimulationSettings settings, bool json, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var report = await new CampaignSimulation(settings, progress).RunAsync(cancellationToken);
        var directory = settings.OutputDirectory
            ?? new DirectoryInfo(Path.Combine(Directory.GetCurrentDirectory(), $"simulation-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        directory.Create();
        var jsonText = JsonSerializer.Serialize(report, Json);
        var jsonPath = Path.Combine(directory.FullName, "simulation.json");
        var htmlPath = Path.Combine(directory.FullName, "simulation.html");
        await File.WriteAllTextAsync(jsonPath, jsonText, cancellationToken);
        await File.WriteAllTextAsync(htmlPath, SimulationHtml.Render(report), cancellationToken);

        if (json)
        {
            await output.WriteLineAsync(jsonText);
        }
        else
        {
            await output.WriteLineAsync(SimulationSummary.Text(report, jsonPath, htmlPath));
        }

        if (!report.Passed)
        {
            await progress.WriteLineAsync(
                $"sdr simulate: FAILED: {report.Compliance.SendsOutsideAllowedHours} send(s) outside allowed hours, "
                + $"{report.Compliance.UncheckedSends} send(s) whose recipient's local time is unknown; see {htmlPath}.");
            return OutsideHoursExitCode;
        }

        return 0;
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync("sdr simulate: " + message);
        return BadOptionsExitCode;
    }
}
