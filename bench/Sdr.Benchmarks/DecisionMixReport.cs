using Sdr.Core.Compliance;
using Sdr.Core.Data.Entities;

namespace Sdr.Benchmarks;

/// <summary>Prints what the chunk is made of and how it is decided, so the numbers can be read against the mix.</summary>
internal static class DecisionMixReport
{
    public static void Print(IReadOnlyList<DecisionInput> inputs, int configuredStates, Func<DecisionInput, DecisionVerdict> decide)
    {
        var verdicts = inputs.Select(decide).ToList();
        var sms = inputs.Where(i => i.Sms is not null).ToList();
        var composed = sms.Select(i => SmsComposer.Compose(i.Sms!.Opening, i.Sms.Body, i.Sms.Notice)).ToList();
        var shortened = sms.Where((input, index) => !composed[index].Contains(SmsEncoding.Normalize(input.Sms!.Body.Trim()), StringComparison.Ordinal)).Count();
        var ucs2 = composed.Count(text => SmsEncoding.CharsetOf(text) == SmsCharset.Ucs2);

        Console.WriteLine($"// decision mix: {inputs.Count} touches, {configuredStates} state rules from config/sdr_config.yaml");
        Console.WriteLine($"//   verdicts: {Shares(verdicts)}");
        Console.WriteLine($"//   recipients: {Shares(inputs.Select(i => i.Kind))}");
        Console.WriteLine($"//   channels: {Shares(inputs.Select(i => i.Request.Channel))}; cadence touches {Percent(inputs.Count(i => i.Request.Purpose == MessagePurpose.CadenceStep), inputs.Count)}");
        Console.WriteLine($"//   SMS: {sms.Count}, body shortened {Percent(shortened, sms.Count)}, UCS-2 after normalizing {Percent(ucs2, sms.Count)}, longest {composed.Max(text => SmsEncoding.Length(text))} units");
        if (composed.Any(text => SmsEncoding.Segments(text) != 1))
        {
            throw new InvalidOperationException("a composed SMS is longer than one segment");
        }
    }

    private static string Shares<T>(IEnumerable<T> values)
        where T : notnull
    {
        var list = values.ToList();
        return string.Join(", ", list.GroupBy(v => v).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {Percent(g.Count(), list.Count)}"));
    }

    private static string Percent(int part, int whole) => whole == 0 ? "0 %" : $"{100.0 * part / whole:0.#} %";
}
