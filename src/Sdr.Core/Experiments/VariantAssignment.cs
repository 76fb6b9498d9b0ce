using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sdr.Core.Experiments;

/// <summary>
/// Which variant a contact gets, the same every time and on every instance: the first 8 bytes of
/// SHA-256("{test id}:{contact id}") (UTF-8), read as a big-endian unsigned integer, modulo 10,000, fall into
/// one of the bands the variants' weights cut [0, 10,000) into, in the variants' order (weight 30 = 3,000 buckets).
/// A contact whose band belongs to a stopped variant is placed again, the same way but hashing
/// "{test id}:{contact id}:reassigned", among the variants still active: nobody else moves.
/// </summary>
public static class VariantAssignment
{
    public const int Buckets = 10_000;

    /// <summary>The chosen variant's name; null when no variant is active.</summary>
    public static string? Pick(long abTestId, string contactId, IReadOnlyList<WeightedVariant> variants)
    {
        var first = Band(Bucket($"{abTestId.ToString(CultureInfo.InvariantCulture)}:{contactId}"), variants);
        if (first is { IsActive: true })
        {
            return first.Name;
        }

        var active = variants.Where(v => v.IsActive).ToList();
        return active.Count == 0
            ? null
            : Band(Bucket($"{abTestId.ToString(CultureInfo.InvariantCulture)}:{contactId}:reassigned"), active)?.Name;
    }

    /// <summary>The contact's bucket in [0, 10,000).</summary>
    public static int Bucket(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Buckets);
    }

    private static WeightedVariant? Band(int bucket, IReadOnlyList<WeightedVariant> variants)
    {
        var total = variants.Sum(v => v.Weight);
        if (total <= 0)
        {
            return null;
        }

        // Scale the bucket onto the weights' total, so that weights need not sum to 100 once a variant is out.
        var point = (long)bucket * total / Buckets;
        long upper = 0;
        foreach (var variant in variants)
        {
            upper += variant.Weight;
            if (point < upper)
            {
                return variant;
            }
        }

        return variants[^1];
    }
}

/// <summary>A variant as the assignment sees it.</summary>
public sealed record WeightedVariant(string Name, int Weight, bool IsActive = true);
