using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sdr.Core.Data;
using Sdr.Core.Listings;

namespace Sdr.Server.Commands;

/// <summary>
/// <c>sdr import-listings FILE --source fsbo|expired_mls --location ID [--report PATH]</c>: stages a CSV file of
/// listings (checked against the suppression ledger and the do-not-call list) for the location's prospecting
/// cycles. Exit 0 when the file was imported, even with row errors (listed in the report); 2 for bad usage or a
/// file that cannot be imported (missing required columns, not CSV).
/// </summary>
internal static class ImportListingsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file of listings with a header row (RESO Data Dictionary names by default; see sdr:listings:csv:columns)." };
        var source = new Option<string>("--source") { Description = "fsbo or expired_mls.", Required = true };
        source.AcceptOnlyFromAmong(ListingSources.ExpiredMls, ListingSources.Fsbo);
        var location = new Option<string>("--location") { Description = "The GHL location whose prospecting cycles get these listings.", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the row errors as CSV (line, field, error); default: FILE.report.csv beside the file." };
        var command = new Command("import-listings", "Stage a CSV file of expired or FSBO listings for prospecting and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(file);
        command.Options.Add(source);
        command.Options.Add(location);
        command.Options.Add(report);
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(file)!,
            result.GetValue(source)!,
            result.GetValue(location)!,
            result.GetValue(report),
            [.. result.UnmatchedTokens],
            ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string source, string locationId, FileInfo? report, string[] args, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"sdr import-listings: {file.FullName} does not exist.");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(locationId))
        {
            await Console.Error.WriteLineAsync("sdr import-listings: --location must name a GHL location.");
            return 2;
        }

        await using var app = SdrApplication.Build(args, withSandbox: false, withWorkers: false);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<ListingCsvImport>();
        var watch = Stopwatch.StartNew();
        ListingCsvImportResult result;
        try
        {
            result = await import.ImportAsync(file.FullName, locationId.Trim(), source, cancellationToken);
        }
        catch (ListingCsvFileException exception)
        {
            await Console.Error.WriteLineAsync($"sdr import-listings: {file.Name}: {exception.Message}");
            return 2;
        }

        watch.Stop();
        var reportPath = report?.FullName ?? file.FullName + ".report.csv";
        ListingCsvImport.WriteReport(reportPath, result.Errors);
        Console.WriteLine(Summary(result, watch.Elapsed, reportPath));
        return 0;
    }

    internal static string Summary(ListingCsvImportResult result, TimeSpan elapsed, string reportPath)
    {
        var staged = result.Staged;
        var excluded = staged.Excluded.Count == 0
            ? "none"
            : string.Join(", ", staged.Excluded.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value} {e.Key}"));
        var rate = elapsed.TotalSeconds > 0 ? (result.Rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) : "-";
        var lines = new List<string>
        {
            $"Read {result.Rows} row(s) in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s ({rate} rows/s): {staged.Inserted} new listing(s), {staged.Updated} updated, {staged.Unchanged} unchanged, {result.RejectedRows} row(s) rejected, {result.DuplicateKeys} duplicate listing key(s).",
            $"Excluded from prospecting: {excluded}.",
            $"{result.Errors.Count} row problem(s) written to {reportPath}.",
        };
        if (result.IgnoredColumns.Count > 0)
        {
            lines.Add($"Ignored column(s): {string.Join(", ", result.IgnoredColumns)}.");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
