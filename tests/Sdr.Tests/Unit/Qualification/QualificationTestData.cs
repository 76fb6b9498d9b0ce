using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Configuration;
using Sdr.Core.Qualification;

namespace Sdr.Tests.Unit.Qualification;

/// <summary>The shipped sdr:qualification section, bound and validated as start-up does it, and conversations to read.</summary>
internal static class QualificationTestData
{
    /// <summary>A Sunday in December: "this spring" is about three months away.</summary>
    public static readonly DateTime Start = new(2026, 12, 6, 15, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<QualificationOptions> Shipped = new(() => Bind());

    public static QualificationOptions Bind(params (string Key, string Value)[] overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false)
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSdrOptions<QualificationOptions>(QualificationOptions.SectionName);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<QualificationOptions>>().Value;
    }

    public static LeadIntentDecoder Decoder(QualificationOptions? options = null) => new(Options.Create(options ?? Shipped.Value));

    public static QualificationGate Gate(QualificationOptions? options = null)
    {
        var value = Options.Create(options ?? Shipped.Value);
        return new QualificationGate(new LeadIntentDecoder(value), value);
    }

    /// <summary>
    /// A conversation from lines "us: …" (our touch or answer) and "them: …" (the prospect), an hour
    /// apart from <see cref="Start"/>; a line without a prefix is the prospect's.
    /// </summary>
    public static IReadOnlyList<ConversationTurn> Conversation(params string[] lines) =>
    [
        .. lines.Select((line, i) => line.StartsWith("us: ", StringComparison.Ordinal)
            ? new ConversationTurn(false, line[4..], Start.AddHours(i), "touch")
            : new ConversationTurn(true, line.StartsWith("them: ", StringComparison.Ordinal) ? line[6..] : line, Start.AddHours(i), "reply")),
    ];

    /// <summary>Our opening text, as SMS_1 says it.</summary>
    public const string Opener = "us: Hi Sam, it's Alex with Harbor Realty. Are you still thinking about making a move? Reply STOP to opt out";

    public static ProspectContext NoHint => ProspectContext.None;

    public static ProspectContext Hint(string leadType) => new(leadType, "ghl_pipeline", []);
}
