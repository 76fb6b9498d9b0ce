using Sdr.Core.Compliance.Consent;
using Sdr.Core.Data;

namespace Sdr.Server.Commands;

/// <summary><c>sdr import-dnc FILE [--location ID]</c>: loads a do-not-call list into the suppression ledger.</summary>
internal static class ImportDncCommand
{
    public static async Task<int> RunAsync(FileInfo file, string? locationId, string[] args, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"sdr import-dnc: {file.FullName} does not exist.");
            return 2;
        }

        await using var app = SdrApplication.Build(args, withSandbox: false);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        using var reader = file.OpenText();
        var result = await scope.ServiceProvider.GetRequiredService<DoNotCallImport>().ImportAsync(reader, locationId, cancellationToken);

        Console.WriteLine($"Imported {result.Imported} number(s); {result.AlreadyListed} were already listed; {result.InvalidLines.Count} line(s) were not valid phone numbers.");
        if (result.InvalidLines.Count > 0)
        {
            Console.WriteLine($"Invalid lines: {string.Join(", ", result.InvalidLines.Take(20))}{(result.InvalidLines.Count > 20 ? ", ..." : string.Empty)}");
        }

        return 0;
    }
}
