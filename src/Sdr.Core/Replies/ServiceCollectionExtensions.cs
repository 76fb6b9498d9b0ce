using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;

namespace Sdr.Core.Replies;

public static class ServiceCollectionExtensions
{
    /// <summary>The compliance layer of reply classification (STOP, HELP, START) and its settings (sdr:compliance:replies).</summary>
    public static IHostApplicationBuilder AddReplies(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<ReplyComplianceOptions>(ReplyComplianceOptions.SectionName);
        services.TryAddSingleton<ComplianceKeywordClassifier>();
        return builder;
    }
}
