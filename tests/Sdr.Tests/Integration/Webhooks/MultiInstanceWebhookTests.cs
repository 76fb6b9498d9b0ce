using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Sdr.Sandbox;
using Sdr.Tests.Integration.Support;
using Sdr.Tests.Support;

namespace Sdr.Tests.Integration.Webhooks;

/// <summary>
/// Two real <c>sdr</c> processes on one PostgreSQL database (SPEC section 10): both take webhooks, one
/// processes them, and when that one is killed the other takes over.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Database)]
public sealed class MultiInstanceWebhookTests
{
    private const string Secret = "multi-instance-secret";
    private const string Leading = "This instance now processes the webhook inbox";

    [Fact]
    public async Task TwoProcesses_BothTakeWebhooks_OneProcesses_TheOtherTakesOverWhenItIsKilled()
    {
        await using var sandbox = await GhlSandbox.StartAsync(new SandboxOptions { RateLimitEnabled = false, ContactsPerLocation = 10 });
        var location = sandbox.State.Locations[0];
        var contacts = sandbox.State.Contacts(location.LocationId).Take(6).ToList();
        var database = await TestDatabases.CreatePostgresDatabaseAsync();
        var environment = ChildEnvironment(sandbox, database);

        await using var first = await SdrServerProcess.StartAsync(environment);
        await using var second = await SdrServerProcess.StartAsync(environment);

        for (var i = 0; i < 20; i++)
        {
            var server = i % 2 == 0 ? first : second;
            (await PostAsync(server, location.LocationId, contacts[i % contacts.Count].Id, $"first-{i}")).EnsureSuccessStatusCode();
        }

        await WaitUntilNothingPendingAsync(database, first, second);
        var leaders = new[] { first, second }.Where(s => s.Output.Contains(Leading, StringComparison.Ordinal)).ToList();
        leaders.Count.ShouldBe(1, $"exactly one processor:{Environment.NewLine}{first.Output}{Environment.NewLine}---{Environment.NewLine}{second.Output}");

        var leader = leaders[0];
        var survivor = leader == first ? second : first;
        await leader.KillAsync();
        for (var i = 0; i < 6; i++)
        {
            (await PostAsync(survivor, location.LocationId, contacts[i].Id, $"after-{i}")).EnsureSuccessStatusCode();
        }

        await WaitUntilNothingPendingAsync(database, survivor);
        survivor.Output.ShouldContain(Leading);
        (await CountAsync(database, "SELECT COUNT(*) FROM sdr_webhook_events")).ShouldBe(26);
    }

    private static async Task<HttpResponseMessage> PostAsync(SdrServerProcess server, string locationId, string contactId, string messageId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sdr/webhook/reply")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["type"] = "InboundMessage",
                ["locationId"] = locationId,
                ["contactId"] = contactId,
                ["body"] = "sounds good",
                ["direction"] = "inbound",
                ["messageType"] = "SMS",
                ["conversationId"] = "conv-" + contactId,
                ["dateAdded"] = DateTime.UtcNow.ToString("O"),
                ["messageId"] = messageId,
            }),
        };
        request.Headers.Add("X-Webhook-Secret", Secret);
        return await server.Client.SendAsync(request);
    }

    private static async Task WaitUntilNothingPendingAsync(string database, params SdrServerProcess[] servers)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (await CountAsync(database, "SELECT COUNT(*) FROM sdr_webhook_events WHERE status = 'pending'") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("events still pending:" + Environment.NewLine + string.Join(Environment.NewLine + "---" + Environment.NewLine, servers.Select(s => s.Output)));
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> ChildEnvironment(GhlSandbox sandbox, string database)
    {
        var environment = SdrServerProcess.Environment(sandbox, Directory.CreateTempSubdirectory("sdr-multi-").FullName);
        environment["Database__Provider"] = "Postgres";
        environment["ConnectionStrings__Sdr"] = database;
        environment["Webhooks__SharedSecret"] = Secret;
        return environment;
    }
}
