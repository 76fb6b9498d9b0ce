using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Security;

namespace Sdr.Tests.Unit.Security;

public sealed class FernetKeyRingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _oldKey = FernetKeyRing.GenerateKey();
    private readonly string _newKey = FernetKeyRing.GenerateKey();

    [Fact]
    public void RoundTripsStringsAndPassesNullThrough()
    {
        var ring = FernetKeyRing.Parse(_oldKey, _time);

        var token = ring.EncryptString("Olá, reply STOP to opt out 👋");

        token.ShouldNotBeNull();
        token.ShouldStartWith("gAAAAA");
        ring.DecryptString(token).ShouldBe("Olá, reply STOP to opt out 👋");
        ring.EncryptString(null).ShouldBeNull();
        ring.DecryptString(null).ShouldBeNull();
        ring.DecryptString(ring.EncryptString(string.Empty)).ShouldBe(string.Empty);
    }

    [Fact]
    public void UsesTheInjectedClockAndRandomIvs()
    {
        var ring = FernetKeyRing.Parse(_oldKey, _time);

        var first = ring.EncryptString("same")!;
        var second = ring.EncryptString("same")!;
        _time.Advance(TimeSpan.FromMinutes(10));

        first.ShouldNotBe(second);
        new Fernet(_oldKey).Decrypt(first, _time.GetUtcNow(), TimeSpan.FromMinutes(10)).ShouldBe("same"u8.ToArray());
        Should.Throw<FernetException>(() => ring.Decrypt(first, TimeSpan.FromMinutes(9)));
    }

    [Fact]
    public void TokenOfTheOldKeyDecryptsAfterANewPrimaryIsPrepended()
    {
        var token = FernetKeyRing.Parse(_oldKey, _time).EncryptString("old body")!;

        var rotated = FernetKeyRing.Parse($"{_newKey}, {_oldKey}", _time);

        rotated.Count.ShouldBe(2);
        rotated.DecryptString(token).ShouldBe("old body");
    }

    [Fact]
    public void NewTokensUseThePrimaryKey()
    {
        var ring = FernetKeyRing.Parse($"{_newKey},{_oldKey}", _time);

        var token = ring.EncryptString("new body")!;

        FernetKeyRing.Parse(_newKey, _time).DecryptString(token).ShouldBe("new body");
        Should.Throw<FernetException>(() => FernetKeyRing.Parse(_oldKey, _time).DecryptString(token));
    }

    [Fact]
    public void RotateYieldsATokenOfTheNewKeyWithTheOriginalTimestamp()
    {
        var token = FernetKeyRing.Parse(_oldKey, _time).EncryptString("old body")!;
        var created = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromDays(3));
        var ring = FernetKeyRing.Parse($"{_newKey},{_oldKey}", _time);

        var rotated = ring.Rotate(token);

        rotated.ShouldNotBe(token);
        var newKeyOnly = new Fernet(_newKey);
        newKeyOnly.Decrypt(rotated, _time.GetUtcNow()).ShouldBe("old body"u8.ToArray());
        newKeyOnly.Decrypt(rotated, created.AddSeconds(1), TimeSpan.FromSeconds(1)).ShouldBe("old body"u8.ToArray());
        Should.Throw<FernetException>(() => new Fernet(_oldKey).Decrypt(rotated, _time.GetUtcNow()));
    }

    [Fact]
    public void RejectsATokenOfAnUnknownKey()
    {
        var token = FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), _time).EncryptString("x")!;
        var ring = FernetKeyRing.Parse($"{_newKey},{_oldKey}", _time);

        Should.Throw<FernetException>(() => ring.DecryptString(token));
        Should.Throw<FernetException>(() => ring.Rotate(token));
    }

    [Theory]
    [InlineData("{0},not-a-key", "entry 2 of 2")]
    [InlineData("{0},,{0}", "entry 2 of 3")]
    [InlineData("c2hvcnQ=", "entry 1 of 1")]
    [InlineData("{0},{0}x", "entry 2 of 2")]
    public void MalformedKeyErrorNamesTheVariableAndNeverTheKey(string format, string position)
    {
        var keys = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _oldKey);

        var error = Should.Throw<FormatException>(() => FernetKeyRing.Parse(keys, _time));

        error.Message.ShouldContain("SDR_FERNET_KEY");
        error.Message.ShouldContain(position);
        error.Message.ShouldNotContain(_oldKey);
        error.Message.ShouldNotContain("not-a-key");
        error.Message.ShouldNotContain("c2hvcnQ");
    }

    [Fact]
    public void GeneratedKeysAreValidAndDistinct()
    {
        var key = FernetKeyRing.GenerateKey();

        key.Length.ShouldBe(44);
        key.ShouldEndWith("=");
        Fernet.TryCreate(key, out _).ShouldBeTrue();
        FernetKeyRing.GenerateKey().ShouldNotBe(key);
    }
}
