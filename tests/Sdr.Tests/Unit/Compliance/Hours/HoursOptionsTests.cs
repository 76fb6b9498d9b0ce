using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sdr.Core.Compliance;
using Sdr.Core.Compliance.Hours;
using Sdr.Core.Configuration;
using static Sdr.Tests.Unit.Compliance.Hours.HoursTestData;

namespace Sdr.Tests.Unit.Compliance.Hours;

/// <summary>The shipped sdr:compliance:hours section, bound and validated as start-up does it.</summary>
public sealed class HoursOptionsTests
{
    [Fact]
    public void ShippedSection_BindsAndValidates()
    {
        var options = Bind();

        options.Start.ShouldBe("08:00");
        options.End.ShouldBe("21:00");
        options.States["FL"].End.ShouldBe("20:00");
        options.States["OK"].End.ShouldBe("20:00");
        options.States["MD"].End.ShouldBe("20:00");
        options.States["TX"].Start.ShouldBe("09:00");
        options.States["TX"].Days["sunday"].Start.ShouldBe("12:00");
    }

    [Fact]
    public void ShippedRules_BehaveAsTheSpecSays()
    {
        var policy = new QuietHoursPolicy(Options.Create(Bind()));

        policy.NextAllowedUtc(Utc("2026-07-07T00:00:00"), Recipient("America/New_York", "FL")).ShouldBe(Utc("2026-07-07T12:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-05T16:59:00"), Recipient("America/Chicago", "TX")).ShouldBe(Utc("2026-07-05T17:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-04T13:59:00"), Recipient("America/Chicago", "TX")).ShouldBe(Utc("2026-07-04T14:00:00"));
    }

    [Fact]
    public void ShippedRules_UnknownEverything_AllowOnly1000HawaiiTo1800Eastern_OnWeekdays()
    {
        // Strictest of all states: KY opens at 10:00, RI closes at 18:00 on weekdays and bans Sundays.
        var policy = new QuietHoursPolicy(Options.Create(Bind()));

        policy.NextAllowedUtc(Utc("2026-07-06T19:59:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-07-06T20:00:00"));
        policy.NextAllowedUtc(Utc("2026-07-06T21:59:00"), RecipientInfo.Unknown).ShouldBeNull();
        policy.NextAllowedUtc(Utc("2026-07-05T21:00:00"), RecipientInfo.Unknown).ShouldBe(Utc("2026-07-06T20:00:00"));
    }

    [Theory]
    [InlineData("sdr:compliance:hours:states:FL:end", "8pm", "sdr:compliance:hours:states:FL:end")]
    [InlineData("sdr:compliance:hours:states:TX:days:sunday:start", "25:00", "sdr:compliance:hours:states:TX:days:sunday:start")]
    [InlineData("sdr:compliance:hours:start", "8:00am", "sdr:compliance:hours:start")]
    [InlineData("sdr:compliance:hours:states:FL:ends", "20:00", "sdr:compliance:hours:states:FL:ends")]
    [InlineData("sdr:compliance:hours:states:TX:days:funday:start", "10:00", "sdr:compliance:hours:states:TX:days:funday is not a day")]
    [InlineData("sdr:compliance:hours:states:TX:no_messages_on:0", "someday", "sdr:compliance:hours:states:TX:no_messages_on:0")]
    [InlineData("sdr:compliance:hours:states:AL:holidays:0", "festivus", "sdr:compliance:hours:states:AL:holidays:0")]
    public void BadSetting_NamesTheKey(string key, string value, string named)
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind((key, value)));

        string.Join(" | ", exception.Failures).ShouldContain(named, Case.Insensitive);
    }

    [Fact]
    public void StartAfterEnd_NamesTheKey()
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind(("sdr:compliance:hours:states:FL:start", "21:00")));

        string.Join(" | ", exception.Failures).ShouldContain("sdr:compliance:hours:states:FL: start 21:00 must be before end 20:00");
    }

    [Fact]
    public void FederalStartAfterEnd_NamesTheKey()
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind(("sdr:compliance:hours:start", "22:00")));

        string.Join(" | ", exception.Failures).ShouldContain("sdr:compliance:hours: start 22:00 must be before end 21:00");
    }

    [Theory]
    [InlineData("Florida")]
    [InlineData("ZZ")]
    public void UnknownStateCode_NamesTheKey(string code)
    {
        var exception = Should.Throw<OptionsValidationException>(() => Bind(($"sdr:compliance:hours:states:{code}:end", "20:00")));

        string.Join(" | ", exception.Failures).ShouldContain($"sdr:compliance:hours:states:{code} is not a US state code");
    }

    [Fact]
    public void EveryDayBanned_IsRefused()
    {
        var options = FederalOnly();
        options.States["AL"] = new StateHoursOptions { NoMessagesOn = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] };

        Should.Throw<OptionsValidationException>(() => Policy(options)).Message.ShouldContain("sdr:compliance:hours:states:AL:no_messages_on");
    }

    private static HoursOptions Bind(params (string Key, string Value)[] overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddYamlFile(Path.Combine(AppContext.BaseDirectory, "config", "sdr_config.yaml"), optional: false, reloadOnChange: false)
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSdrOptions<HoursOptions>(HoursOptions.SectionName);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<HoursOptions>>().Value;
    }
}
