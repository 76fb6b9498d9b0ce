using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sdr.Tests.Unit.GoHighLevel;

namespace Sdr.Tests.Unit.Sourcing;

/// <summary>The searches a prospecting cycle reads: every page, each item once, however the pages move.</summary>
public sealed class SourcingClientPagingTests
{
    private static readonly DateTimeOffset Before = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SearchOpenOpportunities_250InAStage_ReadsThreePagesByTheCursor()
    {
        var all = Enumerable.Range(0, 250).Select(i => (Id: $"opp{i:D3}", Contact: $"c{i:D3}", Ms: 1_700_000_000_000L + i)).ToList();
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, _) => Task.FromResult(OpportunityPage(request, all))));

        var found = await harness.Client.SearchOpenOpportunitiesAsync(GhlTestHarness.LocationA, "stage-1");

        found.Select(o => o.ContactId).ShouldBe(all.Select(a => a.Contact));
        harness.Handler.Count.ShouldBe(3);
        harness.Handler.Requests.ShouldAllBe(r => r.Uri.Query.Contains("status=open") && r.Uri.Query.Contains("limit=100"));
        harness.Handler.Requests[1].Uri.Query.ShouldContain("startAfterId=opp099");
    }

    [Fact]
    public async Task SearchOpenOpportunities_APageServedTwice_KeepsEachOpportunityOnce()
    {
        var all = Enumerable.Range(0, 200).Select(i => (Id: $"opp{i:D3}", Contact: $"c{i:D3}", Ms: 1_700_000_000_000L + i)).ToList();
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, index) =>
            Task.FromResult(index == 1 ? OpportunityPage(new Uri("https://x/opportunities/search"), all) : OpportunityPage(request, all))));

        var found = await harness.Client.SearchOpenOpportunitiesAsync(GhlTestHarness.LocationA, "stage-1");

        found.Select(o => o.Id).ShouldBe(all.Select(a => a.Id));
    }

    [Fact]
    public async Task SearchContactsUpdatedBefore_AContactUpdatedMidScan_NeitherSkipsNorRepeatsTheOthers()
    {
        // 1,200 contacts sorted by dateUpdated; while page 1 is read, contact 10 is updated (it leaves the filter).
        var contacts = Enumerable.Range(0, 1_200).Select(i => (Id: $"c{i:D4}", Ms: 1_600_000_000_000L + (i * 1000L))).ToList();
        var updated = new HashSet<string>();
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, index) =>
        {
            if (index == 1)
            {
                updated.Add("c0010");
            }

            return Task.FromResult(ContactPage(request, contacts.Where(c => !updated.Contains(c.Id)).ToList()));
        }));

        var found = await harness.Client.SearchContactsUpdatedBeforeAsync(GhlTestHarness.LocationA, Before);

        found.Count.ShouldBe(1_200);
        found.Select(c => c.Id).Distinct().Count().ShouldBe(1_200);
        harness.Handler.Count.ShouldBe(3);
        JsonNode.Parse(harness.Handler.Requests[0].Body!)!["pageLimit"]!.GetValue<int>().ShouldBe(500);
        JsonNode.Parse(harness.Handler.Requests[1].Body!)!["searchAfter"].ShouldNotBeNull();
    }

    [Fact]
    public async Task GetLastMessageDatesSince_PagesNewestFirst_UntilTheDatesPassTheCutoff()
    {
        var since = Before;
        var conversations = Enumerable.Range(0, 250)
            .Select(i => (Contact: $"c{i:D3}", Ms: since.AddDays(20).ToUnixTimeMilliseconds() - (i * 3_600_000L * 2)))
            .ToList();
        using var harness = GhlTestHarness.Create(new FakeGhlHandler((request, _) => Task.FromResult(ConversationPage(request, conversations))));

        var dates = await harness.Client.GetLastMessageDatesSinceAsync(GhlTestHarness.LocationA, since);

        dates.Count.ShouldBe(conversations.Count(c => c.Ms >= since.ToUnixTimeMilliseconds()));
        harness.Handler.Count.ShouldBe(3);
        harness.Handler.Requests.ShouldAllBe(r => r.Uri.Query.Contains("sortBy=last_message_date") && r.Uri.Query.Contains("sort=desc"));
    }

    private static HttpResponseMessage OpportunityPage(RecordedRequest request, List<(string Id, string Contact, long Ms)> all) => OpportunityPage(request.Uri, all);

    private static HttpResponseMessage OpportunityPage(Uri uri, List<(string Id, string Contact, long Ms)> all)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var afterId = query["startAfterId"];
        var rest = afterId is null ? all : all.SkipWhile(a => string.CompareOrdinal(a.Id, afterId) <= 0).ToList();
        var page = rest.Take(100).ToList();
        var body = new
        {
            opportunities = page.Select(a => new { id = a.Id, contactId = a.Contact, status = "open", pipelineStageId = "stage-1", contact = new { id = a.Contact, phone = "+12149301234" } }),
            meta = new { total = all.Count, startAfterId = page.LastOrDefault().Id, startAfter = page.Count == 0 ? (long?)null : page[^1].Ms },
        };
        return FakeGhlHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(body));
    }

    private static HttpResponseMessage ContactPage(RecordedRequest request, List<(string Id, long Ms)> matching)
    {
        var body = JsonNode.Parse(request.Body!)!;
        var limit = body["pageLimit"]!.GetValue<int>();
        IEnumerable<(string Id, long Ms)> rest = matching;
        if (body["searchAfter"] is JsonArray after)
        {
            var (ms, id) = (after[0]!.GetValue<long>(), after[1]!.GetValue<string>());
            rest = matching.SkipWhile(c => c.Ms < ms || (c.Ms == ms && string.CompareOrdinal(c.Id, id) <= 0));
        }
        else
        {
            rest = matching.Skip(((body["page"]?.GetValue<int>() ?? 1) - 1) * limit);
        }

        var page = rest.Take(limit).Select(c => new { id = c.Id, phone = "+12149301234", dateUpdated = DateTimeOffset.FromUnixTimeMilliseconds(c.Ms).ToString("O", CultureInfo.InvariantCulture), searchAfter = new object[] { c.Ms, c.Id } });
        return FakeGhlHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { contacts = page, total = matching.Count }));
    }

    private static HttpResponseMessage ConversationPage(RecordedRequest request, List<(string Contact, long Ms)> all)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.Uri.Query);
        var rest = query["startAfterDate"] is { } after ? all.Where(c => c.Ms < long.Parse(after, CultureInfo.InvariantCulture)) : all;
        var page = rest.Take(100).Select(c => new { id = "conv-" + c.Contact, contactId = c.Contact, lastMessageDate = c.Ms });
        return FakeGhlHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { conversations = page, total = all.Count }));
    }
}
