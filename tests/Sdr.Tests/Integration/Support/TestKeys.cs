namespace Sdr.Tests.Integration.Support;

public static class TestKeys
{
    /// <summary>One key for every test host: EF caches its model per key ring.</summary>
    public static readonly string Fernet = Sdr.Core.Security.FernetKeyRing.GenerateKey();
}
