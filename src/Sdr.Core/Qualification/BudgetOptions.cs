using Microsoft.Extensions.Configuration;

namespace Sdr.Core.Qualification;

/// <summary>
/// <c>sdr:qualification:budget</c>: an amount the prospect states ("$450k", "around 500 thousand",
/// "400-450" when talking price) fills the budget gap and is worth <see cref="Weight"/> FRS points.
/// </summary>
public sealed class BudgetOptions
{
    [ConfigurationKeyName("weight")]
    public double Weight { get; set; } = 15;

    /// <summary>Smaller amounts are not a home's price (a down payment of $20k is its own signal).</summary>
    [ConfigurationKeyName("min_amount")]
    public double MinAmount { get; set; } = 50_000;
}
