using BenchmarkDotNet.Attributes;
using Sdr.Core.Security;

namespace Sdr.Benchmarks;

/// <summary>The PII encryption of one column value (run with <c>-- bdn --filter *Fernet*</c>): a message body and a first name.</summary>
[MemoryDiagnoser]
public class FernetBenchmarks
{
    private const string Body = "Hi Maria, this is Alex with Harbor Realty. Are you still thinking about a move this year? I can send a quick value estimate for your home. Reply STOP to opt out";

    private readonly FernetKeyRing _ring = new([new Fernet(FernetKeyRing.GenerateKey())], TimeProvider.System);
    private string _bodyToken = "";
    private string _nameToken = "";

    [GlobalSetup]
    public void Setup()
    {
        _bodyToken = _ring.EncryptString(Body)!;
        _nameToken = _ring.EncryptString("Maria")!;
    }

    [Benchmark]
    public string? EncryptBody() => _ring.EncryptString(Body);

    [Benchmark]
    public string? DecryptBody() => _ring.DecryptString(_bodyToken);

    [Benchmark]
    public string? DecryptName() => _ring.DecryptString(_nameToken);
}
