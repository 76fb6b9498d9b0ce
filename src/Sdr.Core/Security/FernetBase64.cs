using System.Diagnostics.CodeAnalysis;

namespace Sdr.Core.Security;

/// <summary>
/// Padded URL-safe base64 (RFC 4648 §5), as Python's <c>base64.urlsafe_b64encode</c> writes it.
/// Decoding is strict: only the URL-safe alphabet and trailing '=' padding are accepted.
/// </summary>
internal static class FernetBase64
{
    /// <summary>Longer texts are converted in a heap buffer instead of on the stack.</summary>
    private const int StackChars = 1024;

    /// <summary>One string, written in place (no standard-alphabet copy to translate): every touch's body is encrypted.</summary>
    public static string Encode(ReadOnlySpan<byte> data) =>
        string.Create((data.Length + 2) / 3 * 4, data, static (chars, bytes) =>
        {
            Convert.TryToBase64Chars(bytes, chars, out _);
            chars.Replace('+', '-');
            chars.Replace('/', '_');
        });

    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (string.IsNullOrEmpty(text) || text.Length % 4 != 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsUrlSafeChar(c))
            {
                return false;
            }
        }

        Span<char> standard = text.Length <= StackChars ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().CopyTo(standard);
        standard.Replace('-', '+');
        standard.Replace('_', '/');
        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(standard, buffer, out var written))
        {
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }

    private static bool IsUrlSafeChar(char c)
    {
        return c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '=';
    }
}
