using System.Buffers.Binary;

namespace Sdr.Core.Security;

/// <summary>
/// The binary layout of a Fernet token, checked for shape only (no key involved):
/// version (1) ‖ big-endian Unix timestamp (8) ‖ IV (16) ‖ AES-CBC ciphertext (16·n) ‖ HMAC-SHA256 (32).
/// </summary>
internal sealed class FernetToken
{
    public const byte Version = 0x80;
    public const int TimestampSize = 8;
    public const int IvSize = 16;
    public const int BlockSize = 16;
    public const int HmacSize = 32;
    public const int HeaderSize = 1 + TimestampSize + IvSize;

    private const long MaxClockSkewSeconds = 60;

    private readonly byte[] _bytes;

    private FernetToken(byte[] bytes)
    {
        _bytes = bytes;
    }

    /// <summary>Seconds since the Unix epoch, as written by the encrypting side (authentic only once the MAC is checked).</summary>
    public long Timestamp => BinaryPrimitives.ReadInt64BigEndian(_bytes.AsSpan(1, TimestampSize));

    public ReadOnlySpan<byte> Iv => _bytes.AsSpan(1 + TimestampSize, IvSize);

    public ReadOnlySpan<byte> Ciphertext => _bytes.AsSpan(HeaderSize, _bytes.Length - HeaderSize - HmacSize);

    /// <summary>Everything the HMAC covers: version, timestamp, IV and ciphertext.</summary>
    public ReadOnlySpan<byte> SignedPart => _bytes.AsSpan(0, _bytes.Length - HmacSize);

    public ReadOnlySpan<byte> Hmac => _bytes.AsSpan(_bytes.Length - HmacSize);

    public static FernetToken Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new FernetException("Fernet token is empty.");
        }

        if (!FernetBase64.TryDecode(token, out var bytes))
        {
            throw new FernetException("Fernet token is not valid URL-safe base64.");
        }

        var ciphertextLength = bytes.Length - HeaderSize - HmacSize;
        if (ciphertextLength < 0)
        {
            throw new FernetException("Fernet token is too short.");
        }

        if (bytes[0] != Version)
        {
            throw new FernetException("Fernet token has an unsupported version byte (expected 0x80).");
        }

        if (ciphertextLength % BlockSize != 0)
        {
            throw new FernetException("Fernet token ciphertext length is not a multiple of the AES block size.");
        }

        if (ciphertextLength == 0)
        {
            throw new FernetException("Fernet token is too short (no ciphertext block).");
        }

        return new FernetToken(bytes);
    }

    /// <summary>
    /// Rejects a token older than <paramref name="ttl"/> or dated more than 60 s after <paramref name="now"/>.
    /// Like Python's cryptography, the timestamp is only checked when a TTL is given.
    /// </summary>
    public void EnsureFresh(DateTimeOffset now, TimeSpan ttl)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        var timestamp = Timestamp;
        if (timestamp < 0 || timestamp > nowSeconds + MaxClockSkewSeconds)
        {
            throw new FernetException("Fernet token timestamp is too far in the future (beyond the 60 s clock skew).");
        }

        if (timestamp + (long)ttl.TotalSeconds < nowSeconds)
        {
            throw new FernetException("Fernet token has expired (older than the TTL).");
        }
    }
}
