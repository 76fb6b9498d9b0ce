using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;

namespace Sdr.Core.Replies;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Reply classification: the compliance layer (STOP, HELP, START) with its settings (sdr:compliance:replies)
    /// and the <see cref="ObjectionHandler"/> over it.
    /// </summary>
    public static IHostApplicationBuilder AddReplies(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<ReplyComplianceOptions>(ReplyComplianceOptions.SectionName);
        services.TryAddSingleton<ComplianceKeywordClassifier>();
        services.TryAddSingleton<ObjectionHandler>();
        return builder;
    }
}
