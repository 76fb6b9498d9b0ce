using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Sdr.Core.Data.Entities;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Sequences;

/// <summary>
/// The real server process is killed while GHL holds its answer to a send; after a restart on the
/// same database the touch has gone out exactly once, whether or not GHL had taken it.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class CrashRecoveryTests
{
    /// <summary>Three seconds: the test runs on the real clock.</summary>
    private static readonly TimeSpan ReservationTimeout = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ProcessKilledBeforeGhlAnswers_TouchIsSentExactlyOnceAfterRestart(bool ghlTookIt)
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = false, ContactsPerLocation = 5 });
        var location = sandbox.State.Locations[0];
        var contact = sandbox.State.AddContact(new SandboxContact
        {
            LocationId = location.LocationId,
            FirstName = "Robin",
            Phone = "+15155550142",
            State = "IA",
            Timezone = "America/Chicago",
        });
        var dataDirectory = Directory.CreateTempSubdirectory("sdr-crash-").FullName;
        var environment = ChildEnvironment(sandbox, dataDirectory);
        var hold = new SandboxHold();
        sandbox.State.Faults.Enqueue(new SandboxFault("POST", "/conversations/messages", StatusCode: 500, ApplyBeforeFailing: ghlTookIt, Kind: SandboxFaultKind.HoldResponse) { Hold = hold });

        try
        {
            // The first process runs the cadence worker: enrolment queues SMS_1 and wakes it, it sends within seconds,
            // GHL holds its answer and the process dies waiting.
            await using (var first = await SdrServerProcess.StartAsync(new Dictionary<string, string>(environment) { ["Sdr__CadenceWorker__Enabled"] = "true" }))
            {
                var enrolment = await first.Client.PostAsJsonAsync("/sdr/prospects/enroll", new { contact_ids = new[] { contact.Id }, location_id = location.LocationId });
                enrolment.EnsureSuccessStatusCode();
                await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20));
                await first.KillAsync();
            }

            var reservedBy = DateTime.UtcNow;
            sandbox.State.SentMessages.Count.ShouldBe(ghlTookIt ? 1 : 0);

            await using var second = await SdrServerProcess.StartAsync(environment);
            var wait = reservedBy + ReservationTimeout + TimeSpan.FromMilliseconds(500) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var response = await second.Client.PostAsync("/sdr/sequences/process-batch", null);
            response.EnsureSuccessStatusCode();
            var batch = await response.Content.ReadFromJsonAsync<JsonElement>();

            batch.GetProperty("reconciled").GetInt32().ShouldBe(1, second.Output);
            batch.GetProperty("dispatched").GetInt32().ShouldBe(ghlTookIt ? 0 : 1, second.Output);
            var sent = sandbox.State.SentMessages.ShouldHaveSingleItem();
            sent.ContactId.ShouldBe(contact.Id);
            var sequence = await second.Client.GetFromJsonAsync<JsonElement>($"/sdr/sequences/{contact.Id}");
            var touch = sequence.GetProperty("touches").EnumerateArray().Single(t => t.GetProperty("step").GetString() == "sms_1");
            touch.GetProperty("status").GetString().ShouldBe(TouchStatus.Sent.ToName());
            touch.GetProperty("ghl_message_id").GetString().ShouldBe(sent.MessageId);
            sequence.GetProperty("current_step").GetString().ShouldBe("sms_1");

            // Nothing more goes out for this step, however often the cadence runs.
            (await second.Client.PostAsync("/sdr/sequences/process-batch", null)).EnsureSuccessStatusCode();
            sandbox.State.SentMessages.ShouldHaveSingleItem();
        }
        finally
        {
            hold.Release();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder; SQLite may hold its files a moment longer.
            }
        }
    }

    private static Dictionary<string, string> ChildEnvironment(GhlSandbox sandbox, string dataDirectory)
    {
        var environment = SdrServerProcess.Environment(sandbox, dataDirectory);
        environment["Database__Provider"] = "Sqlite";
        environment["ConnectionStrings__Sdr"] = "Data Source=" + Path.Combine(dataDirectory, "sdr.db");
        environment["Ghl__RetryBaseDelay"] = "00:00:00.010";
        environment["sdr__sequence__reservation_timeout_minutes"] = ReservationTimeout.TotalMinutes.ToString(CultureInfo.InvariantCulture);

        // The child runs on the real clock: let the contact be reached at any hour of the day.
        environment["sdr__compliance__hours__start"] = "00:00";
        environment["sdr__compliance__hours__end"] = "23:59";
        return environment;
    }
}
