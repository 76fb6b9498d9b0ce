namespace Sdr.Core.Qualification;

/// <summary>What the conversation has not told us yet, in the order the gate asks about it.</summary>
public enum QualificationGap
{
    Timeline,
    BudgetOrPreApproval,
    Motivation,
}

public static class QualificationGaps
{
    /// <summary>The config name of a gap (<c>fills</c>, the question keys).</summary>
    public static string ConfigName(this QualificationGap gap) => gap switch
    {
        QualificationGap.Timeline => "timeline",
        QualificationGap.BudgetOrPreApproval => "budget_or_pre_approval",
        _ => "motivation",
    };

    public static QualificationGap? FromConfigName(string? name) => name switch
    {
        "timeline" => QualificationGap.Timeline,
        "budget_or_pre_approval" => QualificationGap.BudgetOrPreApproval,
        "motivation" => QualificationGap.Motivation,
        _ => null,
    };
}
