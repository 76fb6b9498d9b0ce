using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sdr.Core.Data;
using Sdr.Core.Data.Configurations;
using Sdr.Core.Data.Entities;
using Sdr.Core.Security;
using Sdr.Core.Sequences;

namespace Sdr.Tests.Unit.Data;

/// <summary>
/// The state machine's enums are stored as the names the columns held when they were strings, so
/// rows written before keep their meaning and raw SQL (<c>status &lt;&gt; 'failed'</c>) still matches.
/// </summary>
public sealed class StoredNameConvertersTests : IDisposable
{
    private static readonly FernetKeyRing KeyRing = FernetKeyRing.Parse(FernetKeyRing.GenerateKey(), TimeProvider.System);
    private static readonly DateTime Now = new(2026, 7, 6, 14, 0, 0, DateTimeKind.Utc);

    public static readonly TheoryData<SequenceStep, string> Steps = new()
    {
        { SequenceStep.Enrolled, "enrolled" },
        { SequenceStep.Sms1, "sms_1" },
        { SequenceStep.Email1, "email_1" },
        { SequenceStep.Sms2, "sms_2" },
        { SequenceStep.Voicemail1, "voicemail_1" },
        { SequenceStep.Email2, "email_2" },
        { SequenceStep.Sms3, "sms_3" },
        { SequenceStep.Voicemail2, "voicemail_2" },
        { SequenceStep.NurturePause, "nurture_pause" },
        { SequenceStep.Qualified, "qualified" },
        { SequenceStep.Booked, "booked" },
        { SequenceStep.Disqualified, "disqualified" },
        { SequenceStep.OptedOut, "opted_out" },
    };

    public static readonly TheoryData<TouchStatus, string> Statuses = new()
    {
        { TouchStatus.Reserved, "reserved" },
        { TouchStatus.Sent, "sent" },
        { TouchStatus.Failed, "failed" },
        { TouchStatus.Unknown, "unknown" },
    };

    public static readonly TheoryData<DecisionOutcome, string> Outcomes = new()
    {
        { DecisionOutcome.Sent, "sent" },
        { DecisionOutcome.Deferred, "deferred" },
        { DecisionOutcome.Blocked, "blocked" },
        { DecisionOutcome.Failed, "failed" },
    };

    private readonly string _connectionString = $"Data Source=names-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection _keepAlive;

    public StoredNameConvertersTests()
    {
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _keepAlive.Dispose();

    [Fact]
    public void EveryMember_HasItsStoredName()
    {
        Steps.Count.ShouldBe(Enum.GetValues<SequenceStep>().Length);
        Statuses.Count.ShouldBe(Enum.GetValues<TouchStatus>().Length);
        Outcomes.Count.ShouldBe(Enum.GetValues<DecisionOutcome>().Length);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Step_IsWrittenAsTodaysName_InEveryStepColumn_AndReadBack(SequenceStep step, string name)
    {
        StoredNameConverters.Step.ConvertToProvider(step).ShouldBe(name);
        StoredNameConverters.Step.ConvertFromProvider(name).ShouldBe(step);

        var sequenceId = await SaveAsync(step, TouchStatus.Sent, DecisionOutcome.Sent);

        (await ReadColumnAsync("SELECT current_step FROM sdr_outreach_sequences WHERE id = @id", sequenceId)).ShouldBe(name);
        (await ReadColumnAsync("SELECT step FROM sdr_outreach_touches WHERE sequence_id = @id", sequenceId)).ShouldBe(name);
        (await ReadColumnAsync("SELECT step FROM sdr_dispatch_decisions WHERE sequence_id = @id", sequenceId)).ShouldBe(name);
        await using var db = NewContext();
        (await db.Sequences.SingleAsync(s => s.Id == sequenceId && s.CurrentStep == step)).CurrentStep.ShouldBe(step);
        (await db.Touches.SingleAsync(t => t.SequenceId == sequenceId)).Step.ShouldBe(step);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task TouchStatus_IsWrittenAsTodaysName_AndReadBack(TouchStatus status, string name)
    {
        StoredNameConverters.TouchStatus.ConvertToProvider(status).ShouldBe(name);
        StoredNameConverters.TouchStatus.ConvertFromProvider(name).ShouldBe(status);

        var sequenceId = await SaveAsync(SequenceStep.Sms1, status, DecisionOutcome.Sent);

        (await ReadColumnAsync("SELECT status FROM sdr_outreach_touches WHERE sequence_id = @id", sequenceId)).ShouldBe(name);
        await using var db = NewContext();
        (await db.Touches.SingleAsync(t => t.SequenceId == sequenceId && t.Status == status)).Status.ShouldBe(status);
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task DecisionOutcome_IsWrittenAsTodaysName_AndReadBack(DecisionOutcome outcome, string name)
    {
        StoredNameConverters.Outcome.ConvertToProvider(outcome).ShouldBe(name);
        StoredNameConverters.Outcome.ConvertFromProvider(name).ShouldBe(outcome);

        var sequenceId = await SaveAsync(SequenceStep.Sms1, TouchStatus.Sent, outcome);

        (await ReadColumnAsync("SELECT outcome FROM sdr_dispatch_decisions WHERE sequence_id = @id", sequenceId)).ShouldBe(name);
        await using var db = NewContext();
        (await db.DispatchDecisions.SingleAsync(d => d.SequenceId == sequenceId && d.Outcome == outcome)).Outcome.ShouldBe(outcome);
    }

    [Fact]
    public void UnsettledTouchQuery_RepeatsThePartialIndexTerm_AsTheStoredName()
    {
        // SQLite uses the partial index (status <> 'sent') only when the query carries the same term.
        using var db = NewContext();
        var sql = TouchReconciler.UnsettledQuery(db, Now, Now, null).ToQueryString();

        sql.ShouldContain("\"status\" <> 'sent'");
        sql.ShouldContain("'reserved'");
        sql.ShouldContain("'unknown'");
    }

    private async Task<long> SaveAsync(SequenceStep step, TouchStatus status, DecisionOutcome outcome)
    {
        await using var db = NewContext();
        var contactId = Guid.NewGuid().ToString("N");
        var prospect = new SdrProspect { ContactId = contactId, LocationId = "location-1", Source = "test", EnrolledAt = Now };
        var sequence = new SdrOutreachSequence
        {
            ContactId = contactId,
            LocationId = "location-1",
            CurrentStep = step,
            AbVariant = "consultative",
            EnrolledAt = Now,
            UpdatedAt = Now,
            Prospect = prospect,
        };
        sequence.Touches.Add(new SdrOutreachTouch
        {
            ContactId = contactId,
            LocationId = "location-1",
            Step = step,
            Channel = "sms",
            Status = status,
            ReservedAt = Now,
            TouchDate = DateOnly.FromDateTime(Now),
        });
        db.Sequences.Add(sequence);
        await db.SaveChangesAsync();
        db.DispatchDecisions.Add(new SdrDispatchDecision
        {
            SequenceId = sequence.Id,
            ContactId = contactId,
            Step = step,
            At = Now,
            Outcome = outcome,
            Reason = "test",
        });
        await db.SaveChangesAsync();
        return sequence.Id;
    }

    private async Task<string?> ReadColumnAsync(string sql, long sequenceId)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@id", sequenceId);
        return (string?)await command.ExecuteScalarAsync();
    }

    private SqliteSdrDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteSdrDbContext>()
            .UseSqlite(_connectionString)
            .UseSnakeCaseNamingConvention()
            .Options, KeyRing);
}
