using System.Text;
using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

public sealed class FernetSpecVectorTests
{
    private static readonly Dictionary<string, string> ExpectedReasons = new()
    {
        ["incorrect mac"] = "signature",
        ["too short"] = "too short",
        ["invalid base64"] = "base64",
        ["payload size not multiple of block size"] = "block size",
        ["payload padding error"] = "padding",
        ["far-future TS (unacceptable clock skew)"] = "future",
        ["expired TTL"] = "expired",
        ["incorrect IV (causes padding error)"] = "padding",
    };

    public static TheoryData<int> GenerateCases => FernetSpecVectors.Indexes(FernetSpecVectors.Generate);

    public static TheoryData<int> VerifyCases => FernetSpecVectors.Indexes(FernetSpecVectors.Verify);

    public static TheoryData<string> InvalidCases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var vector in FernetSpecVectors.Invalid)
            {
                data.Add(vector.Desc!);
            }

            return data;
        }
    }

    [Fact]
    public void VectorFilesAreNotEmpty()
    {
        FernetSpecVectors.Generate.ShouldNotBeEmpty();
        FernetSpecVectors.Verify.ShouldNotBeEmpty();
        FernetSpecVectors.Invalid.Count.ShouldBeGreaterThanOrEqualTo(8);
    }

    [Theory]
    [MemberData(nameof(GenerateCases))]
    public void GenerateVectorProducesTheExactToken(int index)
    {
        var vector = FernetSpecVectors.Generate[index];

        var token = new Fernet(vector.Secret).Encrypt(Encoding.UTF8.GetBytes(vector.Src!), vector.Now, vector.IvBytes);

        token.ShouldBe(vector.Token);
    }

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void VerifyVectorDecrypts(int index)
    {
        var vector = FernetSpecVectors.Verify[index];

        var plaintext = new Fernet(vector.Secret).Decrypt(vector.Token, vector.Now, vector.Ttl);

        Encoding.UTF8.GetString(plaintext).ShouldBe(vector.Src);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidVectorIsRejected(string description)
    {
        var vector = FernetSpecVectors.Invalid.Single(v => v.Desc == description);
        var fernet = new Fernet(vector.Secret);

        var error = Should.Throw<FernetException>(() => fernet.Decrypt(vector.Token, vector.Now, vector.Ttl));

        if (ExpectedReasons.TryGetValue(description, out var reason))
        {
            error.Message.ShouldContain(reason);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void InvalidVectorIsRejectedByAKeyRing(string description)
    {
        var vector = FernetSpecVectors.Invalid.Single(v => v.Desc == description);
        var ring = FernetKeyRing.Parse($"{FernetKeyRing.GenerateKey()},{vector.Secret}", new FixedTime(vector.Now));

        Should.Throw<FernetException>(() => ring.Decrypt(vector.Token, vector.Ttl));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            return now.ToUniversalTime();
        }
    }
}
