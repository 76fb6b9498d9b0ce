using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Caps;
using Sdr.Core.Compliance.Consent;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using Sdr.Core.Messaging;
using Sdr.Core.Phones;
using Sdr.Core.Sequences;

namespace Sdr.Benchmarks;

/// <summary>
/// Compliance decisions per second on one core (<c>-- decisions</c>): for each touch of a realistic
/// chunk, the SMS composed to one segment (as the engine does before the pipeline), then consent,
/// hours and caps in pipeline order, the first stage that does not continue deciding. One operation
/// is one decision; the per-stage and per-helper benchmarks run the same chunk to show where the time goes.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[Config(typeof(PerOperationConfig))]
public class ComplianceDecisionBenchmarks
{
    public const int Chunk = 1000;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private readonly InMemoryCapCounters _counters = new();
    private readonly RecipientStateResolver _states = new();
    private readonly RecipientTimeZoneResolver _zones = new();
    private DecisionInput[] _inputs = [];
    private HashSet<string> _suppressedContacts = [];
    private HashSet<string> _suppressedPhones = [];
    private QuietHoursPolicy _policy = null!;
    private HoursStage _hours = null!;
    private CapsStage _caps = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = SdrConfigFile.Load();
        var hoursOptions = SdrConfigFile.Section<HoursOptions>(configuration, HoursOptions.SectionName);
        var limits = SdrConfigFile.Section<RateLimitOptions>(configuration, RateLimitOptions.SectionName);
        var capsOptions = SdrConfigFile.Section<CapsOptions>(configuration, CapsOptions.SectionName);
        var messaging = SdrConfigFile.Section<MessagingOptions>(configuration, MessagingOptions.SectionName);

        _policy = new QuietHoursPolicy(Options.Create(hoursOptions));
        _hours = new HoursStage(_policy);
        _caps = new CapsStage(_counters, _counters, Options.Create(limits), Options.Create(capsOptions));
        var mix = DecisionMix.Create(Chunk, limits, messaging, _counters);
        _inputs = [.. mix.Inputs];
        _suppressedContacts = mix.SuppressedContacts;
        _suppressedPhones = mix.SuppressedPhoneHashes;

        DecisionMixReport.Print(_inputs, hoursOptions.States.Count, input => Decide(input));
        _counters.Reset();

        TierUpWarmup.Run(() =>
        {
            Decision();
            DecisionParsingPhone();
        });
    }

    /// <summary>The whole decision for each touch of the chunk; the counters start from the loaded state.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Chunk)]
    public int Decision()
    {
        _counters.Reset();
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)Decide(input);
        }

        return sum;
    }

    /// <summary>
    /// The same decisions for prospect rows without current phone facts (stored before they were, or
    /// by another libphonenumber release, until the backfill has run): the recipient parses its phone.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int DecisionParsingPhone()
    {
        _counters.Reset();
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)Decide(input.Request with { Recipient = ParsedRecipientOf(input.Request) }, input.Sms);
        }

        return sum;
    }

    /// <summary>Building the touch's <see cref="RecipientInfo"/> from the prospect row, as the engine does (no parsing).</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int RecipientFromStored()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += CadenceWindows.Recipient(input.Request.TouchSequence).ResolvedPhone?.Zones.Count ?? 0;
        }

        return sum;
    }

    /// <summary>Building it by parsing the phone once (E.164, hash, area state, zones): rows without current facts.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int RecipientParse()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += ParsedRecipientOf(input.Request).ResolvedPhone?.Zones.Count ?? 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Chunk)]
    public int ContentOnly()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += Compose(input.Sms)?.Length ?? 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Chunk)]
    public int ConsentOnly()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += IsSuppressed(input.Request.ContactId, input.Request.Recipient.ResolvedPhone?.Hash) ? 1 : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Chunk)]
    public int HoursOnly()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)Result(_hours.EvaluateAsync(input.Request, CancellationToken.None)).Verdict;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Chunk)]
    public int CapsOnly()
    {
        _counters.Reset();
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += (int)Result(_caps.EvaluateAsync(input.Request, CancellationToken.None)).Verdict;
        }

        return sum;
    }

    /// <summary>The policy alone, without the stage's reason text for deferred touches.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int HoursPolicyCheck()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += _policy.Check(input.Request.Now, input.Request.Recipient).IsAllowed ? 1 : 0;
        }

        return sum;
    }

    /// <summary>libphonenumber parse + E.164 format + SHA-256, as the consent query does per touch.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int PhoneHashOf()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += PhoneHash.Of(input.Request.Recipient.Phone)?.Length ?? 0;
        }

        return sum;
    }

    /// <summary>libphonenumber's parse and validity check alone, which the phone helpers above and below each start with.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int PhoneParse()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            if (input.Request.Recipient.Phone is { } phone && Phones.IsValidNumber(Phones.Parse(phone, "US")))
            {
                sum++;
            }
        }

        return sum;
    }

    /// <summary>Contact state + the phone's state (libphonenumber parse + geocoder): run by the hours and the caps stage.</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int RecipientStates()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += _states.Resolve(input.Request.Recipient).Count;
        }

        return sum;
    }

    /// <summary>Time zone, else the state's zones, else the phone's zones (libphonenumber parse + zone mapper).</summary>
    [Benchmark(OperationsPerInvoke = Chunk)]
    public int RecipientZones()
    {
        var sum = 0;
        foreach (var input in _inputs)
        {
            sum += _zones.Resolve(input.Request.Recipient).Count;
        }

        return sum;
    }

    /// <summary>
    /// One decision as the engine makes it: the recipient is built for the touch from the prospect row
    /// (<c>CadenceWindows.Recipient</c>, what <c>OutreachSequenceEngine</c> calls), its phone facts read
    /// from the stored columns.
    /// </summary>
    private DecisionVerdict Decide(DecisionInput input) =>
        Decide(input.Request with { Recipient = CadenceWindows.Recipient(input.Request.TouchSequence) }, input.Sms);

    private DecisionVerdict Decide(OutboundRequest request, SmsParts? sms)
    {
        Compose(sms);
        if (IsSuppressed(request.ContactId, request.Recipient.ResolvedPhone?.Hash))
        {
            return DecisionVerdict.Suppressed;
        }

        if (Result(_hours.EvaluateAsync(request, CancellationToken.None)).Verdict != StageVerdict.Continue)
        {
            return DecisionVerdict.OutsideHours;
        }

        return Result(_caps.EvaluateAsync(request, CancellationToken.None)).Verdict == StageVerdict.Continue
            ? DecisionVerdict.Allowed
            : DecisionVerdict.OverCap;
    }

    /// <summary>What <c>PersonalizationEngine.ComposeSms</c> does with the parts (its long-name fallback never triggers in this mix).</summary>
    private static string? Compose(SmsParts? parts) =>
        parts is { } sms ? SmsComposer.Compose(sms.Opening, sms.Body, sms.Notice) : null;

    /// <summary>
    /// The consent check against the ledger rows loaded for the chunk: the contact, or the hash of its
    /// phone (the ledger query takes the hash of the touch's <see cref="ResolvedPhone"/>).
    /// </summary>
    private bool IsSuppressed(string contactId, string? phoneHash) =>
        _suppressedContacts.Contains(contactId) || (phoneHash is not null && _suppressedPhones.Contains(phoneHash));

    private static RecipientInfo ParsedRecipientOf(OutboundRequest request) =>
        new(request.Recipient.TimeZone, request.Recipient.State, request.Recipient.Phone);

    // The stages complete synchronously here (no I/O behind them); anything else would be a bug in the set-up.
    private static T Result<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("a stage went asynchronous");
}

internal enum DecisionVerdict
{
    Allowed,
    Suppressed,
    OutsideHours,
    OverCap,
}
