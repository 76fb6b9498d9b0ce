using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sdr.Core.Configuration;

namespace Sdr.Core.Booking;

public static class ServiceCollectionExtensions
{
    /// <summary>The pure parts of booking (sdr:booking): which free slots to offer and how to read the prospect's pick.</summary>
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSdrOptions<BookingOptions>(BookingOptions.SectionName);
        services.TryAddSingleton<SlotOfferPlanner>();
        services.TryAddSingleton<SlotPickParser>();
        return builder;
    }
}
