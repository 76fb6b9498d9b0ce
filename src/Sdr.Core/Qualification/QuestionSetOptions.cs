using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>The qualifying question for each gap, for one lead type; each at most 120 characters (one SMS with the sender's name).</summary>
public sealed class QuestionSetOptions
{
    [ConfigurationKeyName("timeline")]
    public string Timeline { get; set; } = "";

    [ConfigurationKeyName("budget_or_pre_approval")]
    public string BudgetOrPreApproval { get; set; } = "";

    [ConfigurationKeyName("motivation")]
    public string Motivation { get; set; } = "";

    public string For(QualificationGap gap) => gap switch
    {
        QualificationGap.Timeline => Timeline,
        QualificationGap.BudgetOrPreApproval => BudgetOrPreApproval,
        _ => Motivation,
    };
}
