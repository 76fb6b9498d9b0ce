using System.Text;
using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

public sealed class FernetTests
{
    private const string Secret = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RoundTripsWithRandomIvs()
    {
        var fernet = new Fernet(Secret);
        var plaintext = Encoding.UTF8.GetBytes("Call me back at 555-0100");

        var first = fernet.Encrypt(plaintext, Now);
        var second = fernet.Encrypt(plaintext, Now);

        first.ShouldNotBe(second);
        fernet.Decrypt(first, Now).ShouldBe(plaintext);
        fernet.Decrypt(second, Now).ShouldBe(plaintext);
    }

    [Fact]
    public void RoundTripsEmptyPlaintext()
    {
        var fernet = new Fernet(Secret);

        fernet.Decrypt(fernet.Encrypt([], Now), Now).ShouldBeEmpty();
    }

    [Fact]
    public void RejectsAWrongVersionByte()
    {
        var fernet = new Fernet(Secret);
        var bytes = DecodeUrlSafe(fernet.Encrypt("hello"u8, Now));
        bytes[0] = 0x81;

        var error = Should.Throw<FernetException>(() => fernet.Decrypt(EncodeUrlSafe(bytes), Now));

        error.Message.ShouldContain("version");
    }

    [Fact]
    public void RejectsATokenOfAnotherKeyWithoutRevealingThePlaintext()
    {
        var token = new Fernet(FernetKeyRing.GenerateKey()).Encrypt("secret reply body"u8, Now);

        var error = Should.Throw<FernetException>(() => new Fernet(Secret).Decrypt(token, Now));

        error.Message.ShouldContain("signature");
        error.Message.ShouldNotContain("secret reply body");
    }

    [Fact]
    public void RejectsATamperedCiphertext()
    {
        var fernet = new Fernet(Secret);
        var bytes = DecodeUrlSafe(fernet.Encrypt("hello"u8, Now));
        bytes[30] ^= 1;

        Should.Throw<FernetException>(() => fernet.Decrypt(EncodeUrlSafe(bytes), Now)).Message.ShouldContain("signature");
    }

    [Theory]
    [InlineData("")]
    [InlineData("gAAAAA")]
    [InlineData("not base64 at all!")]
    [InlineData("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA")]
    public void RejectsMalformedTokens(string token)
    {
        Should.Throw<FernetException>(() => new Fernet(Secret).Decrypt(token, Now));
    }

    [Fact]
    public void IgnoresTheTimestampWithoutATtlLikePython()
    {
        var fernet = new Fernet(Secret);
        var token = fernet.Encrypt("hello"u8, Now.AddYears(-5));

        fernet.Decrypt(token, Now).ShouldBe("hello"u8.ToArray());
        Should.Throw<FernetException>(() => fernet.Decrypt(token, Now, TimeSpan.FromDays(1))).Message.ShouldContain("expired");
    }

    [Fact]
    public void AcceptsATimestampWithinTheClockSkewAndRejectsBeyondIt()
    {
        var fernet = new Fernet(Secret);
        var ttl = TimeSpan.FromMinutes(5);

        fernet.Decrypt(fernet.Encrypt("hi"u8, Now.AddSeconds(60)), Now, ttl).ShouldBe("hi"u8.ToArray());
        Should.Throw<FernetException>(() => fernet.Decrypt(fernet.Encrypt("hi"u8, Now.AddSeconds(61)), Now, ttl))
            .Message.ShouldContain("future");
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8fHw==")]
    public void RejectsMalformedKeysWithoutEchoingThem(string key)
    {
        var error = Should.Throw<FormatException>(() => new Fernet(key));

        error.Message.ShouldNotContain(key);
        Fernet.TryCreate(key, out _).ShouldBeFalse();
    }

    [Fact]
    public void RejectsAnIvOfTheWrongSize()
    {
        Should.Throw<ArgumentException>(() => new Fernet(Secret).Encrypt("x"u8, Now, new byte[8]));
    }

    private static byte[] DecodeUrlSafe(string token)
    {
        return Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/'));
    }

    private static string EncodeUrlSafe(byte[] bytes)
    {
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }
}
