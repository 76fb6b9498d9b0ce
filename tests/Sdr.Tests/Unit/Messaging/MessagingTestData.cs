using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Configuration;
using Sdr.Core.Messaging;
using Sdr.Core.Profiles;

namespace Sdr.Tests.Unit.Messaging;

/// <summary>The shipped templates (config/templates, copied beside the tests), an engine over them, and prospects to fill them for.</summary>
internal static class MessagingTestData
{
    public static readonly string ShippedTemplates = Path.Combine(AppContext.BaseDirectory, "config", "templates");

    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public static PersonalizationEngine Engine(string? directory = null) =>
        new(MessageTemplates.Load(directory ?? ShippedTemplates, "consultative"), Options.Create(new MessagingOptions()), Clock);

    public static ProspectFacts ExpiredOwner(string? address = "12 Oak St", int? daysOnMarket = 94) => new("Maria", "seller", "expired_mls")
    {
        Profile = new ProspectProfile
        {
            Address = address,
            City = "Tampa",
            ListingSource = "expired_mls",
            ListingStatus = "Expired",
            DaysOnMarket = daysOnMarket,
            ListPrice = 410_000m,
            OriginalListPrice = 450_000m,
            PriceHistory = PriceHistory.Of(450_000m, 430_000m, 410_000m),
        },
    };

    /// <summary>A templates folder of its own: the shipped files, then <paramref name="files"/> (path relative to it, content) written over them.</summary>
    public static string TemplatesWith(params (string Path, string Content)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("sdr-templates-").FullName;
        foreach (var file in Directory.EnumerateFiles(ShippedTemplates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(ShippedTemplates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var (path, content) in files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        return directory;
    }
}
