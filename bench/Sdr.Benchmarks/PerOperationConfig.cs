using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Sdr.Benchmarks;

/// <summary>Adds operations per second (per operation, so per decision or per reply) to the summary table.</summary>
public sealed class PerOperationConfig : ManualConfig
{
    public PerOperationConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
}
