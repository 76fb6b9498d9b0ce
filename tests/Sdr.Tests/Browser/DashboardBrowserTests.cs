using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Support;

namespace Sdr.Tests.Browser;

/// <summary>The dashboard in Chromium over a seeded database: sign-in, every page, filters, paging, search, escaping.</summary>
[Collection(DashboardCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Browser)]
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    [BrowserFact]
    public async Task SignIn_WithAWrongKey_IsRefusedWithAClearMessage_AndNoSession()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#api_key", "not-the-key");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");

        response.Status.ShouldBe(401);
        (await page.Locator(".error").InnerTextAsync()).ShouldContain("not this server's API key");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "sdr_dashboard");
        await DashboardFixture.ScreenshotAsync(page, "sign-in-refused");
    }

    [BrowserFact]
    public async Task SignIn_WithTheKey_SetsAStrictHttpOnlyCookie_ThatOnlyTheDashboardAccepts()
    {
        var page = await fixture.SignedInPageAsync();

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "sdr_dashboard");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Strict);
        cookie.Secure.ShouldBeFalse("the test server is plain HTTP; over HTTPS the cookie is Secure");
        (await page.EvaluateAsync<string>("document.cookie")).ShouldNotContain("sdr_dashboard");

        // The browser sends the cookie, yet the JSON API answers only X-Api-Key.
        var api = await page.GotoAsync($"/sdr/prospects/{fixture.PriceContact.Id}");
        api!.Status.ShouldBe(401);

        using var client = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"sdr_dashboard={cookie.Value}");
        (await client.GetAsync($"/sdr/stats/objections?location_id={fixture.Host.LocationId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [BrowserFact]
    public async Task Page_WithoutSigningIn_GoesToSignIn_AndBackAfterIt()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/objections?days=7");
        page.Url.ShouldContain("/sign-in?return_url=");

        await page.FillAsync("#api_key", DashboardFixture.ApiKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/objections?days=7");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Objections");
    }

    [BrowserFact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("form.sign-out button");
        await page.WaitForURLAsync("**/sign-in");

        await page.GotoAsync("/contacts");
        page.Url.ShouldContain("/sign-in");
    }

    [BrowserFact]
    public async Task Contacts_ArePagedByTwentyFive_AndTheNextPageShowsTheRest()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/contacts");

        (await page.Locator(".summary").GetAttributeAsync("data-total")).ShouldBe(DashboardFixture.EnrolledCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.Locator("#contacts tbody tr").CountAsync()).ShouldBe(25);
        await DashboardFixture.ScreenshotAsync(page, "contacts");

        await page.ClickAsync("a[rel=next]");
        await page.WaitForURLAsync("**/contacts?page=2*");
        (await page.Locator("#contacts tbody tr").CountAsync()).ShouldBe(DashboardFixture.EnrolledCount - 25);
        (await page.Locator(".pager").InnerTextAsync()).ShouldContain("Page 2 of 2");
    }

    [BrowserFact]
    public async Task Contacts_Search_FindsAContactByPhoneInAnyFormat_ByName_AndByIdPrefix()
    {
        var page = await fixture.SignedInPageAsync();
        var contact = fixture.PriceContact;
        var digits = new string(contact.Phone!.Where(char.IsAsciiDigit).ToArray())[^10..];

        foreach (var query in new[] { $"({digits[..3]}) {digits[3..6]}-{digits[6..]}", contact.Id[..8] })
        {
            await page.GotoAsync("/contacts");
            await page.FillAsync("input[name=q]", query);
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**/contacts?*q=*");
            (await page.Locator("#contacts tbody").InnerTextAsync()).ShouldContain(contact.Id, customMessage: query);
        }

        await page.GotoAsync($"/contacts?q={Uri.EscapeDataString(contact.FirstName!.ToUpperInvariant())}");
        var names = await page.Locator("#contacts tbody tr td:first-child").AllInnerTextsAsync();
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(n => n.Contains(contact.FirstName!, StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/contacts?q=nobody-has-this-name");
        (await page.Locator("#contacts").CountAsync()).ShouldBe(0);
        (await page.Locator(".empty").InnerTextAsync()).ShouldContain("No contact matches");
    }

    [BrowserFact]
    public async Task Contacts_StateFilter_ShowsOnlyContactsInThatState()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/contacts");
        await page.SelectOptionAsync("select[name=state]", "ended");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/contacts?*state=ended*");

        var statuses = await page.Locator("#contacts tbody .pill").AllInnerTextsAsync();
        statuses.ShouldNotBeEmpty();
        statuses.ShouldAllBe(s => s.StartsWith("ended", StringComparison.Ordinal));
        (await page.Locator("#contacts tbody").InnerTextAsync()).ShouldContain(fixture.StopContact.Id);
    }

    [BrowserFact]
    public async Task ContactPage_ShowsEveryTouchWithItsText_TheReplyWithItsClassification_AndTheDecisions()
    {
        var page = await fixture.SignedInPageAsync();
        var sequence = await fixture.Host.GetSequenceAsync(fixture.PriceContact.Id);
        await page.GotoAsync($"/contacts?q={fixture.PriceContact.Id}");
        await page.ClickAsync($"#contacts a[href^='/contacts/{fixture.PriceContact.Id}']");
        await page.WaitForURLAsync($"**/contacts/{fixture.PriceContact.Id}?*");

        var touches = page.Locator("#timeline li[data-kind=touch]");
        (await touches.CountAsync()).ShouldBe(sequence.GetProperty("touches").GetArrayLength());
        (await touches.First.Locator("blockquote").InnerTextAsync()).ShouldContain("Reply STOP to opt out");
        var reply = await page.Locator("#timeline li[data-kind=reply]").InnerTextAsync();
        reply.ShouldContain("Prices are way too expensive");
        reply.ShouldContain("Classified as price");
        reply.ShouldContain("decided by patterns");
        reply.ShouldContain("What the agent did: answered price");
        var deferrals = sequence.GetProperty("decisions").EnumerateArray().Count(d => d.GetProperty("outcome").GetString() != "sent");
        (await page.Locator("#timeline li[data-kind=decision]").CountAsync()).ShouldBe(deferrals);
        if (deferrals > 0)
        {
            (await page.Locator("#timeline li[data-kind=decision]").First.InnerTextAsync()).ShouldContain("Why:");
        }

        (await page.Locator("#timeline li[data-kind=event]").AllInnerTextsAsync()).ShouldContain(e => e.Contains("Cadence paused"));
        (await page.Locator("#contact-status").InnerTextAsync()).ShouldBe("paused");
        await DashboardFixture.ScreenshotAsync(page, "contact");
    }

    [BrowserFact]
    public async Task ContactPage_AReplyHoldingAScriptTag_ShowsAsText_AndNeverRuns()
    {
        var page = await fixture.SignedInPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync($"/contacts/{fixture.ScriptContact.Id}");

        var reply = page.Locator("#timeline li[data-kind=reply] blockquote");
        (await reply.InnerTextAsync()).ShouldBe(DashboardFixture.ScriptReply);
        (await reply.IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<int>("document.querySelectorAll('script').length")).ShouldBe(0);
        dialogs.ShouldBe(0);
        await DashboardFixture.ScreenshotAsync(page, "contact-script-reply");
    }

    [BrowserFact]
    public async Task ContactPage_OfAStop_ShowsTheOptOut()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/contacts/{fixture.StopContact.Id}");

        (await page.Locator("#contact-status").InnerTextAsync()).ShouldStartWith("ended");
        (await page.Locator("#timeline li[data-kind=reply]").InnerTextAsync()).ShouldContain("STOP");
        (await page.Locator("#timeline").InnerTextAsync()).ShouldContain("Opt-out confirmation");
    }

    [BrowserFact]
    public async Task UnknownContact_AnswersNotFound()
    {
        var page = await fixture.SignedInPageAsync();
        var response = await page.GotoAsync("/contacts/never-enrolled-1");
        response!.Status.ShouldBe(404);
        (await page.Locator("main").InnerTextAsync()).ShouldContain("was ever enrolled");
    }

    [BrowserFact]
    public async Task Objections_MatchTheStatsApi_AndTheDaysFilterApplies()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/objections");
        await page.SelectOptionAsync("select[name=days]", "7");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/objections?*days=7*");

        var api = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/sdr/stats/objections?location_id={fixture.Host.LocationId}&days=7");
        (await page.Locator("#human-replies").InnerTextAsync()).ShouldBe(api.GetProperty("replies").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var objections = api.GetProperty("objections").EnumerateArray().ToList();
        objections.ShouldContain(o => o.GetProperty("objection_type").GetString() == "price");
        foreach (var objection in objections)
        {
            var row = page.Locator($"#objections tr[data-type='{objection.GetProperty("objection_type").GetString()}']");
            (await row.Locator("[data-field=count]").InnerTextAsync()).ShouldBe(objection.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await row.Locator("[data-field=pending]").InnerTextAsync()).ShouldBe(objection.GetProperty("outcomes").GetProperty("pending").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        (await page.Locator("figure.chart svg rect").CountAsync()).ShouldBe(objections.Count);
        await DashboardFixture.ScreenshotAsync(page, "objections");
    }

    [BrowserFact]
    public async Task Overview_ShowsTheNumbersOfTheStatsApi_ForTheChosenWindow()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/");
        await page.SelectOptionAsync("select[name=days]", "7");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/?*days=7*");

        var location = fixture.Host.LocationId;
        var stats = (await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/sdr/stats?location_id={location}&days=7")).GetProperty("window");
        var funnel = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/sdr/stats/sequences?location_id={location}&days=7");
        stats.GetProperty("enrolled").GetInt32().ShouldBe(DashboardFixture.EnrolledCount);
        (await Tile(page, "enrolled")).ShouldBe(Text(stats.GetProperty("enrolled").GetInt32()));
        (await Tile(page, "touches")).ShouldBe(Text(stats.GetProperty("touches").GetProperty("total").GetInt32()));
        (await Tile(page, "replies")).ShouldBe(Text(stats.GetProperty("replies").GetProperty("total").GetInt32()));
        (await Tile(page, "reply_rate")).ShouldBe(stats.GetProperty("replies").GetProperty("reply_rate").GetDouble().ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture));
        (await Tile(page, "opted_out")).ShouldBe(Text(stats.GetProperty("opted_out").GetInt32()));
        (await Tile(page, "deferred")).ShouldBe(Text(stats.GetProperty("dispatch").GetProperty("deferred").GetInt32()));
        (await Tile(page, "blocked")).ShouldBe(Text(stats.GetProperty("dispatch").GetProperty("blocked").GetInt32()));

        var steps = funnel.GetProperty("funnel").EnumerateArray().ToList();
        (await page.Locator("#funnel tbody tr").CountAsync()).ShouldBe(steps.Count);
        foreach (var step in steps)
        {
            var row = page.Locator($"#funnel tr[data-name='{step.GetProperty("step").GetString()}']");
            (await row.Locator("[data-field=reached]").TextContentAsync()).ShouldBe(Text(step.GetProperty("reached").GetInt32()));
            (await row.Locator("[data-field=replied]").TextContentAsync()).ShouldBe(Text(step.GetProperty("replied").GetInt32()));
            (await row.Locator("[data-field=opted_out]").TextContentAsync()).ShouldBe(Text(step.GetProperty("opted_out").GetInt32()));
        }

        foreach (var variant in funnel.GetProperty("variants").EnumerateArray())
        {
            var row = page.Locator($"#variants tr[data-name='{variant.GetProperty("variant").GetString()}']");
            (await row.Locator("[data-field=reached]").TextContentAsync()).ShouldBe(Text(variant.GetProperty("enrolled").GetInt32()));
            (await row.Locator("[data-field=replied]").TextContentAsync()).ShouldBe(Text(variant.GetProperty("replied").GetInt32()));
        }

        var deferredByReason = stats.GetProperty("dispatch").GetProperty("deferred_by_reason").EnumerateObject().Where(r => r.Value.GetInt32() > 0).ToList();
        deferredByReason.ShouldNotBeEmpty("the seed's daily SMS cap defers some first texts");
        foreach (var reason in deferredByReason)
        {
            (await page.Locator($"#dispatch-reasons tr[data-verdict=deferred][data-reason='{reason.Name}'] td.num").TextContentAsync()).ShouldBe(Text(reason.Value.GetInt32()));
        }

        var (touches, replies) = await fixture.Host.WithDbAsync(async db => (
            await db.Touches.CountAsync(t => t.Status == TouchStatus.Sent),
            await db.Replies.CountAsync(r => !r.IsAutoResponder)));
        (await page.Locator("#activity-touches").TextContentAsync()).ShouldBe(Text(touches));
        (await page.Locator("#activity-replies").TextContentAsync()).ShouldBe(Text(replies));
        (await page.Locator("#activity-table tbody tr").CountAsync()).ShouldBe(7);
        (await page.Locator("#alerts").CountAsync()).ShouldBe(1);
        await DashboardFixture.ScreenshotAsync(page, "overview");
    }

    private static async Task<string?> Tile(IPage page, string field) =>
        await page.Locator($"#totals .tile[data-field={field}] .value").TextContentAsync();

    [BrowserFact]
    public async Task Experiments_ShowEachVariantsResults_AndTheVerdict_AsTheApiGivesThem()
    {
        var page = await fixture.SignedInPageAsync();
        var response = await page.GotoAsync("/experiments");
        response!.Status.ShouldBe(200);

        var api = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"/sdr/ab-tests/{fixture.ExperimentId}");
        var card = page.Locator($"section.experiment[data-id='{fixture.ExperimentId}']");
        (await card.Locator(".verdict").InnerTextAsync()).ShouldContain(api.GetProperty("verdict").GetString()!);
        var variants = api.GetProperty("variants").EnumerateArray().ToList();
        variants.Sum(v => v.GetProperty("assigned").GetInt32()).ShouldBe(DashboardFixture.EnrolledCount);
        foreach (var variant in variants)
        {
            var row = card.Locator($"tr[data-variant='{variant.GetProperty("name").GetString()}']");
            (await row.Locator("[data-field=assigned]").TextContentAsync()).ShouldBe(Text(variant.GetProperty("assigned").GetInt32()));
            var replyRate = variant.GetProperty("rates").GetProperty("reply_rate").GetProperty("rate").GetDouble();
            (await row.Locator("[data-field=reply_rate]").InnerTextAsync()).ShouldStartWith(replyRate.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture));
        }

        await DashboardFixture.ScreenshotAsync(page, "experiments");
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
