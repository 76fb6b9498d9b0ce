using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sdr.Sandbox;

namespace Sdr.Benchmarks;

/// <summary>
/// What the hardware does without the engine: the same number of POST /conversations/messages straight
/// to the sandbox with a plain HttpClient at the engine's concurrency, optionally with one SQLite
/// insert (WAL, pooled connection) per request.
/// </summary>
internal sealed class RawBaseline(Uri baseUrl, string token, IReadOnlyList<SandboxContact> contacts, int concurrency, int warmup, string dataDirectory)
{
    private const string Text = "Hi Maria, this is Alex with Harbor Realty. Are you still thinking about a move this year? I can send a quick value estimate. Reply STOP to opt out";

    public async Task<Measurement> RunAsync(bool withSqlite)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var connectionString = withSqlite ? await CreateDatabaseAsync() : null;

        // Warm-up (JIT, connections), not timed.
        await SendAllAsync(http, connectionString, contacts.Take(warmup).ToList());

        var usage = ResourceUsage.Start();
        var watch = Stopwatch.StartNew();
        await SendAllAsync(http, connectionString, contacts);
        watch.Stop();
        var name = withSqlite ? "raw HTTP + 1 SQLite insert per POST" : "raw HTTP POST /conversations/messages";
        return new Measurement(name, contacts.Count, watch.Elapsed, usage.Stop());
    }

    private Task SendAllAsync(HttpClient http, string? connectionString, IReadOnlyList<SandboxContact> batch) =>
        Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (contact, ct) =>
        {
            var messageId = await PostAsync(http, contact.Id, ct);
            if (connectionString is not null)
            {
                await InsertAsync(connectionString, contact.Id, messageId, ct);
            }
        });

    private async Task<string> PostAsync(HttpClient http, string contactId, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type = "SMS", contactId, message = Text });
        using var request = new HttpRequestMessage(HttpMethod.Post, "conversations/messages");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("Version", "2021-04-15");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        }

        using var json = JsonDocument.Parse(bytes);
        return json.RootElement.GetProperty("messageId").GetString()!;
    }

    private static async Task InsertAsync(string connectionString, string contactId, string messageId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; INSERT INTO sent (contact_id, message_id, sent_at) VALUES ($contact, $message, $at);";
        command.Parameters.AddWithValue("$contact", contactId);
        command.Parameters.AddWithValue("$message", messageId);
        command.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O"));
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "raw-baseline.db"),
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            DROP TABLE IF EXISTS sent;
            CREATE TABLE sent (id INTEGER PRIMARY KEY, contact_id TEXT NOT NULL, message_id TEXT NOT NULL, sent_at TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }
}
