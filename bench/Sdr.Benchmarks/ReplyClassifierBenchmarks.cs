using BenchmarkDotNet.Attributes;
using Sdr.Core.Replies;

namespace Sdr.Benchmarks;

/// <summary>
/// Reply classification (<c>-- decisions</c>): the compliance keyword layer alone, and the full
/// <see cref="ObjectionHandler"/> (auto-responders, keywords, patterns). One operation is one classified reply.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[Config(typeof(PerOperationConfig))]
public class ReplyClassifierBenchmarks
{
    private const int Batch = 500;

    private readonly ComplianceKeywordClassifier _classifier = new();
    private readonly ObjectionHandler _handler = new();
    private string[] _all = [];
    private string[] _objectionMix = [];
    private string[] _emails = [];
    private string[] _optOutKeywords = [];
    private string[] _notOptOuts = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _all = ReplySamples.All();
        _optOutKeywords = ReplySamples.OptOutKeywords;
        _notOptOuts = [.. ReplySamples.LookAlikes, .. ReplySamples.Engagement];
        _objectionMix = ReplySamples.ObjectionMix();
        _emails = ReplySamples.Emails;
        var optOuts = _all.Count(reply => _classifier.Classify(reply).IsOptOut);
        Console.WriteLine($"// reply mix: {_all.Length} replies, {optOuts} classified as opt-out");
        TierUpWarmup.Run(() => ClassifyMix());
        TierUpWarmup.Run(() => HandleMix());
        TierUpWarmup.Run(() => HandleEmails());
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

    /// <summary>The full ObjectionHandler over SMS replies (compliance sample plus objections, questions, engagement, auto-responders).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int HandleMix()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            _next = _next + 1 < _objectionMix.Length ? _next + 1 : 0;
            sum += (int)_handler.Classify(_objectionMix[_next]).Category;
        }

        return sum;
    }

    /// <summary>The full ObjectionHandler over email bodies: HTML stripped, quoted history dropped, then classified.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int HandleEmails()
    {
        var sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            _next = _next + 1 < _emails.Length ? _next + 1 : 0;
            sum += (int)_handler.Classify(_emails[_next], isEmail: true).Category;
        }

        return sum;
    }

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
