using System;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>
/// A session with one unit that survives a broken connection: it connects on first use (and
/// authenticates for V3), numbers the AA messages, and sends each request by its
/// <see cref="RequestKind"/> under the <see cref="RequestPolicy"/>. A read that meets a closed or
/// reset connection or garbled bytes is asked again with backoff on a fresh connection; a change is
/// written once, and a failure after it counts as sent is an <see cref="OutcomeUnknownException"/>.
/// A connection that ended while idle (the unit closed it) is replaced before the next request, since
/// nothing was sent on it. Frames the unit pushes on its own are raised as <see cref="Pushed"/>.
/// Appliance types (docs/architecture.md §1.1) speak through it. Not thread-safe: one request at a time.
/// </summary>
public sealed class DeviceSession : IDisposable
{
    private volatile MideaConnection? _connection;
    private byte _messageId;
    private OperationScope? _operation;

    /// <summary>Creates the session; nothing is connected until the first request.</summary>
    /// <param name="endpoint">The unit to talk to.</param>
    /// <param name="policy">The time limits and retry rules for each request and operation.</param>
    /// <param name="log">Protocol detail for a debug stream; never given secrets or payloads.</param>
    public DeviceSession(DeviceEndpoint endpoint, RequestPolicy policy, Action<string>? log = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Log = log;
    }

    /// <summary>Protocol detail for a debug stream; a session kept across commands is given each command's log in turn.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>A frame the unit pushed (protocol.md §5.10), on whichever connection is open; raised on the connection's reader thread.</summary>
    public event Action<AaFrame>? Pushed;

    /// <summary>The open connection ended without being closed by this side (the unit closed or reset it); raised on the reader thread.</summary>
    public event Action<Exception>? ConnectionLost;

    /// <summary>Whether a connection is open now (a request would not have to connect first).</summary>
    public bool IsConnected => _connection?.IsOpen == true;

    /// <summary>When the open connection was made (UTC); null when none is open.</summary>
    public DateTime? ConnectedAt { get; private set; }

    /// <summary>The unit.</summary>
    public DeviceEndpoint Endpoint { get; }

    /// <summary>The time limits and retry rules.</summary>
    public RequestPolicy Policy { get; }

    /// <summary>Connections opened so far (a reused session opens one).</summary>
    public int Connects { get; private set; }

    /// <summary>
    /// Requests the unit answered so far. A caller that finds it unchanged across a failed call
    /// knows the unit at this address answered nothing, so no change of that call was applied.
    /// </summary>
    public long Answers { get; private set; }

    /// <summary>
    /// Runs one operation (a read with its parts, a change) under <see cref="RequestPolicy.OperationDeadline"/>,
    /// with at most <see cref="RequestPolicy.MostRequestsPerOperation"/> requests. An operation
    /// started inside another belongs to it.
    /// </summary>
    /// <exception cref="DeviceTimeoutException">The operation took longer than the deadline.</exception>
    public async Task<T> OperationAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancel)
    {
        if (operation is null) throw new ArgumentNullException(nameof(operation));
        if (_operation != null) return await operation(cancel).ConfigureAwait(false);
        TimeSpan deadline = Policy.OperationDeadline;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(deadline);
        var scope = new OperationScope();
        _operation = scope;
        try
        {
            return await operation(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            // The deadline, not the caller: a change already written may have been applied.
            Drop();
            if (scope.ChangeSent)
                throw new OutcomeUnknownException($"{Endpoint}: the change was sent and may or may not have been applied; read the state to find out. After sending: the time allowed ran out.", ex);
            throw new DeviceTimeoutException($"{Endpoint}: no answer within {deadline.TotalSeconds:0.#} s.", ex);
        }
        finally
        {
            _operation = null;
        }
    }

    /// <summary>Opens the connection (and the V3 session) if it is not open; a failure to connect is retried like a read.</summary>
    /// <param name="cancel">Stops connecting and the retries.</param>
    /// <param name="connected">Called each time TCP connects, before any handshake (lets a caller tell the two failures apart).</param>
    public Task ConnectAsync(CancellationToken cancel, Action? connected = null) => WithRetriesAsync(c => Task.FromResult(c), cancel, connected);

    /// <summary>
    /// Sends one AA frame, built with the next message id, and returns the reply whose body starts
    /// with <paramref name="responseId"/> (and is of <paramref name="responseType"/> when given).
    /// </summary>
    /// <exception cref="OutcomeUnknownException">A change counted as sent, then failed.</exception>
    public Task<AaFrame> RequestAsync(Func<byte, byte[]> frame, byte responseId, FrameType? responseType, RequestKind kind, CancellationToken cancel)
    {
        if (frame is null) throw new ArgumentNullException(nameof(frame));
        CountRequest();
        byte messageId = ++_messageId;
        return SendAsync(c => c.RequestAsync(frame(messageId), responseId, cancel, responseType), kind, cancel);
    }

    /// <summary>Sends <paramref name="data"/> as it is (not as an AA frame) and returns the answer's data; null when a V3 unit answers ERROR (see <see cref="MideaConnection.ExchangeAsync"/>).</summary>
    public Task<byte[]?> ExchangeAsync(byte[] data, ushort v2MessageType, RequestKind kind, CancellationToken cancel)
    {
        CountRequest();
        return SendAsync(c => c.ExchangeAsync(data, v2MessageType, cancel), kind, cancel);
    }

    /// <summary>
    /// Whether a V3 unit accepts the token and key of <paramref name="endpoint"/>: connects and
    /// authenticates, then closes. A refused handshake is the answer false; any other failure (no
    /// answer, no connection) is thrown, since it says nothing about the pair.
    /// </summary>
    public static async Task<bool> AcceptsAsync(DeviceEndpoint endpoint, RequestPolicy policy, CancellationToken cancel)
    {
        using var session = new DeviceSession(endpoint, policy);
        try
        {
            await session.ConnectAsync(cancel).ConfigureAwait(false);
            return true;
        }
        catch (AuthenticationFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends the keep-alive packet on the open connection (<see cref="MideaConnection.HeartbeatAsync"/>),
    /// connecting first when none is open. It is not an operation: it counts toward no request limit.
    /// </summary>
    /// <exception cref="DeviceUnreachableException">The unit cannot be reached or the connection broke.</exception>
    public async Task HeartbeatAsync(CancellationToken cancel)
    {
        MideaConnection connection = await WithRetriesAsync(c => Task.FromResult(c), cancel).ConfigureAwait(false);
        try
        {
            await connection.HeartbeatAsync(cancel).ConfigureAwait(false);
        }
        catch
        {
            Drop();
            throw;
        }
    }

    /// <summary>Closes the connection; the next request opens a new one.</summary>
    public void Dispose() => Drop();

    private async Task<T> SendAsync<T>(Func<MideaConnection, Task<T>> request, RequestKind kind, CancellationToken cancel)
    {
        T answer = await (kind == RequestKind.Read ? WithRetriesAsync(request, cancel) : OnceAsync(request, kind == RequestKind.Change, cancel)).ConfigureAwait(false);
        Answers++;
        return answer;
    }

    private async Task<T> WithRetriesAsync<T>(Func<MideaConnection, Task<T>> request, CancellationToken cancel, Action? connected = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                MideaConnection connection = await ConnectedAsync(connected, cancel).ConfigureAwait(false);
                return await request(connection).ConfigureAwait(false);
            }
            catch (Exception ex) when (RequestPolicy.IsRetryable(ex) && attempt < Policy.ReadAttempts && !cancel.IsCancellationRequested)
            {
                Drop();
                Log?.Invoke(TransportSteps.Reconnecting(Endpoint, ex, attempt));
                await Task.Delay(Policy.BackoffBefore(attempt + 1), cancel).ConfigureAwait(false);
            }
            catch
            {
                // Whatever came of it, the connection is not trusted any more.
                Drop();
                throw;
            }
        }
    }

    private async Task<T> OnceAsync<T>(Func<MideaConnection, Task<T>> request, bool change, CancellationToken cancel)
    {
        MideaConnection connection = await WithRetriesAsync(c => Task.FromResult(c), cancel).ConfigureAwait(false);
        long before = connection.PacketsSent;
        try
        {
            return await request(connection).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (change && RequestPolicy.MayHaveApplied(before, connection.PacketsSent, ex))
        {
            // A cancellation stays one: when the caller stopped, it is the caller's answer; when the
            // operation's deadline passed, OperationAsync reports the change as in doubt.
            Drop();
            if (_operation != null) _operation.ChangeSent = true;
            throw;
        }
        catch (Exception ex) when (change && RequestPolicy.MayHaveApplied(before, connection.PacketsSent, ex))
        {
            Drop();
            throw new OutcomeUnknownException($"{Endpoint}: the change was sent and may or may not have been applied; read the state to find out. After sending: {ex.Message.TrimEnd('.')}.", ex);
        }
        catch
        {
            Drop();
            throw;
        }
    }

    private void CountRequest()
    {
        if (_operation is null) return;
        if (++_operation.Requests > RequestPolicy.MostRequestsPerOperation)
            throw new InvalidOperationException($"An operation made more than {RequestPolicy.MostRequestsPerOperation} requests; raise RequestPolicy.MostRequestsPerOperation with the operation that needs it.");
    }

    private async Task<MideaConnection> ConnectedAsync(Action? connected, CancellationToken cancel)
    {
        if (_connection is { IsOpen: true } open) return open;
        if (_connection != null)
        {
            // The unit ended it while idle; nothing of this request was sent on it, so a new one is safe for a change too.
            Log?.Invoke($"{Endpoint}: the kept connection has ended; connecting again.");
            Drop();
        }
        MideaConnection connection = await MideaConnection.OpenAsync(Endpoint, Policy.RequestTimeout, cancel, line => Log?.Invoke(line), connected).ConfigureAwait(false);
        connection.Pushed += OnPushed;
        connection.Closed += OnClosed;
        _connection = connection;
        ConnectedAt = DateTime.UtcNow;
        Connects++;
        return connection;
    }

    private void OnPushed(AaFrame frame) => Pushed?.Invoke(frame);

    private void OnClosed(Exception reason) => ConnectionLost?.Invoke(reason);

    private void Drop()
    {
        MideaConnection? connection = _connection;
        _connection = null;
        ConnectedAt = null;
        if (connection is null) return;
        connection.Pushed -= OnPushed;
        connection.Closed -= OnClosed;
        connection.Dispose();
    }

    private sealed class OperationScope
    {
        public int Requests;

        // A change of this operation counted as sent, then the operation was cancelled.
        public bool ChangeSent;
    }
}
