using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Core.Sequences;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

/// <summary>
/// POST /sdr/prospects/enroll: up to 25 ids answered with the lists, more stored as a job (202) that a worker fills in;
/// SMS_1 is queued, never sent inside the request, and a list is never left half done.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class EnrollmentJobTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Enrol25Ids_AnswersWithTheLists_AndSendsNothingUntilTheCadenceRuns(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(25).Select(c => c.Id).ToArray();

        var response = await host.PostEnrollAsync(contacts);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("total_enrolled").GetInt32().ShouldBe(25);
        body.GetProperty("enrolled").EnumerateArray().Select(e => e.GetString()).ShouldBe(contacts);
        host.Sandbox.State.SentMessages.ShouldBeEmpty();

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.ProcessBatchAsync()).GetProperty("dispatched").GetInt32().ShouldBe(25);
        host.Sandbox.State.SentMessages.Select(m => m.ContactId).Distinct().Count().ShouldBe(25);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Enrol27Ids_Answers202AtOnce_AndGetFillsTheListsAsTheJobRuns(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(26).Select(c => c.Id).Append("NoSuchContact000001").ToArray();

        var response = await host.PostEnrollAsync(contacts);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        accepted.GetProperty("status").GetString().ShouldBe("queued");
        var id = accepted.GetProperty("enrollment_id").GetString()!;
        response.Headers.Location!.ToString().ShouldBe($"/sdr/prospects/enroll/{id}");
        host.Sandbox.State.Requests.ShouldBeEmpty();
        var queued = await host.Client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        queued.GetProperty("status").GetString().ShouldBe("queued");
        queued.GetProperty("requested").GetInt32().ShouldBe(27);
        queued.GetProperty("enrolled").GetArrayLength().ShouldBe(0);

        (await host.RunEnrollmentJobsAsync()).ShouldBe(1);

        var done = await host.Client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        done.GetProperty("status").GetString().ShouldBe("completed");
        done.GetProperty("location_id").GetString().ShouldBe(host.LocationId);
        done.GetProperty("enrolled").EnumerateArray().Select(e => e.GetString()).ShouldBe(contacts[..26]);
        done.GetProperty("total_enrolled").GetInt32().ShouldBe(26);
        done.GetProperty("skipped").GetArrayLength().ShouldBe(0);
        var error = done.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("contact_id").GetString().ShouldBe("NoSuchContact000001");
        error.GetProperty("error").GetString()!.ShouldContain("not found");
        done.GetProperty("completed_at").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(done.GetProperty("created_at").GetDateTimeOffset());
        host.Sandbox.State.SentMessages.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task JobWhoseWorkerDied_IsResumedAfterTheLease_WithoutEnrollingAnyoneTwice(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        var contacts = host.TextableContacts(30).Select(c => c.Id).ToArray();
        var response = await host.PostEnrollAsync(contacts);
        var location = response.Headers.Location!;
        var jobId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enrollment_id").GetString()!);

        // A worker takes the job, enrols ten contacts, records five of them and dies.
        var deadWorker = Guid.NewGuid();
        (await host.WithDbAsync(db => new EnrollmentJobStore(db).TryClaimAsync(deadWorker, host.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(60), default))).ShouldBe(jobId);
        await host.WithDbAsync(async db =>
        {
            (await db.EnrollmentJobs.SingleAsync()).Start(host.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var enrollment = host.Services.GetRequiredService<SequenceEnrollment>();
        (await enrollment.EnrollAsync(new EnrollCommand(contacts[..10], host.LocationId, null, null))).TotalEnrolled.ShouldBe(10);
        await host.WithDbAsync(async db =>
        {
            foreach (var item in await db.EnrollmentJobItems.Where(i => i.JobId == jobId && i.Position < 5).ToListAsync())
            {
                item.Record(EnrollmentItemOutcome.Enrolled, null, host.Clock.GetUtcNow().UtcDateTime);
            }

            return await db.SaveChangesAsync();
        });

        (await host.RunEnrollmentJobsAsync()).ShouldBe(0, "the dead worker's lease still holds");
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        (await host.RunEnrollmentJobsAsync()).ShouldBe(1);

        var done = await host.Client.GetFromJsonAsync<JsonElement>(location);
        done.GetProperty("status").GetString().ShouldBe("completed");
        done.GetProperty("enrolled").EnumerateArray().Select(e => e.GetString()).ShouldBe(contacts);
        done.GetProperty("skipped").GetArrayLength().ShouldBe(0);
        (await host.WithDbAsync(db => db.Sequences.CountAsync())).ShouldBe(30);
        (await host.WithDbAsync(db => db.EnrollmentJobs.SingleAsync())).Attempts.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoWorkersOnOneDatabase_TakeEachJobOnce_AndEnrolEachContactOnce(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider, new Dictionary<string, string?> { ["sdr:rate_limits:max_enrollments_per_hour"] = "1000" });
        var contacts = host.TextableContacts(90).Select(c => c.Id).ToArray();
        contacts.Length.ShouldBe(90);
        var locations = new List<Uri>();
        foreach (var chunk in contacts.Chunk(30))
        {
            var response = await host.PostEnrollAsync(chunk);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            locations.Add(response.Headers.Location!);
        }

        var jobs = host.Services.GetRequiredService<EnrollmentJobs>();
        var completed = await Task.WhenAll(jobs.RunPendingAsync(), jobs.RunPendingAsync());

        completed.Sum().ShouldBe(3);
        foreach (var location in locations)
        {
            var job = await host.Client.GetFromJsonAsync<JsonElement>(location);
            job.GetProperty("status").GetString().ShouldBe("completed");
            job.GetProperty("total_enrolled").GetInt32().ShouldBe(30);
            job.GetProperty("skipped").GetArrayLength().ShouldBe(0, job.ToString());
        }

        (await host.WithDbAsync(db => db.Sequences.CountAsync())).ShouldBe(90);
        (await host.WithDbAsync(db => db.EnrollmentJobs.Select(j => j.Attempts).ToListAsync())).ShouldAllBe(a => a == 1);
    }

    [Fact]
    public async Task UnknownEnrollmentId_Is404ProblemDetails()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-an-enrolment" })
        {
            var response = await host.Client.GetAsync($"/sdr/prospects/enroll/{id}");

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain(id);
        }
    }

    [Fact]
    public async Task LargeRequestWithABadId_Is400NamingTheField_AndStoresNoJob()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var ids = Enumerable.Range(0, 40).Select(i => i == 31 ? "bad id!" : $"contact{i}").ToArray();

        var response = await host.Client.PostAsync(
            "/sdr/prospects/enroll",
            new StringContent(JsonSerializer.Serialize(new { contact_ids = ids, location_id = host.LocationId }), Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contact_ids[31]", out _).ShouldBeTrue();
        (await host.WithDbAsync(db => db.EnrollmentJobs.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ClientGoingAwayMidRequest_StillLeavesTheListFullyEnrolled()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        var contacts = host.TextableContacts(20).Select(c => c.Id).ToArray();
        host.Sandbox.State.ResponseDelay = TimeSpan.FromMilliseconds(150);
        using var goAway = new CancellationTokenSource();

        var request = host.Client.PostAsJsonAsync("/sdr/prospects/enroll", new { contact_ids = contacts, location_id = host.LocationId }, goAway.Token);
        await WaitUntilAsync(() => host.Sandbox.State.Requests.Count > 0);
        await goAway.CancelAsync();
        (await Record.ExceptionAsync(() => request)).ShouldBeAssignableTo<OperationCanceledException>();

        await WaitUntilAsync(async () => await host.WithDbAsync(db => db.Sequences.CountAsync()) == contacts.Length);
        (await host.WithDbAsync(db => db.Sequences.Select(s => s.ContactId).ToListAsync())).ShouldBe(contacts, ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothAnswers_AndTheEnrolmentState()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        var paths = (await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var post = paths.GetProperty("/sdr/prospects/enroll").GetProperty("post").GetProperty("responses");
        post.EnumerateObject().Select(r => r.Name).ShouldBe(["200", "202", "400"], ignoreOrder: true);
        post.GetProperty("202").ToString().ShouldContain("EnrollmentAccepted");
        var get = paths.GetProperty("/sdr/prospects/enroll/{enrollment_id}").GetProperty("get").GetProperty("responses");
        get.EnumerateObject().Select(r => r.Name).ShouldBe(["200", "404"], ignoreOrder: true);
        get.GetProperty("200").ToString().ShouldContain("EnrollmentJobView");
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition never held");
            await Task.Delay(20);
        }
    }
}
