using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Sdr.Core.Data;

/// <summary>
/// Which instance processes the webhook inbox. Events are handled one at a time in arrival order (a
/// STOP, then the START that follows it), so one processor runs at a time across instances. On
/// PostgreSQL that is the holder of a session-level advisory lock, taken on a connection of its own
/// (unpooled: the session ends when the instance lets go or dies, and PostgreSQL frees the lock at once
/// for the next instance to take over). The other instances stand by and keep taking webhooks. Before
/// each pass the holder checks its session is alive, so one that lost it (and with it the lock) stops.
/// SQLite is one file written through one process's gate: no lease, this instance processes.
/// </summary>
public sealed partial class WebhookProcessingLease(IOptions<DatabaseOptions> options, ILogger<WebhookProcessingLease> logger) : IAsyncDisposable
{
    /// <summary>The advisory lock's key ("SDR_WHK"); advisory locks are per database, so tenants in other databases do not meet.</summary>
    public const long LockKey = 0x5344525F57484B;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private NpgsqlConnection? _connection;
    private bool _held;

    /// <summary>True when this instance may process now: it holds (or just took) the lease, or there is none to take.</summary>
    public async ValueTask<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return true;
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_held && _connection is { State: ConnectionState.Open })
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }

            await DropAsync();
            _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
            await _connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", _connection);
            take.Parameters.AddWithValue("key", LockKey);
            _held = await take.ExecuteScalarAsync(cancellationToken) is true;
            if (_held)
            {
                LogTaken(logger);
            }
            else
            {
                // Someone else processes: no session kept open while standing by.
                await DropAsync();
            }

            return _held;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            if (_held)
            {
                LogLost(logger, exception.GetType().Name);
            }

            await DropAsync();
            return false;
        }
        finally
        {
            _turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _turn.Dispose();
    }

    /// <summary>Closing the session releases the lock, if held.</summary>
    private async ValueTask DropAsync()
    {
        _held = false;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance now processes the webhook inbox (PostgreSQL advisory lock taken)")]
    private static partial void LogTaken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the webhook-processing lease ({Error}); standing by until it can be taken again")]
    private static partial void LogLost(ILogger logger, string error);
}
