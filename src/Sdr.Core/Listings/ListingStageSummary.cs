namespace Sdr.Core.Listings;

/// <summary>What staging did with a group of listings: new rows, changed rows, rows already up to date, and exclusions by reason.</summary>
public sealed class ListingStageSummary
{
    public int Inserted { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public Dictionary<string, int> Excluded { get; } = new(StringComparer.Ordinal);

    public int Staged => Inserted + Updated;

    internal void CountInserted() => Inserted++;
    internal void CountUpdated() => Updated++;
    internal void CountUnchanged() => Unchanged++;

    internal void CountExcluded(string reason) => Excluded[reason] = Excluded.GetValueOrDefault(reason) + 1;

    public void Add(ListingStageSummary other)
    {
        Inserted += other.Inserted;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        foreach (var (reason, count) in other.Excluded)
        {
            Excluded[reason] = Excluded.GetValueOrDefault(reason) + count;
        }
    }
}
