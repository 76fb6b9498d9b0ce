namespace Sdr.Core.Compliance.Hours;

/// <summary>Allowed local times of one day: from <see cref="Start"/> inclusive to <see cref="End"/> exclusive.</summary>
public readonly record struct DailyWindow(TimeOnly Start, TimeOnly End)
{
    public bool IsEmpty => Start >= End;

    public bool Contains(TimeOnly time) => time >= Start && time < End;

    public DailyWindow Intersect(DailyWindow other) =>
        new(Start > other.Start ? Start : other.Start, End < other.End ? End : other.End);

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
