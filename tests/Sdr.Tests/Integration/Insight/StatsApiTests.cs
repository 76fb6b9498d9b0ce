using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Core.Data;
using Sdr.Core.Data.Entities;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Insight;

/// <summary><c>GET /sdr/stats</c> and <c>/sdr/stats/sequences</c> over rows seeded with known times, on both providers.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class StatsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Stats_SeededRows_AreCountedPerWindow(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        await SeedAsync(host);

        var stats = await GetAsync(host, $"/sdr/stats?location_id={host.LocationId}");

        stats.GetProperty("days").GetInt32().ShouldBe(7);
        var week = stats.GetProperty("window");
        week.GetProperty("enrolled").GetInt32().ShouldBe(3);
        var touches = week.GetProperty("touches");
        touches.GetProperty("total").GetInt32().ShouldBe(5);
        Counts(touches.GetProperty("by_channel")).ShouldBe(new Dictionary<string, int> { ["sms"] = 4, ["email"] = 1 }, ignoreOrder: true);
        Counts(touches.GetProperty("by_step")).ShouldBe(new Dictionary<string, int> { ["sms_1"] = 3, ["email_1"] = 1, ["sms_2"] = 1 }, ignoreOrder: true);
        var dispatch = week.GetProperty("dispatch");
        dispatch.GetProperty("sent").GetInt32().ShouldBe(5);
        dispatch.GetProperty("deferred").GetInt32().ShouldBe(2);
        dispatch.GetProperty("blocked").GetInt32().ShouldBe(1);
        Counts(dispatch.GetProperty("deferred_by_reason")).ShouldBe(new Dictionary<string, int> { ["quiet_hours"] = 1, ["daily_sms_cap"] = 1 }, ignoreOrder: true);
        Counts(dispatch.GetProperty("blocked_by_reason")).ShouldBe(new Dictionary<string, int> { ["content"] = 1 }, ignoreOrder: true);
        var replies = week.GetProperty("replies");
        replies.GetProperty("total").GetInt32().ShouldBe(2);
        replies.GetProperty("auto_responses").GetInt32().ShouldBe(1);
        Counts(replies.GetProperty("by_category")).ShouldBe(new Dictionary<string, int> { ["info_request"] = 1, ["opt_out"] = 1 }, ignoreOrder: true);
        replies.GetProperty("replied_sequences").GetInt32().ShouldBe(2);
        replies.GetProperty("touched_sequences").GetInt32().ShouldBe(3);
        replies.GetProperty("reply_rate").GetDouble().ShouldBe(0.6667);
        var firstReply = week.GetProperty("time_to_first_reply");
        firstReply.GetProperty("count").GetInt32().ShouldBe(2);
        firstReply.GetProperty("median_seconds").GetDouble().ShouldBe(170_700); // 25 h and 69 h 50 min
        firstReply.GetProperty("p90_seconds").GetDouble().ShouldBe(235_260);
        Counts(week.GetProperty("objections")).ShouldBe(new Dictionary<string, int> { ["timing"] = 1 }, ignoreOrder: true);
        week.GetProperty("qualified").GetInt32().ShouldBe(1);
        week.GetProperty("booked").GetInt32().ShouldBe(1);
        week.GetProperty("opted_out").GetInt32().ShouldBe(1);
        week.GetProperty("ghl_errors").GetProperty("failed_touches").GetInt32().ShouldBe(1);
        week.GetProperty("ghl_errors").GetProperty("total").GetInt32().ShouldBe(1);
        stats.GetProperty("rolling").GetProperty("last_7_days").GetProperty("enrolled").GetInt32().ShouldBe(3);
        stats.GetProperty("rolling").GetProperty("last_24_hours").GetProperty("enrolled").GetInt32().ShouldBe(1);
        var circuit = stats.GetProperty("circuits").EnumerateArray().ShouldHaveSingleItem();
        circuit.GetProperty("location_id").GetString().ShouldBe(host.LocationId);
        circuit.GetProperty("state").GetString().ShouldBe("closed");

        var hour = stats.GetProperty("rolling").GetProperty("last_hour");
        hour.GetProperty("touches").GetProperty("total").GetInt32().ShouldBe(1);
        hour.GetProperty("dispatch").GetProperty("deferred").GetInt32().ShouldBe(1);
        hour.GetProperty("replies").GetProperty("touched_sequences").GetInt32().ShouldBe(1);
        hour.GetProperty("qualified").GetInt32().ShouldBe(1);
        hour.GetProperty("booked").GetInt32().ShouldBe(1);
        hour.GetProperty("opted_out").GetInt32().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Stats_TheClockMovesOn_RollingWindowsMoveWithIt(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        await SeedAsync(host);

        host.Clock.Advance(TimeSpan.FromHours(1));
        var hour = (await GetAsync(host, "/sdr/stats")).GetProperty("rolling").GetProperty("last_hour");
        hour.GetProperty("touches").GetProperty("total").GetInt32().ShouldBe(0);
        hour.GetProperty("qualified").GetInt32().ShouldBe(0);
        hour.GetProperty("booked").GetInt32().ShouldBe(0);

        host.Clock.Advance(TimeSpan.FromDays(4));
        var stats = await GetAsync(host, "/sdr/stats?days=2");
        stats.GetProperty("window").GetProperty("touches").GetProperty("total").GetInt32().ShouldBe(0);
        stats.GetProperty("rolling").GetProperty("last_7_days").GetProperty("touches").GetProperty("total").GetInt32().ShouldBe(3); // sms_1 of A and B left it
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SequenceFunnel_SeededRows_CountsReachAndOutcomesAtTheLastStepSent(string provider)
    {
        await using var host = await SdrTestHost.StartAsync(provider);
        await SeedAsync(host);

        var report = await GetAsync(host, "/sdr/stats/sequences");

        report.GetProperty("enrolled").GetInt32().ShouldBe(3);
        var funnel = Steps(report.GetProperty("funnel"));
        funnel["enrolled"].ShouldBe((3, 0, 0, 0, 0));
        funnel["sms_1"].ShouldBe((3, 1, 0, 1, 1));
        funnel["email_1"].ShouldBe((1, 1, 0, 0, 0));
        funnel["sms_2"].ShouldBe((1, 0, 1, 0, 0));
        funnel["voicemail_1"].ShouldBe((0, 0, 0, 0, 0));
        var variants = report.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("variant").GetString()!);
        variants.Keys.ShouldBe(["consultative", "direct"], ignoreOrder: true);
        variants["consultative"].GetProperty("enrolled").GetInt32().ShouldBe(2);
        variants["consultative"].GetProperty("replied").GetInt32().ShouldBe(2);
        variants["consultative"].GetProperty("reply_rate").GetDouble().ShouldBe(1);
        Steps(variants["consultative"].GetProperty("funnel"))["sms_1"].ShouldBe((2, 1, 0, 0, 1));
        Steps(variants["direct"].GetProperty("funnel"))["sms_1"].ShouldBe((1, 0, 0, 1, 0));

        var direct = await GetAsync(host, "/sdr/stats/sequences?variant=direct&days=30");
        direct.GetProperty("enrolled").GetInt32().ShouldBe(2); // C, enrolled 10 days ago, is in 30 days
        direct.GetProperty("variants").EnumerateArray().ShouldHaveSingleItem().GetProperty("variant").GetString().ShouldBe("direct");
        Steps(direct.GetProperty("funnel"))["sms_1"].ShouldBe((2, 0, 0, 1, 0));
    }

    [Theory]
    [InlineData("/sdr/stats?location_id=nowhere", "location_id")]
    [InlineData("/sdr/stats?location_id=not%20an%20id", "location_id")]
    [InlineData("/sdr/stats?days=0", "days")]
    [InlineData("/sdr/stats?days=366", "days")]
    [InlineData("/sdr/stats?days=week", "days")]
    [InlineData("/sdr/stats/sequences?days=-1", "days")]
    [InlineData("/sdr/stats/sequences?location_id=nowhere", "location_id")]
    [InlineData("/sdr/stats/sequences?variant=nobody_uses_this", "variant")]
    public async Task Stats_BadInput_Is400NamingTheField(string url, string field)
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);

        var response = await host.Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }

    [Fact]
    public async Task Stats_LocationSeenOnlyInTheDataAndTheConfiguredVariant_AreAccepted()
    {
        await using var host = await SdrTestHost.StartAsync(TestDatabases.Sqlite);
        await host.WithDbAsync(async db =>
        {
            var prospect = Prospect(db, "old-location", "c-1", host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            db.Sequences.Add(Sequence(prospect, "legacy", host.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        (await host.Client.GetAsync("/sdr/stats?location_id=old-location")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client.GetAsync("/sdr/stats/sequences?variant=consultative")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var legacy = await GetAsync(host, "/sdr/stats/sequences?variant=legacy&location_id=old-location");
        legacy.GetProperty("enrolled").GetInt32().ShouldBe(1);
    }

    /// <summary>
    /// Four sequences of the host's location, at known offsets from the clock's now (T):
    /// A (consultative, T-3d): sms_1 T-3d, email_1 T-2d, a reply T-2d+1h, sms_2 T-30min, handed off T-20min, deferred (hours) T-40min.
    /// B (consultative, T-3d): sms_1 T-3d+10min, STOP T-2h (opted out then), blocked (content) T-3h.
    /// C (direct, T-10d): sms_1 T-10d.
    /// D (direct, T-1d): sms_1 T-1d, an auto-reply T-1d+5min, deferred (daily SMS cap) T-1d, email_1 failed T-30min, booked T-10min.
    /// One objection (timing) T-2d.
    /// </summary>
    internal static async Task SeedAsync(SdrTestHost host)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var location = host.LocationId;
        await host.WithDbAsync(async db =>
        {
            var (pa, pb, pc, pd) = (Prospect(db, location, "seed-a", now), Prospect(db, location, "seed-b", now), Prospect(db, location, "seed-c", now), Prospect(db, location, "seed-d", now));
            await db.SaveChangesAsync();
            var a = Sequence(pa, "consultative", now.AddDays(-3));
            var b = Sequence(pb, "consultative", now.AddDays(-3));
            var c = Sequence(pc, "direct", now.AddDays(-10));
            var d = Sequence(pd, "direct", now.AddDays(-1));
            db.Sequences.AddRange(a, b, c, d);
            await db.SaveChangesAsync();

            Touch(db, a, SequenceStep.Sms1, "sms", now.AddDays(-3));
            Touch(db, a, SequenceStep.Email1, "email", now.AddDays(-2));
            Touch(db, a, SequenceStep.Sms2, "sms", now.AddMinutes(-30));
            Touch(db, b, SequenceStep.Sms1, "sms", now.AddDays(-3).AddMinutes(10));
            Touch(db, c, SequenceStep.Sms1, "sms", now.AddDays(-10));
            Touch(db, d, SequenceStep.Sms1, "sms", now.AddDays(-1));
            Touch(db, d, SequenceStep.Email1, "email", null, now.AddMinutes(-30));

            Reply(db, a, "info_request", now.AddDays(-2).AddHours(1));
            Reply(db, b, "opt_out", now.AddHours(-2));
            Reply(db, d, "engagement", now.AddDays(-1).AddMinutes(5), autoResponder: true);

            Decision(db, a, SequenceStep.Sms2, DecisionOutcome.Deferred, "hours: outside allowed hours in America/Chicago (21:50); next allowed 08:00 (federal)", now.AddMinutes(-40));
            Decision(db, d, SequenceStep.Sms1, DecisionOutcome.Deferred, $"caps: daily SMS cap of 500 reached for location {location}", now.AddDays(-1).AddMinutes(-1));
            Decision(db, b, SequenceStep.Email1, DecisionOutcome.Blocked, "content: the email has no body", now.AddHours(-3));

            Event(db, a, SequenceEventKinds.HandedOff, now.AddMinutes(-20));
            Event(db, d, SequenceEventKinds.Booked, now.AddMinutes(-10));
            db.ObjectionLogs.Add(new SdrObjectionLog { ContactId = a.ContactId, LocationId = location, SequenceId = a.Id, ObjectionType = "timing", CreatedAt = now.AddDays(-2) });
            await db.SaveChangesAsync();

            b.OptOut("the prospect replied STOP", now.AddHours(-2));
            return await db.SaveChangesAsync();
        });
    }

    internal static SdrProspect Prospect(SdrDbContext db, string location, string contactId, DateTime at)
    {
        var prospect = new SdrProspect { ContactId = contactId, LocationId = location, Source = "test", EnrolledAt = at };
        db.Prospects.Add(prospect);
        return prospect;
    }

    internal static SdrOutreachSequence Sequence(SdrProspect prospect, string variant, DateTime enrolledAt) => new()
    {
        ProspectId = prospect.Id,
        ContactId = prospect.ContactId,
        LocationId = prospect.LocationId,
        CurrentStep = SequenceStep.Sms1,
        AbVariant = variant,
        EnrolledAt = enrolledAt,
        UpdatedAt = enrolledAt,
        IsActive = true,
    };

    private static void Touch(SdrDbContext db, SdrOutreachSequence sequence, SequenceStep step, string channel, DateTime? sentAt, DateTime? failedAt = null) =>
        db.Touches.Add(new SdrOutreachTouch
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            LocationId = sequence.LocationId,
            Step = step,
            Channel = channel,
            Status = sentAt is null ? TouchStatus.Failed : TouchStatus.Sent,
            SentAt = sentAt,
            ReservedAt = sentAt ?? failedAt!.Value,
            TouchDate = DateOnly.FromDateTime(sentAt ?? failedAt!.Value),
        });

    private static void Reply(SdrDbContext db, SdrOutreachSequence sequence, string category, DateTime at, bool autoResponder = false) =>
        db.Replies.Add(new SdrReply
        {
            SequenceId = sequence.Id,
            ContactId = sequence.ContactId,
            LocationId = sequence.LocationId,
            ReceivedAt = at,
            Category = category,
            DecidedBy = "keywords",
            IsAutoResponder = autoResponder,
        });

    private static void Decision(SdrDbContext db, SdrOutreachSequence sequence, SequenceStep step, DecisionOutcome outcome, string reason, DateTime at) =>
        db.DispatchDecisions.Add(new SdrDispatchDecision { SequenceId = sequence.Id, ContactId = sequence.ContactId, Step = step, Outcome = outcome, Reason = reason, At = at });

    private static void Event(SdrDbContext db, SdrOutreachSequence sequence, string kind, DateTime at) =>
        db.SequenceEvents.Add(new SdrSequenceEvent { SequenceId = sequence.Id, ContactId = sequence.ContactId, Kind = kind, Detail = kind, At = at });

    internal static async Task<JsonElement> GetAsync(SdrTestHost host, string url)
    {
        var response = await host.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static Dictionary<string, int> Counts(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    internal static Dictionary<string, (int Reached, int Replied, int Qualified, int Booked, int OptedOut)> Steps(JsonElement funnel) =>
        funnel.EnumerateArray().ToDictionary(
            s => s.GetProperty("step").GetString()!,
            s => (s.GetProperty("reached").GetInt32(), s.GetProperty("replied").GetInt32(), s.GetProperty("qualified").GetInt32(), s.GetProperty("booked").GetInt32(), s.GetProperty("opted_out").GetInt32()));
}
