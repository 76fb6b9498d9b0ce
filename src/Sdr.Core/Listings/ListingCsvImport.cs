using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Options;
using Sdr.Core.Profiles;

namespace Sdr.Core.Listings;

/// <summary>What <c>sdr import-listings</c> did with a file.</summary>
public sealed record ListingCsvImportResult(
    int Rows,
    ListingStageSummary Staged,
    int RejectedRows,
    int DuplicateKeys,
    IReadOnlyList<ListingCsvRowError> Errors,
    IReadOnlyList<string> IgnoredColumns);

/// <summary>One problem with one row: the CSV line, our field name, and what is wrong (never the value of a phone).</summary>
public sealed record ListingCsvRowError(int Line, string Field, string Error);

/// <summary>The file cannot be imported at all (not readable as CSV, required columns missing).</summary>
public sealed class ListingCsvFileException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Reads a CSV file of listings (CsvHelper; columns found by the names in <c>sdr:listings:csv:columns</c>,
/// RESO Data Dictionary names by default; a byte order mark is fine; other columns are ignored) and stages
/// its rows in batches (<see cref="ListingStager"/>). A row without a listing key or with a field that does
/// not parse is rejected; a row whose owner phone is missing or invalid is staged as excluded; every such
/// row is listed in <see cref="ListingCsvImportResult.Errors"/>.
/// </summary>
public sealed class ListingCsvImport(ListingStager stager, IOptions<ListingsOptions> options, TimeProvider time)
{
    public async Task<ListingCsvImportResult> ImportAsync(string path, string locationId, string source, CancellationToken cancellationToken)
    {
        if (!ListingSources.IsKnown(source))
        {
            throw new ArgumentException($"'{source}' is not a listing source ({string.Join(", ", ListingSources.All)}).", nameof(source));
        }

        using var reader = Open(path);
        var columns = MapColumns(Headers(reader), options.Value.Csv.Columns, out var ignored);
        var batchId = "csv-" + time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Path.GetFileName(path);
        batchId = batchId.Length > 64 ? batchId[..64] : batchId;

        var summary = new ListingStageSummary();
        var errors = new List<ListingCsvRowError>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<ListingRecord>(options.Value.ImportBatchSize);
        int rows = 0, rejected = 0, duplicates = 0;
        while (Read(reader))
        {
            rows++;
            var line = (int)reader.LineNumber;
            var record = ParseRow(reader, columns, source, line, errors);
            if (record is null)
            {
                rejected++;
                continue;
            }

            if (firstLineOf.TryGetValue(record.Facts.ListingKey, out var first))
            {
                duplicates++;
                errors.Add(new ListingCsvRowError(line, ListingFields.ListingKey, $"the same listing key as line {first}: staged once, the latest version kept"));
            }
            else
            {
                firstLineOf[record.Facts.ListingKey] = line;
            }

            batch.Add(record);
            if (batch.Count >= options.Value.ImportBatchSize)
            {
                summary.Add(await stager.StageAsync(locationId, source, batchId, batch, cancellationToken));
                batch.Clear();
            }
        }

        summary.Add(await stager.StageAsync(locationId, source, batchId, batch, cancellationToken));
        return new ListingCsvImportResult(rows, summary, rejected, duplicates, errors, ignored);
    }

    /// <summary>Writes the row errors as CSV: line, field, error.</summary>
    public static void WriteReport(string path, IReadOnlyList<ListingCsvRowError> errors)
    {
        using var writer = CsvWriter.ToFile(path);
        writer.WriteRecord("line", "field", "error");
        foreach (var error in errors)
        {
            writer.WriteRecord(error.Line.ToString(CultureInfo.InvariantCulture), error.Field, error.Error);
        }
    }

    private static CsvReader Open(string path)
    {
        try
        {
            return CsvReader.FromFile(path, CsvReaderOptions.Default with { TrackLineNumbers = true, Separator = ',' });
        }
        catch (IOException exception)
        {
            throw new ListingCsvFileException($"{path} cannot be read: {exception.Message}", exception);
        }
    }

    private static IReadOnlyList<string> Headers(CsvReader reader)
    {
        try
        {
            return [.. reader.Headers];
        }
        catch (CsvFormatException exception)
        {
            throw new ListingCsvFileException($"the header row is not valid CSV: {exception.Message}", exception);
        }
    }

    private static bool Read(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException exception)
        {
            throw new ListingCsvFileException($"the file is not valid CSV near line {reader.LineNumber}: {exception.Message}", exception);
        }
    }

    /// <summary>Our field → its column index; fails naming every required column that is missing.</summary>
    internal static Dictionary<string, int> MapColumns(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string> configured, out IReadOnlyList<string> ignored)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            index.TryAdd(headers[i].Trim().TrimStart('\uFEFF'), i);
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<int>();
        var missing = new List<string>();
        foreach (var (field, resoName) in ListingFields.ResoNames)
        {
            var header = configured.TryGetValue(field, out var name) && !string.IsNullOrWhiteSpace(name) ? name.Trim() : resoName;
            if (index.TryGetValue(header, out var at))
            {
                columns[field] = at;
                used.Add(at);
            }
            else if (ListingFields.Required.Contains(field))
            {
                missing.Add($"{header} ({field})");
            }
        }

        if (missing.Count > 0)
        {
            throw new ListingCsvFileException($"required column(s) missing: {string.Join(", ", missing)}; the header has: {string.Join(", ", headers)}");
        }

        ignored = [.. headers.Where((_, i) => !used.Contains(i))];
        return columns;
    }

    private static ListingRecord? ParseRow(CsvReader reader, Dictionary<string, int> columns, string source, int line, List<ListingCsvRowError> errors)
    {
        string? Field(string field) =>
            columns.TryGetValue(field, out var at) && at < reader.FieldCount && reader.GetStringOrNull(at) is { } value && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;

        var errorCount = errors.Count;
        var key = Field(ListingFields.ListingKey);
        if (key is null)
        {
            errors.Add(new ListingCsvRowError(line, ListingFields.ListingKey, "missing listing key: row not imported"));
        }

        var facts = new ListingFacts(
            key ?? "",
            source,
            Field(ListingFields.StandardStatus),
            Money(Field(ListingFields.ListPrice), ListingFields.ListPrice, line, errors),
            Money(Field(ListingFields.OriginalListPrice), ListingFields.OriginalListPrice, line, errors),
            Money(Field(ListingFields.PreviousListPrice), ListingFields.PreviousListPrice, line, errors),
            Days(Field(ListingFields.DaysOnMarket), line, errors),
            Field(ListingFields.PropertyType),
            Field(ListingFields.Address),
            Field(ListingFields.City),
            Field(ListingFields.State),
            Field(ListingFields.PostalCode),
            Timestamp(Field(ListingFields.ModificationTimestamp), ListingFields.ModificationTimestamp, line, errors),
            Timestamp(Field(ListingFields.StatusChangeTimestamp), ListingFields.StatusChangeTimestamp, line, errors));
        if (errors.Count > errorCount)
        {
            return null;
        }

        var (first, last) = (Field(ListingFields.OwnerFirstName), Field(ListingFields.OwnerLastName));
        if (first is null && last is null)
        {
            (first, last) = ListingRecord.SplitName(Field(ListingFields.OwnerName));
        }

        var phone = Field(ListingFields.OwnerPhone);
        if (phone is null)
        {
            errors.Add(new ListingCsvRowError(line, ListingFields.OwnerPhone, "no owner phone: staged as excluded (no_owner_phone)"));
        }
        else if (Phones.PhoneHash.ToE164(phone) is null)
        {
            errors.Add(new ListingCsvRowError(line, ListingFields.OwnerPhone, "not a valid phone number: staged as excluded (invalid_owner_phone)"));
        }

        return new ListingRecord(facts, first, last, phone, Field(ListingFields.OwnerEmail), line);
    }

    private static decimal? Money(string? text, string field, int line, List<ListingCsvRowError> errors)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 1_000_000_000_000m)
        {
            return value;
        }

        errors.Add(new ListingCsvRowError(line, field, $"'{text}' is not an amount: row not imported"));
        return null;
    }

    private static int? Days(string? text, int line, List<ListingCsvRowError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days >= 0)
        {
            return days;
        }

        errors.Add(new ListingCsvRowError(line, ListingFields.DaysOnMarket, $"'{text}' is not a whole number of days: row not imported"));
        return null;
    }

    private static DateTime? Timestamp(string? text, string field, int line, List<ListingCsvRowError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.UtcDateTime;
        }

        errors.Add(new ListingCsvRowError(line, field, $"'{text}' is not a date and time: row not imported"));
        return null;
    }
}
