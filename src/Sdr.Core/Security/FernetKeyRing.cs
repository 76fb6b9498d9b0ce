using System.Security.Cryptography;
using System.Text;

namespace Sdr.Core.Security;

/// <summary>
/// Fernet keys for rotation, like Python's <c>MultiFernet</c>: the first (primary) key encrypts,
/// any key decrypts (the one whose HMAC matches). Rotate by prepending a new key to
/// <c>SDR_FERNET_KEY</c>, re-encrypting stored tokens with <see cref="Rotate"/>, then dropping the old key.
/// Thread-safe; meant to be a singleton.
/// </summary>
public sealed class FernetKeyRing
{
    /// <summary>Configuration key / environment variable holding comma-separated keys, primary first.</summary>
    public const string EnvironmentVariable = "SDR_FERNET_KEY";

    private readonly Fernet[] _keys;
    private readonly TimeProvider _time;

    public FernetKeyRing(IEnumerable<Fernet> keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        _keys = keys.ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("A Fernet key ring needs at least one key.", nameof(keys));
        }

        _time = time;
    }

    /// <summary>Number of keys; the first one encrypts.</summary>
    public int Count => _keys.Length;

    /// <summary>Parses <c>SDR_FERNET_KEY</c>-style text: <c>k1,k2,...</c> (primary first, whitespace around keys ignored).</summary>
    /// <exception cref="FormatException">An entry is empty or not a Fernet key; the message names SDR_FERNET_KEY and the entry's position, never the key.</exception>
    public static FernetKeyRing Parse(string keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var entries = keys.Split(',', StringSplitOptions.TrimEntries);
        var fernets = new List<Fernet>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Length == 0)
            {
                throw new FormatException(
                    $"{EnvironmentVariable} entry {i + 1} of {entries.Length} is empty; expected comma-separated Fernet keys, primary first.");
            }

            if (!Fernet.TryCreate(entries[i], out var fernet))
            {
                throw new FormatException(
                    $"{EnvironmentVariable} entry {i + 1} of {entries.Length} is not a valid Fernet key: expected {Fernet.KeySize} bytes of URL-safe base64 (44 characters ending in '=').");
            }

            fernets.Add(fernet);
        }

        return new FernetKeyRing(fernets, time);
    }

    /// <summary>A new random key in URL-safe base64, same format as Python's <c>Fernet.generate_key()</c>.</summary>
    public static string GenerateKey()
    {
        Span<byte> key = stackalloc byte[Fernet.KeySize];
        RandomNumberGenerator.Fill(key);
        var encoded = FernetBase64.Encode(key);
        CryptographicOperations.ZeroMemory(key);
        return encoded;
    }

    /// <summary>Encrypts with the primary key, the current time and a random IV.</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext)
    {
        return _keys[0].Encrypt(plaintext, _time.GetUtcNow());
    }

    /// <summary>Decrypts a token made with any key of the ring.</summary>
    /// <exception cref="FernetException">The token is invalid or was made with none of the keys.</exception>
    public byte[] Decrypt(string token, TimeSpan? ttl = null)
    {
        var parsed = FernetToken.Parse(token);
        return FindSigningKey(parsed).DecryptVerified(parsed, _time.GetUtcNow(), ttl);
    }

    /// <summary>UTF-8 encrypts a string; null stays null.</summary>
    public string? EncryptString(string? plaintext)
    {
        if (plaintext is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(plaintext);
        try
        {
            return Encrypt(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Decrypts a token to a UTF-8 string; null stays null.</summary>
    /// <exception cref="FernetException">The token is invalid or was made with none of the keys.</exception>
    public string? DecryptString(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var bytes = Decrypt(token);
        try
        {
            return Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Re-encrypts a token made with any key under the primary key (fresh IV). Like Python's
    /// <c>MultiFernet.rotate</c>, the original timestamp is kept so TTL semantics do not change.
    /// </summary>
    /// <exception cref="FernetException">The token is invalid or was made with none of the keys.</exception>
    public string Rotate(string token)
    {
        var parsed = FernetToken.Parse(token);
        var plaintext = FindSigningKey(parsed).DecryptVerified(parsed, _time.GetUtcNow(), ttl: null);
        try
        {
            return _keys[0].Encrypt(plaintext, OriginalTime(parsed));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private Fernet FindSigningKey(FernetToken token)
    {
        foreach (var key in _keys)
        {
            if (key.HasValidSignature(token))
            {
                return key;
            }
        }

        throw new FernetException("Fernet token signature is invalid for every key in SDR_FERNET_KEY (wrong key or tampered token).");
    }

    private DateTimeOffset OriginalTime(FernetToken token)
    {
        var maxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        return token.Timestamp is >= 0 && token.Timestamp <= maxSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(token.Timestamp)
            : _time.GetUtcNow();
    }
}
