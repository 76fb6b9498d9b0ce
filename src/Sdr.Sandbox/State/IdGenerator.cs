namespace Sdr.Sandbox.State;

internal sealed class IdGenerator(int seed, ulong stream)
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private long _counter;

    public string Next()
    {
        var n = (ulong)Interlocked.Increment(ref _counter);
        var state = ((ulong)(uint)seed << 32) ^ (stream * 0x9E3779B97F4A7C15UL) ^ n;
        return string.Create(20, state, static (span, s) =>
        {
            var x = s;
            for (var i = 0; i < span.Length; i++)
            {
                x = Mix(x + 0x9E3779B97F4A7C15UL);
                span[i] = Alphabet[(int)(x % (ulong)Alphabet.Length)];
            }
        });
    }

    public Guid NextGuid()
    {
        var n = (ulong)Interlocked.Increment(ref _counter);
        var h1 = Mix(((ulong)(uint)seed << 32) ^ (stream * 0xD1B54A32D192ED03UL) ^ n);
        var h2 = Mix(h1 + 0x9E3779B97F4A7C15UL);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, h1);
        BitConverter.TryWriteBytes(bytes[8..], h2);
        return new Guid(bytes);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
