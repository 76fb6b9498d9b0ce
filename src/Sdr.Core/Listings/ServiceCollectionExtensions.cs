using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Sdr.Core.Configuration;

namespace Sdr.Core.Listings;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The listing sources (<c>sdr:listings</c>): the RESO feed client (retries with exponential backoff and a
    /// timeout per attempt), the staging table's stager, the CSV import and <see cref="IListingCandidates"/>.
    /// </summary>
    public static IHostApplicationBuilder AddListings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<ListingsOptions>(ListingsOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ListingsOptions>, ListingsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ResoTokenCache>();
        services.AddHttpClient<ResoFeedClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("reso-feed", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ListingsOptions>>().Value;

                // A network wait runs on the wall clock, like the GHL client's (GhlClock): a test's fake clock must not
                // hold a feed's retry delay or timeout forever.
                pipeline.TimeProvider = TimeProvider.System;
                if (settings.FeedMaxAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.FeedMaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(settings.FeedRetryBaseDelayMs),
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.FeedTimeoutSeconds));
            });
        services.TryAddScoped<ListingStager>();
        services.TryAddScoped<ListingFeedReader>();
        services.TryAddScoped<ListingCsvImport>();
        services.TryAddScoped<IListingCandidates, ListingCandidates>();
        return builder;
    }
}
