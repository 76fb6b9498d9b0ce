using BenchmarkDotNet.Attributes;
using Sdr.Core.Compliance;

namespace Sdr.Benchmarks;

/// <summary>Micro-benchmarks of the per-touch SMS text work (run with <c>-- bdn --filter *Sms*</c>).</summary>
[MemoryDiagnoser]
public class SmsBenchmarks
{
    private const string Opening = "Hi Maria, this is Alex with Harbor Realty.";
    private const string Body = "Are you still thinking about a move this year? I can send you a quick, no-pressure value estimate for your home.";
    private const string Notice = "Reply STOP to opt out";

    // A realistic first text of exactly 160 GSM-7 characters.
    private readonly string _text160 =
        "Hi Maria, this is Alex with Harbor Realty. Are you still thinking about a move this year? I can send a quick value estimate for your home. Reply STOP to opt out";

    [GlobalSetup]
    public void Setup()
    {
        if (SmsEncoding.Length(_text160) != 160)
        {
            throw new InvalidOperationException($"the sample text is {SmsEncoding.Length(_text160)} characters, not 160");
        }
    }

    [Benchmark]
    public int Segments() => SmsEncoding.Segments(_text160);

    /// <summary>Opening + body + notice is over 160, so Compose shortens the body word by word.</summary>
    [Benchmark]
    public string Compose() => SmsComposer.Compose(Opening, Body, Notice);
}
