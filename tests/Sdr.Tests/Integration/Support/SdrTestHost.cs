using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sdr.Core.Data;
using Sdr.Core.Security;
using Sdr.Sandbox;

namespace Sdr.Tests.Integration.Support;

/// <summary>
/// The real server (WebApplicationFactory over Program) against a real GHL sandbox over HTTP and a
/// real database, with a fake clock and the cadence and enrolment job workers off so batches and jobs run only when
/// a test asks.
/// </summary>
public sealed class SdrTestHost : IAsyncDisposable
{
    public const string WebhookSecret = "test-webhook-secret";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _dataDirectory;

    private SdrTestHost(WebApplicationFactory<Program> factory, GhlSandbox sandbox, FakeTimeProvider clock, string dataDirectory, string provider)
    {
        _factory = factory;
        Sandbox = sandbox;
        Clock = clock;
        _dataDirectory = dataDirectory;
        Provider = provider;
        Client = factory.CreateClient();
    }

    public GhlSandbox Sandbox { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Client { get; }
    public string Provider { get; }
    public string LocationId => Sandbox.State.Locations[0].LocationId;
    public IServiceProvider Services => _factory.Services;

    /// <param name="realPort">Serve on Kestrel at a random loopback port (for a browser) instead of the in-memory TestServer.</param>
    public static async Task<SdrTestHost> StartAsync(string provider, IDictionary<string, string?>? settings = null, string? token = null, int ghlRequestsPerWindow = 100, bool realPort = false)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 20, 30, 0, TimeSpan.Zero));
        var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = false, ContactsPerLocation = 120, TimeProvider = clock, RequestsPerWindow = ghlRequestsPerWindow });
        var dataDirectory = Directory.CreateTempSubdirectory("sdr-test-").FullName;
        var location = sandbox.State.Locations[0];
        var config = new Dictionary<string, string?>
        {
            ["Ghl:BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Ghl:Locations:0:LocationId"] = location.LocationId,
            ["Ghl:Locations:0:Token"] = token ?? location.Token,
            ["Ghl:RetryBaseDelay"] = "00:00:00.010",
            ["Ghl:Window"] = "00:00:00.500",
            ["Sdr:DataDirectory"] = dataDirectory,
            ["Sdr:CadenceWorker:Enabled"] = "false",
            ["Sdr:EnrollmentWorker:Enabled"] = "false",
            [FernetKeyRing.EnvironmentVariable] = TestKeys.Fernet,
            ["Webhooks:Ed25519PublicKey"] = sandbox.Webhooks.Ed25519PublicKeyPem,
            ["Webhooks:RsaPublicKey"] = sandbox.Webhooks.RsaPublicKeyPem,
            ["Webhooks:SharedSecret"] = WebhookSecret,
            ["SDR_WORKFLOW_VOICEMAIL_DROP"] = sandbox.State.Workflows(location.LocationId).First(w => w.Name == "Voicemail Drop").Id,
        };
        if (provider == TestDatabases.Postgres)
        {
            config["Database:Provider"] = "Postgres";
            config["ConnectionStrings:Sdr"] = await TestDatabases.CreatePostgresDatabaseAsync();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(config));
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        if (realPort)
        {
            factory.UseKestrel(0);
        }

        try
        {
            _ = factory.Services; // start the host: options are validated and migrations run here
        }
        catch
        {
            try
            {
                await factory.DisposeAsync();
            }
            catch (ArgumentNullException)
            {
                // A host that never started cannot stop; the start-up error below is the one that matters.
            }

            await sandbox.DisposeAsync();
            throw;
        }

        sandbox.Webhooks.UseHandler(realPort ? new ToRealPort(factory.ClientOptions.BaseAddress) : factory.Server.CreateHandler());
        return new SdrTestHost(factory, sandbox, clock, dataDirectory, provider);
    }

    /// <summary>Contacts of the sandbox that can receive texts.</summary>
    public IReadOnlyList<SandboxContact> TextableContacts(int count) =>
        Sandbox.State.Contacts(LocationId).Where(c => !string.IsNullOrEmpty(c.Phone) && !c.IsSmsBlocked()).Take(count).ToList();

    /// <summary>
    /// Enrols the contacts (working the job to the end when the request became one) and then sends the first touches
    /// that came due, as the woken cadence worker does a few seconds after the answer (enrolment itself only queues
    /// SMS_1); <see cref="PostEnrollAsync"/> sends nothing.
    /// </summary>
    public async Task<HttpResponseMessage> EnrollAsync(params string[] contactIds)
    {
        var response = await PostEnrollAsync(contactIds);
        if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
        {
            await RunEnrollmentJobsAsync();
        }

        await SendDueFirstTouchesAsync(contactIds);
        return response;
    }

    public async Task<HttpResponseMessage> PostEnrollAsync(params string[] contactIds) =>
        await Client.PostAsJsonAsync("/sdr/prospects/enroll", new { contact_ids = contactIds, location_id = LocationId });

    /// <summary>
    /// Sends the SMS_1 of these contacts' new sequences planned for now (or within the current planning slot, where the
    /// pacer spaces a batch's touches a few milliseconds apart), one by one through the cadence's own path, and nothing
    /// else that is due. Touches planned later (outside allowed hours, beyond the budget) stay planned.
    /// </summary>
    public async Task SendDueFirstTouchesAsync(IReadOnlyCollection<string> contactIds)
    {
        var slot = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Sdr.Core.Sequences.EnrollmentOptions>>().Value.Slot;
        var now = Clock.GetUtcNow().UtcDateTime;
        var slotEnd = now + slot;
        var due = await WithDbAsync(db => db.Sequences
            .Where(s => s.LocationId == LocationId && s.IsActive && s.CurrentStep == Sdr.Core.Data.Entities.SequenceStep.Enrolled && s.NextTouchAt < slotEnd && contactIds.Contains(s.ContactId))
            .OrderBy(s => s.NextTouchAt).ThenBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync());

        // The fake clock does not move by the milliseconds between touches of a slot: they are due now.
        await WithDbAsync(db => db.Sequences.Where(s => due.Contains(s.Id) && s.NextTouchAt > now).ExecuteUpdateAsync(set => set.SetProperty(s => s.NextTouchAt, now)));
        var scheduler = Services.GetRequiredService<Sdr.Core.Sequences.CadenceScheduler>();
        foreach (var id in due)
        {
            await scheduler.ProcessSequenceNowAsync(id);
        }
    }

    /// <summary>Works the stored enrolment jobs to the end, as the job worker would; the number completed.</summary>
    public Task<int> RunEnrollmentJobsAsync() =>
        Services.GetRequiredService<Sdr.Core.Sequences.EnrollmentJobs>().RunPendingAsync();

    public async Task<JsonElement> ProcessBatchAsync(int batchSize = 500)
    {
        var response = await Client.PostAsync($"/sdr/sequences/process-batch?batch_size={batchSize}", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetSequenceAsync(string contactId)
    {
        var response = await Client.GetAsync($"/sdr/sequences/{contactId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Uri Webhook(string endpoint) => new($"http://localhost/sdr/webhook/{endpoint}");

    /// <summary>
    /// Waits (real time) until the webhook worker has processed every stored event, the outbox worker has run
    /// the due GHL actions and the message worker has sent the due conversational messages, including one whose
    /// GHL call is still in flight (<c>sending</c>, or claimed): under load the wait could return while a help text
    /// was on its way and the test looked for it too early.
    /// </summary>
    public async Task WaitForWebhooksAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var (events, actions, messages) = await WithDbAsync(async db => (
                await db.WebhookEvents.CountAsync(e => e.Status == Sdr.Core.Data.Entities.WebhookEventStatus.Pending && e.NextAttemptAt <= now),
                await db.GhlActions.CountAsync(a => (a.Status == Sdr.Core.Data.Entities.GhlActionStatus.Pending && (a.NextAttemptAt <= now || a.ClaimedUntil != null))
                    || a.Status == Sdr.Core.Data.Entities.GhlActionStatus.Sending),
                await db.OutboundMessages.CountAsync(m => (m.Status == Sdr.Core.Data.Entities.OutboundMessageStatus.Pending && (m.NotBefore <= now || m.ClaimedUntil != null))
                    || m.Status == Sdr.Core.Data.Entities.OutboundMessageStatus.Sending)));
            if (events == 0 && actions == 0 && messages == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{events} webhook event(s), {actions} GHL action(s) and {messages} message(s) still pending.");
            }

            await Task.Delay(50);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<SdrDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SdrDbContext>());
    }

    /// <summary>The server's own address: on a real port, what a browser opens.</summary>
    public Uri BaseAddress => Client.BaseAddress!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; the temp folder is disposable anyway.
        }
    }

    /// <summary>Sends the sandbox's webhooks (addressed to http://localhost/...) to the server's real port.</summary>
    private sealed class ToRealPort(Uri server) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(server, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
