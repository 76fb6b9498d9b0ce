using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Sdr.Core.Security;

/// <summary>
/// One Fernet key (https://github.com/fernet/spec): 32 bytes, the first half signs (HMAC-SHA256),
/// the second half encrypts (AES-128-CBC, PKCS7). Tokens interoperate with Python's
/// <c>cryptography.fernet.Fernet</c>. Thread-safe.
/// </summary>
public sealed class Fernet
{
    public const int KeySize = 32;

    private const int HalfKeySize = KeySize / 2;

    private readonly byte[] _signingKey;
    private readonly byte[] _encryptionKey;

    // Creating an Aes object and setting its key costs more than encrypting a column value with it, and
    // an Aes object is not safe for concurrent use: one per thread and key, reused call after call.
    private readonly ThreadLocal<Aes> _aes;
    private readonly ThreadLocal<IncrementalHash> _hmac;

    /// <summary>Creates a Fernet from a 32-byte key in URL-safe base64.</summary>
    /// <exception cref="FormatException">The key is not 32 bytes of URL-safe base64 (the message never contains the key).</exception>
    public Fernet(string key)
    {
        var bytes = DecodeKey(key);
        try
        {
            (_signingKey, _encryptionKey) = SplitKey(bytes);
            _aes = new ThreadLocal<Aes>(CreateAes);
            _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _signingKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Creates a Fernet from the raw 32-byte key.</summary>
    public Fernet(ReadOnlySpan<byte> key)
    {
        (_signingKey, _encryptionKey) = SplitKey(key);
        _aes = new ThreadLocal<Aes>(CreateAes);
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _signingKey));
    }

    /// <summary>Parses a URL-safe base64 key without throwing.</summary>
    public static bool TryCreate(string? key, [NotNullWhen(true)] out Fernet? fernet)
    {
        fernet = null;
        if (!FernetBase64.TryDecode(key?.Trim(), out var bytes) || bytes.Length != KeySize)
        {
            return false;
        }

        fernet = new Fernet(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return true;
    }

    /// <summary>Encrypts with a fresh random IV.</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext, DateTimeOffset now)
    {
        Span<byte> iv = stackalloc byte[FernetToken.IvSize];
        RandomNumberGenerator.Fill(iv);
        return Encrypt(plaintext, now, iv);
    }

    /// <summary>Encrypts with the given 16-byte IV. Only for test vectors: never reuse an IV in production.</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext, DateTimeOffset now, ReadOnlySpan<byte> iv)
    {
        if (iv.Length != FernetToken.IvSize)
        {
            throw new ArgumentException($"A Fernet IV must be {FernetToken.IvSize} bytes.", nameof(iv));
        }

        var timestamp = now.ToUnixTimeSeconds();
        if (timestamp < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(now), "Fernet timestamps cannot be before 1970-01-01.");
        }

        var aes = _aes.Value!;
        var ciphertextLength = aes.GetCiphertextLengthCbc(plaintext.Length, PaddingMode.PKCS7);
        var token = new byte[FernetToken.HeaderSize + ciphertextLength + FernetToken.HmacSize];
        var signedLength = FernetToken.HeaderSize + ciphertextLength;

        token[0] = FernetToken.Version;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1, FernetToken.TimestampSize), timestamp);
        iv.CopyTo(token.AsSpan(1 + FernetToken.TimestampSize, FernetToken.IvSize));
        aes.EncryptCbc(plaintext, iv, token.AsSpan(FernetToken.HeaderSize, ciphertextLength), PaddingMode.PKCS7);
        Sign(token.AsSpan(0, signedLength), token.AsSpan(signedLength));

        return FernetBase64.Encode(token);
    }

    /// <summary>
    /// Verifies and decrypts a token. With <paramref name="ttl"/>, also rejects tokens older than the TTL
    /// or dated more than 60 s in the future.
    /// </summary>
    /// <exception cref="FernetException">The token is invalid; the message says why.</exception>
    public byte[] Decrypt(string token, DateTimeOffset now, TimeSpan? ttl = null)
    {
        var parsed = FernetToken.Parse(token);
        if (!HasValidSignature(parsed))
        {
            throw new FernetException("Fernet token signature is invalid (wrong key or tampered token).");
        }

        return DecryptVerified(parsed, now, ttl);
    }

    internal bool HasValidSignature(FernetToken token)
    {
        Span<byte> expected = stackalloc byte[FernetToken.HmacSize];
        Sign(token.SignedPart, expected);
        return CryptographicOperations.FixedTimeEquals(expected, token.Hmac);
    }

    /// <summary>Decrypts a token whose signature <see cref="HasValidSignature"/> has accepted.</summary>
    internal byte[] DecryptVerified(FernetToken token, DateTimeOffset now, TimeSpan? ttl)
    {
        if (ttl is { } maxAge)
        {
            if (maxAge < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ttl), "The TTL cannot be negative.");
            }

            token.EnsureFresh(now, maxAge);
        }

        var aes = _aes.Value!;
        try
        {
            return aes.DecryptCbc(token.Ciphertext, token.Iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            throw new FernetException("Fernet token padding is invalid.");
        }
    }

    private static byte[] DecodeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!FernetBase64.TryDecode(key.Trim(), out var bytes) || bytes.Length != KeySize)
        {
            throw new FormatException($"A Fernet key must be {KeySize} bytes encoded as URL-safe base64.");
        }

        return bytes;
    }

    private static (byte[] SigningKey, byte[] EncryptionKey) SplitKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A Fernet key must be {KeySize} bytes.", nameof(key));
        }

        return (key[..HalfKeySize].ToArray(), key[HalfKeySize..].ToArray());
    }

    private void Sign(ReadOnlySpan<byte> signed, Span<byte> hmac)
    {
        var hash = _hmac.Value!;
        hash.AppendData(signed);
        hash.GetHashAndReset(hmac);
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _encryptionKey;
        return aes;
    }
}
