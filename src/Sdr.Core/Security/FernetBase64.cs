using System.Diagnostics.CodeAnalysis;

namespace Sdr.Core.Security;

/// <summary>
/// Padded URL-safe base64 (RFC 4648 §5), as Python's <c>base64.urlsafe_b64encode</c> writes it.
/// Decoding is strict: only the URL-safe alphabet and trailing '=' padding are accepted.
/// </summary>
internal static class FernetBase64
{
    public static string Encode(ReadOnlySpan<byte> data)
    {
        return Convert.ToBase64String(data).Replace('+', '-').Replace('/', '_');
    }

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

        var standard = text.Replace('-', '+').Replace('_', '/');
        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(standard, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private static bool IsUrlSafeChar(char c)
    {
        return c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '=';
    }
}
