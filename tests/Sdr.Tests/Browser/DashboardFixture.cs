using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;

namespace Sdr.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}

/// <summary>
/// One server on a real port with a seeded database (an A/B test of two variants, thirty contacts enrolled through the API, the cadence run for
/// three days on the fake clock with a daily SMS cap that defers some texts, replies sent as signed webhooks: a price objection, a STOP and one holding a
/// script tag) and one Chromium, shared by the dashboard's browser tests.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ApiKey = "dashboard-test-key-5b1f0c";
    public const string ScriptReply = "<script>alert(1)</script> how much do you charge?";
    public const int EnrolledCount = 30;

    /// <summary>Below the enrolment's thirty first texts, so the location's cap defers some of them to the next day.</summary>
    public const int DailySmsCap = 25;

    private IPlaywright? _playwright;

    public SdrTestHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IReadOnlyList<SandboxContact> Contacts { get; private set; } = [];
    public SandboxContact ScriptContact => Contacts[0];
    public SandboxContact StopContact => Contacts[1];
    public SandboxContact PriceContact => Contacts[2];

    /// <summary>The A/B test created before the enrolment, so the contacts are split between its two variants.</summary>
    public long ExperimentId { get; private set; }

    public async Task InitializeAsync()
    {
        if (Chromium.Path is not { } chromium)
        {
            if (Chromium.Required)
            {
                throw new InvalidOperationException("CI=true but no Chromium: scripts/test.sh installs Debian's chromium and sets SDR_TEST_CHROMIUM.");
            }

            return;
        }

        Host = await SdrTestHost.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Sdr:ApiKey"] = ApiKey,
            ["sdr:rate_limits:daily_sms_cap"] = DailySmsCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, realPort: true);
        Host.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies) on the dashboard.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Host.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 1366, Height = 900 },
        });
        // The suite runs other test classes beside this one on two cores, and a page's first render compiles its
        // queries: Playwright's 30 s default was missed once in CI.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh context signed in through the sign-in form.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#api_key", ApiKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Keeps a full-page screenshot as a test artefact: TestResults/screenshots/{name}.png at the repository root.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    private async Task SeedAsync()
    {
        var experiment = await Host.Client.PostAsJsonAsync("/sdr/ab-tests", new
        {
            name = "Opener",
            variants = new[] { new { name = "consultative", weight = 50 }, new { name = "direct", weight = 50 } },
        });
        experiment.StatusCode.ShouldBe(HttpStatusCode.Created);
        ExperimentId = (await experiment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Contacts = Host.TextableContacts(EnrolledCount);
        (await Host.EnrollAsync([.. Contacts.Select(c => c.Id)])).EnsureSuccessStatusCode();
        for (var i = 0; i < 12; i++)
        {
            Host.Clock.Advance(TimeSpan.FromHours(6));
            await Host.ProcessBatchAsync();
        }

        await ReplyAsync(PriceContact, "Prices are way too expensive right now, we can't afford anything");
        await ReplyAsync(StopContact, "STOP");
        await ReplyAsync(ScriptContact, ScriptReply);
    }

    private async Task ReplyAsync(SandboxContact contact, string body)
    {
        var response = await Host.Sandbox.Webhooks.SimulateInboundReplyAsync(Host.LocationId, contact.Id, body, SdrTestHost.Webhook("reply"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Host.WaitForWebhooksAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SdrAgent.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SdrAgent.slnx not found above the test output.");
    }
}
