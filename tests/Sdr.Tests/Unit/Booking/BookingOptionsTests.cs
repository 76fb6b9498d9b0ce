using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sdr.Core.Booking;
using Sdr.Core.Configuration;

namespace Sdr.Tests.Unit.Booking;

/// <summary>The shipped sdr:booking section, bound and validated as start-up does it.</summary>
public sealed class BookingOptionsTests
{
    [Fact]
    public void ShippedSection_BindsToTheDefaults()
    {
        var options = Bind();

        options.OfferCount.ShouldBe(3);
        options.SearchDays.ShouldBe(7);
        options.MinimumNoticeMinutes.ShouldBe(120);
        options.AppointmentTitle.ShouldBe("Call with {sender_name}");
        options.AppointmentMinutes.ShouldBe(30);
        options.MaxOfferRounds.ShouldBe(3);
        options.OfferExpiryHours.ShouldBe(48);
        options.EarliestLocal.ShouldBe("09:00");
        options.LatestLocal.ShouldBe("18:00");
    }

    [Theory]
    [InlineData("sdr:booking:offer_count", "4", "sdr:booking:offer_count")]
    [InlineData("sdr:booking:offer_count", "1", "sdr:booking:offer_count")]
    [InlineData("sdr:booking:search_days", "0", "sdr:booking:search_days")]
    [InlineData("sdr:booking:minimum_notice_minutes", "-1", "sdr:booking:minimum_notice_minutes")]
    [InlineData("sdr:booking:appointment_minutes", "0", "sdr:booking:appointment_minutes")]
    [InlineData("sdr:booking:appointment_title", "", "sdr:booking:appointment_title")]
    [InlineData("sdr:booking:max_offer_rounds", "0", "sdr:booking:max_offer_rounds")]
    [InlineData("sdr:booking:offer_expiry_hours", "0", "sdr:booking:offer_expiry_hours")]
    [InlineData("sdr:booking:earliest_local", "9am", "sdr:booking:earliest_local")]
    [InlineData("sdr:booking:latest_local", "25:00", "sdr:booking:latest_local")]
    [InlineData("sdr:booking:latest_local", "08:00", "earliest_local 09:00 to latest_local 08:00")]
    [InlineData("sdr:booking:latest_local", "09:15", "must leave room for one appointment")]
    [InlineData("sdr:booking:offer_counts", "3", "sdr:booking:offer_counts")]
    public void BadSetting_NamesTheKey(string key, string value, string named)
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind((key, value)));

        string.Join(" | ", exception.Failures).ShouldContain(named, Case.Insensitive);
    }

    [Fact]
    public void AddBooking_RegistersThePlannerAndParserOnce()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false);

        builder.AddBooking();
        using var provider = builder.Services.BuildServiceProvider();

        provider.GetRequiredService<SlotOfferPlanner>().ShouldBeSameAs(provider.GetRequiredService<SlotOfferPlanner>());
        provider.GetRequiredService<SlotPickParser>().ShouldNotBeNull();
        provider.GetRequiredService<IOptions<BookingOptions>>().Value.OfferCount.ShouldBe(3);
    }

    private static BookingOptions Bind(params (string Key, string Value)[] overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false)
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSdrOptions<BookingOptions>(BookingOptions.SectionName);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BookingOptions>>().Value;
    }
}
