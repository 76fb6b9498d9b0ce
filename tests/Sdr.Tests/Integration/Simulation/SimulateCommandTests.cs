using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sdr.Server.Commands;
using Sdr.Server.Simulation;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Simulation;

[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class SimulateCommandTests
{
    private static readonly string[] VolatileKeys = ["generated_at", "wall_seconds", "phase_seconds", "database"];

    [Fact]
    public async Task Simulate_FiftyContactsOverThreeWeeks_ReportsTheDatabasesFunnelAndNoSendOutsideAllowedHours()
    {
        using var output = new TempDirectory();
        var (exitCode, report) = await RunAsync(new SimulationSettings { Contacts = 50, Days = 21, Seed = 42, KeepDatabase = true, OutputDirectory = output.Info });

        exitCode.ShouldBe(0);
        File.Exists(Path.Combine(output.Path, "simulation.html")).ShouldBeTrue();
        var html = await File.ReadAllTextAsync(Path.Combine(output.Path, "simulation.html"));
        html.ShouldContain("0 sends outside allowed hours");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("http://", Case.Insensitive);

        var funnel = report["funnel"]!;
        var database = report["simulation"]!["database"]!.GetValue<string>();
        await using (var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync();
            funnel["enrolled"]!.GetValue<int>().ShouldBe(await CountAsync(db, "SELECT COUNT(*) FROM sdr_outreach_sequences"));
            funnel["enrolled"]!.GetValue<int>().ShouldBeGreaterThan(40);
            var reachedSms1 = funnel["steps"]!.AsArray().Single(s => s!["step"]!.GetValue<string>() == "sms_1")!["reached"]!.GetValue<int>();
            reachedSms1.ShouldBe(await CountAsync(db, "SELECT COUNT(DISTINCT sequence_id) FROM sdr_outreach_touches WHERE step = 'sms_1' AND status = 'sent'"));
            funnel["opted_out"]!.GetValue<int>().ShouldBe(await CountAsync(db, "SELECT COUNT(*) FROM sdr_outreach_sequences WHERE current_step = 'opted_out'"));
            funnel["replied"]!.GetValue<int>().ShouldBe(await CountAsync(
                db, "SELECT COUNT(DISTINCT sequence_id) FROM sdr_replies WHERE sequence_id IS NOT NULL AND is_auto_responder = 0"));
            funnel["booked"]!.GetValue<int>().ShouldBe(await CountAsync(db, "SELECT COUNT(DISTINCT sequence_id) FROM sdr_sequence_events WHERE kind = 'booked'"));
            var sent = await CountAsync(db, "SELECT COUNT(*) FROM sdr_outreach_touches WHERE status = 'sent'");
            report["variants"]!.AsArray().Sum(v => v!["touches_sent"]!.GetValue<int>()).ShouldBe(sent);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);

        // The product's stats API over the same database says the same.
        report["stats"]!["enrolled"]!.GetValue<int>().ShouldBe(funnel["enrolled"]!.GetValue<int>());
        report["stats"]!["booked"]!.GetValue<int>().ShouldBe(funnel["booked"]!.GetValue<int>());

        // The scripted prospects answered through the webhook path: replies, a STOP, a qualified and booked buyer.
        funnel["replied"]!.GetValue<int>().ShouldBeGreaterThan(0);
        funnel["replies_by_category"]!["opt_out"]!.GetValue<int>().ShouldBeGreaterThan(0);
        funnel["opted_out"]!.GetValue<int>().ShouldBeGreaterThan(0);
        funnel["booked"]!.GetValue<int>().ShouldBeGreaterThan(0);

        var compliance = report["compliance"]!;
        compliance["sends_outside_allowed_hours"]!.GetValue<int>().ShouldBe(0);
        compliance["sends_checked"]!.GetValue<int>().ShouldBeGreaterThan(100);
        var zones = compliance["touches_by_local_hour"]!.AsArray();
        zones.Select(z => z!["zone"]!.GetValue<string>()).ShouldBe(["ET", "CT", "MT", "AZ", "PT", "AK", "HI"], ignoreOrder: true);
        foreach (var zone in zones)
        {
            var byHour = zone!["by_hour"]!.AsArray().Select(h => h!.GetValue<int>()).ToList();
            byHour.Take(8).Sum().ShouldBe(0, $"sends before 08:00 in {zone["zone"]}");
            byHour.Skip(21).Sum().ShouldBe(0, $"sends from 21:00 in {zone["zone"]}");
        }

        report["ghl"]!["locations"]![0]!["total"]!.GetValue<int>().ShouldBeGreaterThan(0);
        report["ghl"]!["locations"]![0]!["by_endpoint"]!.AsArray().ShouldContain(e => e!["reason"]!.GetValue<string>() == "POST /conversations/messages");
    }

    [Fact]
    public async Task Simulate_SameSeedTwice_GivesTheSameReportButForTimestamps()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var settings = new SimulationSettings { Contacts = 24, Days = 7, Seed = 7, ReplyRate = 0.6, Variants = [new("consultative", 50), new("direct", 50)] };

        var (firstExit, firstReport) = await RunAsync(settings with { OutputDirectory = first.Info });
        var (secondExit, secondReport) = await RunAsync(settings with { OutputDirectory = second.Info });

        firstExit.ShouldBe(0);
        secondExit.ShouldBe(0);
        firstReport["funnel"]!["replied"]!.GetValue<int>().ShouldBeGreaterThan(0);
        firstReport["variants"]!.AsArray().Count.ShouldBe(2);
        Stable(firstReport).ShouldBe(Stable(secondReport));
    }

    [Theory]
    [InlineData("--contacts 0", "--contacts must be between 1")]
    [InlineData("--days 0", "--days must be between 1 and 365")]
    [InlineData("--days 366", "--days must be between 1 and 365")]
    [InlineData("--ab consultative:60,direct:30", "--ab weights must sum to 100 (got 90)")]
    [InlineData("--ab consultative:100", "--ab needs at least two variants")]
    [InlineData("--ab consultative:x,direct:50", "--ab: 'consultative:x' is not NAME:WEIGHT")]
    [InlineData("--start 2026-13-01", "--start must be a date as yyyy-MM-dd")]
    [InlineData("--reply-rate 1.5", "--reply-rate must be between 0 and 1")]
    public async Task Simulate_BadOption_PrintsWhatIsWrongAndExitsNonZero(string arguments, string message)
    {
        using var error = new StringWriter();
        using var output = new StringWriter();
        var command = new RootCommand { SimulateCommand.Create() };

        var exitCode = await command.Parse(["simulate", .. arguments.Split(' ')])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        exitCode.ShouldBe(SimulateCommand.BadOptionsExitCode);
        error.ToString().ShouldContain(message);
        output.ToString().ShouldBeEmpty();
    }

    private static async Task<(int ExitCode, JsonNode Report)> RunAsync(SimulationSettings settings)
    {
        using var output = new StringWriter();
        using var progress = new StringWriter();
        var exitCode = await SimulateCommand.RunAsync(settings, json: true, output, progress, CancellationToken.None);
        var fromFile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(settings.OutputDirectory!.FullName, "simulation.json")))!;
        JsonNode.DeepEquals(fromFile, JsonNode.Parse(output.ToString())).ShouldBeTrue("--json prints the saved report");
        return (exitCode, fromFile);
    }

    private static async Task<int> CountAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Stable(JsonNode report)
    {
        var copy = report.DeepClone();
        foreach (var key in VolatileKeys)
        {
            copy["simulation"]!.AsObject().Remove(key);
        }

        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private sealed class TempDirectory : IDisposable
    {
        public TempDirectory() => Info = Directory.CreateTempSubdirectory("sdr-simulate-test-");

        public DirectoryInfo Info { get; }

        public string Path => Info.FullName;

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Info.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Temp folder; a file still held open is left to the system.
            }
        }
    }
}
