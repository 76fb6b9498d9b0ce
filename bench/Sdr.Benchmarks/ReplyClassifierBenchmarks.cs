using BenchmarkDotNet.Attributes;
using Sdr.Core.Replies;

namespace Sdr.Benchmarks;

/// <summary>The reply side's compliance keyword layer (<c>-- decisions</c>): one operation is one classified reply.</summary>
[MemoryDiagnoser]
[GcServer(false)]
[Config(typeof(PerOperationConfig))]
public class ReplyClassifierBenchmarks
{
    private const int Batch = 500;

    private readonly ComplianceKeywordClassifier _classifier = new();
    private string[] _all = [];
    private string[] _optOutKeywords = [];
    private string[] _notOptOuts = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _all = ReplySamples.All();
        _optOutKeywords = ReplySamples.OptOutKeywords;
        _notOptOuts = [.. ReplySamples.LookAlikes, .. ReplySamples.Engagement];
        var optOuts = _all.Count(reply => _classifier.Classify(reply).IsOptOut);
        Console.WriteLine($"// reply mix: {_all.Length} replies, {optOuts} classified as opt-out");
        TierUpWarmup.Run(() => ClassifyMix());
    }

    /// <summary>The whole corpus-like sample.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int ClassifyMix() => Classify(_all);

    /// <summary>Carrier keywords and their variants: decided by the first layers, before the phrase patterns.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int ClassifyKeywords() => Classify(_optOutKeywords);

    /// <summary>Look-alikes and engagement: every layer runs and finds nothing (the common case in real traffic).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int ClassifyNotOptOut() => Classify(_notOptOuts);

    // Walks the sample round and round, so every invocation classifies Batch replies in the sample's proportions.
    private int Classify(string[] replies)
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            _next = _next + 1 < replies.Length ? _next + 1 : 0;
            sum += (int)_classifier.Classify(replies[_next]).Intent;
        }

        return sum;
    }
}
