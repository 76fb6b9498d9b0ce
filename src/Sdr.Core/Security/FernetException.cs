using System.Security.Cryptography;

namespace Sdr.Core.Security;

/// <summary>
/// A Fernet token was rejected (malformed, wrong key, tampered, expired...). The message says why;
/// it never contains the token's plaintext or any key material.
/// </summary>
public sealed class FernetException : CryptographicException
{
    public FernetException(string message)
        : base(message)
    {
    }

    public FernetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
