using System;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.Protocol.Transport;

/// <summary>
/// A session with one unit that survives a broken connection. A query (a read) that fails fast —
/// the connection closed or reset, or garbled bytes — is asked again with backoff on a fresh
/// connection, re-authenticated for V3. A timeout is not retried: the time the caller allowed has
/// run out. Commands (changes, the display toggle) are sent once: only a failure to connect, which
/// happens before anything is sent, is retried; after the command was written a failure is
/// reported as an unknown outcome, never re-sent blindly. Not thread-safe: one request at a time.
/// </summary>
public sealed class ManagedClient : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly Action<string>? _log;
    private AcClient? _client;

    /// <summary>Creates the session; nothing is connected until the first request.</summary>
    public ManagedClient(DeviceEndpoint endpoint, TimeSpan timeout, Action<string>? log = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _timeout = timeout;
        _log = log;
    }

    /// <summary>The unit.</summary>
    public DeviceEndpoint Endpoint { get; }

    /// <summary>Attempts per request, the first included.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubled for each further one.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Connections opened so far (a reused session opens one).</summary>
    public int Connects { get; private set; }

    /// <summary>Runs an idempotent query, reconnecting and retrying after a closed connection or garbled bytes.</summary>
    public async Task<T> QueryAsync<T>(Func<AcClient, CancellationToken, Task<T>> query, CancellationToken cancel)
    {
        if (query is null) throw new ArgumentNullException(nameof(query));
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                AcClient client = await ConnectedAsync(cancel).ConfigureAwait(false);
                return await query(client, cancel).ConfigureAwait(false);
            }
            catch (Exception ex) when (Retryable(ex) && attempt < Attempts && !cancel.IsCancellationRequested)
            {
                Drop();
                _log?.Invoke(TransportSteps.Reconnecting(Endpoint, ex, attempt));
                await Task.Delay(TimeSpan.FromTicks(Backoff.Ticks << (attempt - 1)), cancel).ConfigureAwait(false);
            }
            catch
            {
                Drop();
                throw;
            }
        }
    }

    /// <summary>
    /// Runs a change once. A failure to connect is retried. A failure once the change was written
    /// (the connection closed, no answer in time, a reply that does not decode) is reported as
    /// <see cref="OutcomeUnknownException"/>: the unit may have applied it, so it is not sent again.
    /// </summary>
    /// <exception cref="OutcomeUnknownException">The change was sent; whether it was applied is not known.</exception>
    public Task<T> CommandAsync<T>(Func<AcClient, CancellationToken, Task<T>> command, CancellationToken cancel) => OnceAsync(command, change: true, cancel);

    /// <summary>A query asked once (after a connect that may be retried): for data a unit may simply not have, where silence is an answer.</summary>
    public Task<T> QueryOnceAsync<T>(Func<AcClient, CancellationToken, Task<T>> query, CancellationToken cancel) => OnceAsync(query, change: false, cancel);

    /// <inheritdoc/>
    public void Dispose() => Drop();

    private async Task<T> OnceAsync<T>(Func<AcClient, CancellationToken, Task<T>> request, bool change, CancellationToken cancel)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        AcClient client = await QueryAsync((c, _) => Task.FromResult(c), cancel).ConfigureAwait(false);
        long before = client.PacketsSent;
        try
        {
            return await request(client, cancel).ConfigureAwait(false);
        }
        // An ERROR answer to a V3 request means the unit did not take it: that stays an
        // authentication failure. Anything else after the bytes went out leaves the change in doubt.
        catch (Exception ex) when (change && client.PacketsSent > before && ex is not AuthenticationFailedException)
        {
            Drop();
            throw new OutcomeUnknownException(
                $"{Endpoint}: the change was sent and may or may not have been applied; read the state to find out. After sending: {Cause(ex)}.", ex);
        }
        catch
        {
            // Whatever came of it, the session is not trusted any more.
            Drop();
            throw;
        }
    }

    private static string Cause(Exception ex) => ex is OperationCanceledException ? "the time allowed ran out" : ex.Message.TrimEnd('.');

    private async Task<AcClient> ConnectedAsync(CancellationToken cancel)
    {
        if (_client != null) return _client;
        _client = await AcClient.ConnectAsync(Endpoint, _timeout, cancel, _log).ConfigureAwait(false);
        Connects++;
        return _client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    // Authentication and refusals are answers, not accidents: asking again gives the same answer.
    // A timeout has used the caller's time, so it is not retried either.
    private static bool Retryable(Exception ex) =>
        ex is DeviceUnreachableException or MideaProtocolException { Fault: not ProtocolFault.Unsupported }
        || ex is System.Net.Sockets.SocketException;
}
