using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Phones;

namespace Sdr.Core.Compliance.Consent;

public sealed record DoNotCallImportResult(int Imported, int AlreadyListed, IReadOnlyList<int> InvalidLines);

/// <summary>
/// Loads a do-not-call list (one number per line, or the first column of a CSV) into the
/// suppression ledger, as lookup hashes. Importing the same file twice adds nothing.
/// </summary>
public sealed class DoNotCallImport(SdrDbContext db, TimeProvider time)
{
    private const int BatchSize = 1000;

    public async Task<DoNotCallImportResult> ImportAsync(TextReader reader, string? locationId, CancellationToken cancellationToken)
    {
        int imported = 0, alreadyListed = 0, lineNumber = 0;
        var invalid = new List<int>();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            lineNumber++;
            var field = line.Split(',', 2)[0].Trim().Trim('"');
            if (field.Length == 0 || field.StartsWith('#') || (lineNumber == 1 && !field.Any(char.IsDigit)))
            {
                continue; // blank, comment or header
            }

            if (PhoneHash.Of(field) is not { } hash)
            {
                invalid.Add(lineNumber);
                continue;
            }

            pending.Add(hash);
            if (pending.Count >= BatchSize)
            {
                var (added, known) = await SaveAsync(pending, locationId, cancellationToken);
                (imported, alreadyListed) = (imported + added, alreadyListed + known);
                pending.Clear();
            }
        }

        var (lastAdded, lastKnown) = await SaveAsync(pending, locationId, cancellationToken);
        return new DoNotCallImportResult(imported + lastAdded, alreadyListed + lastKnown, invalid);
    }

    private async Task<(int Added, int Known)> SaveAsync(IReadOnlyCollection<string> hashes, string? locationId, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return (0, 0);
        }

        var known = await db.Suppressions
            .Where(s => s.PhoneHash != null && hashes.Contains(s.PhoneHash) && s.LocationId == locationId && s.Channel == null)
            .Select(s => s.PhoneHash!)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = hashes.Except(known).ToList();
        db.Suppressions.AddRange(fresh.Select(hash => new SdrSuppression
        {
            PhoneHash = hash,
            LocationId = locationId,
            Reason = "on the imported do-not-call list",
            Source = SuppressionSources.DncImport,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (fresh.Count, known.Count);
    }
}
