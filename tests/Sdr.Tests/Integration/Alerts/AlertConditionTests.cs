using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sdr.Core.Alerts;
using Sdr.Core.Data.Entities;
using Sdr.Core.GoHighLevel.Resilience;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Alerts;

/// <summary>Each watched condition, made real in the stored state (or the circuit breaker), raises one alert with one notice while it lasts, and one recovery when it ends.</summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class AlertConditionTests
{
    public static TheoryData<string, string> Conditions
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in new[] { TestDatabases.Sqlite, TestDatabases.Postgres })
            {
                foreach (var kind in Enum.GetValues<AlertKind>())
                {
                    data.Add(provider, kind.ToName());
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task Condition_RaisesOnceWhileItLasts_AndRecoversOnce(string provider, string condition)
    {
        var kind = AlertNames.ParseKind(condition);
        var scenario = ScenarioFor(kind);
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(provider, hook, scenario.Settings);

        await host.EvaluateAsync();
        (await host.AlertsAsync(kind)).ShouldBeEmpty();

        await scenario.Start(host);
        await host.EvaluateAsync();
        await host.EvaluateAsync();

        var opened = (await host.AlertsAsync(kind)).ShouldHaveSingleItem();
        opened.ResolvedAt.ShouldBeNull();
        opened.NoticeState.ShouldBe(AlertDelivery.Sent);
        var notice = hook.PostsOf(kind).ShouldHaveSingleItem();
        notice.GetProperty("alert").GetProperty("status").GetString().ShouldBe("open");
        notice.GetProperty("text").GetString()!.ShouldContain(opened.Summary);
        if (scenario.PerLocation)
        {
            opened.LocationId.ShouldBe(host.LocationId);
            notice.GetProperty("alert").GetProperty("location_id").GetString().ShouldBe(host.LocationId);
        }

        await scenario.End(host);
        await host.EvaluateAsync();
        await host.EvaluateAsync();

        var resolved = (await host.AlertsAsync(kind)).ShouldHaveSingleItem();
        resolved.ResolvedAt.ShouldNotBeNull();
        resolved.RecoveryState.ShouldBe(AlertDelivery.Sent);
        var posts = hook.PostsOf(kind);
        posts.Count.ShouldBe(2);
        posts[1].GetProperty("alert").GetProperty("status").GetString().ShouldBe("resolved");
        posts[1].GetProperty("text").GetString()!.ShouldStartWith(":white_check_mark: RESOLVED");
    }

    [Fact]
    public async Task CircuitAlert_WhenNoInstanceSeesTheCircuitAnymore_ResolvesAfterThreeEvaluationIntervals()
    {
        await using var hook = await FakeAlertWebhook.StartAsync();
        await using var host = await AlertTestHost.StartAsync(TestDatabases.Sqlite, hook, new Dictionary<string, string?> { ["sdr:alerts:evaluation_interval_seconds"] = "60" });
        Breaker(host).RecordFailure(failureThreshold: 1, breakDuration: TimeSpan.FromHours(1));
        await host.EvaluateAsync();

        // Another instance (or this one after a restart) has never called the location: it cannot tell at first.
        var fresh = new GhlCircuitBreakerRegistry(host.Clock, NullLogger<GhlCircuitBreakerRegistry>.Instance);
        var other = ActivatorUtilities.CreateInstance<SdrMetricsCollector>(host.Services, ActivatorUtilities.CreateInstance<AlertConditions>(host.Services, fresh));
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await other.EvaluateAsync(CancellationToken.None);
        (await host.AlertsAsync(AlertKind.CircuitOpen)).ShouldHaveSingleItem().ResolvedAt.ShouldBeNull();

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await other.EvaluateAsync(CancellationToken.None);

        (await host.AlertsAsync(AlertKind.CircuitOpen)).ShouldHaveSingleItem().ResolvedAt.ShouldBe(host.Now());
    }

    private sealed record Scenario(Dictionary<string, string?> Settings, Func<SdrTestHost, Task> Start, Func<SdrTestHost, Task> End, bool PerLocation = true);

    private static Scenario ScenarioFor(AlertKind kind) => kind switch
    {
        AlertKind.CircuitOpen => new([], host =>
            {
                // Opened by a failure with no break: half-open at once, still failing fast until a trial call succeeds.
                Breaker(host).RecordFailure(failureThreshold: 1, breakDuration: TimeSpan.Zero);
                return Task.CompletedTask;
            },
            host =>
            {
                var breaker = Breaker(host);
                breaker.TryEnter().ShouldBeTrue();
                breaker.RecordSuccess();
                host.Services.GetRequiredService<GhlCircuitBreakerRegistry>().GetState(host.LocationId).ShouldBe(GhlCircuitState.Closed);
                return Task.CompletedTask;
            }),
        AlertKind.SmsCapReached => new(new() { ["sdr:rate_limits:daily_sms_cap"] = "1" }, async host =>
            {
                var contacts = host.TextableContacts(2).Select(c => c.Id).ToArray();
                (await host.EnrollAsync(contacts)).EnsureSuccessStatusCode();

                // Enrolment plans the second SMS_1 for the next day; one that comes due today anyway meets the cap.
                var now = host.Clock.GetUtcNow().UtcDateTime;
                await host.WithDbAsync(db => db.Sequences.Where(s => s.CurrentStep == SequenceStep.Enrolled).ExecuteUpdateAsync(set => set.SetProperty(s => s.NextTouchAt, now)));
                await host.ProcessBatchAsync();
                (await host.WithDbAsync(db => db.DispatchDecisions.CountAsync(d => d.Outcome == DecisionOutcome.Deferred && d.Reason.Contains("daily SMS cap")))).ShouldBe(1);
            },
            host =>
            {
                // The cap counts a UTC day: the next day starts with none deferred.
                host.Clock.Advance(TimeSpan.FromHours(5));
                return Task.CompletedTask;
            }),
        AlertKind.DispatchFailureRate => new(
            new() { ["sdr:alerts:dispatch_failure_min_attempts"] = "4", ["sdr:alerts:dispatch_failure_rate"] = "0.5", ["sdr:alerts:dispatch_failure_window_minutes"] = "10" },
            async host =>
            {
                (await host.EnrollAsync(host.TextableContacts(1)[0].Id)).EnsureSuccessStatusCode();
                await host.WithDbAsync(async db =>
                {
                    var sequence = await db.Sequences.SingleAsync();
                    for (var i = 0; i < 3; i++)
                    {
                        db.DispatchDecisions.Add(new SdrDispatchDecision
                        {
                            SequenceId = sequence.Id,
                            ContactId = sequence.ContactId,
                            Step = SequenceStep.Sms1,
                            At = host.Now(),
                            Outcome = DecisionOutcome.Failed,
                            Reason = "GHL answered 503",
                        });
                    }

                    return await db.SaveChangesAsync();
                });
            },
            host =>
            {
                // Past the window, the failures no longer count.
                host.Clock.Advance(TimeSpan.FromMinutes(11));
                return Task.CompletedTask;
            }),
        AlertKind.WebhookBacklog => new(new() { ["sdr:alerts:webhook_backlog_max_events"] = "3" }, async host =>
            {
                await host.WithDbAsync(async db =>
                {
                    for (var i = 0; i < 3; i++)
                    {
                        db.WebhookEvents.Add(new SdrWebhookEvent
                        {
                            DedupeKey = $"msg:backlog-{i}",
                            Endpoint = "reply",
                            EventType = "InboundMessage",
                            LocationId = host.LocationId,
                            ReceivedAt = host.Now(),
                            NextAttemptAt = host.Now(),
                            Status = WebhookEventStatus.Pending,
                        });
                    }

                    return await db.SaveChangesAsync();
                });
            },
            async host => await host.WithDbAsync(db => db.WebhookEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, WebhookEventStatus.Processed))),
            PerLocation: false),
        AlertKind.GhlQueueStuck => new(new() { ["sdr:alerts:ghl_queue_max_age_minutes"] = "30" }, async host =>
            {
                await host.WithDbAsync(async db =>
                {
                    db.GhlActions.Add(new SdrGhlAction
                    {
                        Kind = GhlActionKinds.AddTag,
                        LocationId = host.LocationId,
                        ContactId = "contact-stuck",
                        DedupeKey = "stuck-1",
                        Status = GhlActionStatus.Pending,
                        CreatedAt = host.Now().AddMinutes(-45),
                        NextAttemptAt = host.Now().AddDays(1),
                    });
                    return await db.SaveChangesAsync();
                });
            },
            async host => await host.WithDbAsync(db => db.GhlActions.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, GhlActionStatus.Done)))),
        AlertKind.LlmFailing => new(
            new() { ["sdr:alerts:llm_failure_min_calls"] = "3", ["sdr:alerts:llm_failure_rate"] = "0.5", ["sdr:alerts:llm_failure_window_minutes"] = "15" },
            async host =>
            {
                await host.WithDbAsync(async db =>
                {
                    foreach (var reason in new[] { "timeout", "error:529", "timeout", null, "refusal" })
                    {
                        db.LlmCalls.Add(new SdrLlmCall
                        {
                            ContactId = "c1",
                            LocationId = host.LocationId,
                            Purpose = "classify",
                            Model = "claude",
                            At = host.Now(),
                            Succeeded = reason is null,
                            FallbackReason = reason,
                        });
                    }

                    return await db.SaveChangesAsync();
                });
            },
            host =>
            {
                host.Clock.Advance(TimeSpan.FromMinutes(16));
                return Task.CompletedTask;
            },
            PerLocation: false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static GhlLocationCircuitBreaker Breaker(SdrTestHost host) =>
        host.Services.GetRequiredService<GhlCircuitBreakerRegistry>().For(host.LocationId);
}
