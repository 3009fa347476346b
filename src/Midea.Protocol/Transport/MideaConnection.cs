using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>
/// One TCP session with a unit: V2 packets, or V3 after the handshake. Once open, a reader takes
/// every packet the unit sends: the answer a request waits for goes to it, and a frame the unit
/// pushes on its own (frame type 0x04 or 0x05, protocol.md §5.10) is raised as <see cref="Pushed"/>,
/// never taken for an answer, whether a request is waiting or not. One request at a time.
/// </summary>
public sealed class MideaConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly DeviceEndpoint _endpoint;
    private readonly TimeSpan _timeout;
    private readonly Action<string>? _log;
    private readonly PacketBuffer _buffer;
    private readonly byte[] _receive = new byte[2048];
    private readonly object _gate = new();
    private byte[]? _linkKey;
    private int _packetId;
    private Waiter? _waiter;
    private Exception? _broken;
    private int _disposed;
    private long _packetsReceived;

    private MideaConnection(Socket socket, DeviceEndpoint endpoint, TimeSpan timeout, Action<string>? log)
    {
        _socket = socket;
        _endpoint = endpoint;
        _timeout = timeout;
        _log = log;
        _buffer = new PacketBuffer(endpoint.ProtocolVersion == 3);
    }

    /// <summary>
    /// A frame the unit sent on its own (frame type 0x04 or 0x05). Raised on the reader's thread;
    /// a handler must return quickly and not throw.
    /// </summary>
    public event Action<AaFrame>? Pushed;

    /// <summary>
    /// The connection ended without <see cref="Dispose"/>: the unit closed or reset it, or sent bytes
    /// that do not decode. Raised once, on the reader's thread, with the reason.
    /// </summary>
    public event Action<Exception>? Closed;

    /// <summary>False once the unit closed the connection, it broke, or it was disposed: a new one is needed.</summary>
    public bool IsOpen => Volatile.Read(ref _disposed) == 0 && Volatile.Read(ref _broken) is null;

    /// <summary>Connects and, for V3, authenticates.</summary>
    /// <param name="endpoint">The unit, with its token and key when it is V3.</param>
    /// <param name="timeout">Limit for the connect, the handshake, and later each request.</param>
    /// <param name="cancel">Stops connecting and the handshake.</param>
    /// <param name="log">Protocol detail for a debug stream; never given secrets or payloads.</param>
    /// <exception cref="DeviceUnreachableException">Refused or no route.</exception>
    /// <exception cref="DeviceTimeoutException">No answer in time.</exception>
    /// <exception cref="AuthenticationFailedException">V3 token or key rejected, or missing.</exception>
    /// <param name="connected">Called once TCP is connected, before any handshake (lets callers tell the two failures apart).</param>
    public static async Task<MideaConnection> OpenAsync(DeviceEndpoint endpoint, TimeSpan timeout, CancellationToken cancel, Action<string>? log = null, Action? connected = null)
    {
        if (endpoint.ProtocolVersion is not (2 or 3))
            throw new MideaProtocolException(ProtocolFault.Unsupported, $"Protocol version {endpoint.ProtocolVersion} is not supported; only V2 and V3 units are.");
        if (endpoint.ProtocolVersion == 3 && (endpoint.Token is null || endpoint.Key is null))
            throw new AuthenticationFailedException($"{endpoint} is a V3 unit: a token and key are needed to talk to it.");
        var socket = new Socket(endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new MideaConnection(socket, endpoint, timeout, log);
        try
        {
            await Deadline.Run(socket, timeout, $"Connecting to {endpoint}", async () =>
            {
                await socket.ConnectAsync(endpoint.Address, endpoint.Port).ConfigureAwait(false);
                return true;
            }, cancel).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        log?.Invoke(TransportSteps.Connected(endpoint));
        connected?.Invoke();
        if (endpoint.ProtocolVersion == 3)
        {
            try
            {
                await connection.AuthenticateAsync(cancel).ConfigureAwait(false);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        // From here on only the reader takes bytes from the socket.
        _ = Task.Run(connection.ReadLoopAsync);
        return connection;
    }

    /// <summary>
    /// Packets written to the unit in full so far. A caller that sends a change compares it before
    /// and after a failure: if it grew, the change reached the unit and may have been applied.
    /// </summary>
    public long PacketsSent { get; private set; }

    /// <summary>Sends one AA frame and waits for the reply frame whose body starts with <paramref name="responseId"/>.</summary>
    /// <param name="frame">The whole AA frame to send; it goes out wrapped in a V2 packet, and that in V3 when the link is encrypted.</param>
    /// <param name="responseId">The first body byte of the reply waited for; other frames are skipped.</param>
    /// <param name="cancel">Stops the wait.</param>
    /// <param name="responseType">When given, only a reply of this frame type is taken. A pushed frame (type 0x04 or 0x05) is never taken.</param>
    /// <exception cref="DeviceTimeoutException">No matching reply in time.</exception>
    /// <exception cref="MideaProtocolException">A reply did not decode.</exception>
    public Task<AaFrame> RequestAsync(byte[] frame, byte responseId, CancellationToken cancel, FrameType? responseType = null) =>
        Deadline.Run(_socket, _timeout, $"Waiting for {_endpoint}", async () =>
        {
            byte[] packet = V2Packet.Encode(V2Magic.Request, _endpoint.DeviceId, frame, V2Packet.Timestamp(DateTime.UtcNow));
            if (_linkKey != null) packet = V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedRequest, NextPacketId(), packet);
            var waiter = new Waiter(received =>
            {
                if (Unwrap(received) is not AaFrame reply) return null;
                bool answer = reply.Id == responseId && !AaFrame.IsPush(reply.FrameType) && (responseType is null || reply.FrameType == (byte)responseType);
                if (!answer) Skipped(reply);
                return answer ? reply : null;
            });
            _log?.Invoke($"Sending frame {frame[10]:x2} ({frame.Length} bytes) to {_endpoint}.");
            var reply = (AaFrame)(await WaitAfterSendingAsync(packet, waiter).ConfigureAwait(false))!;
            _log?.Invoke($"Received frame {reply.Id:x2} type {reply.FrameType:x2} ({reply.Body.Length} body bytes) from {_endpoint}.");
            return reply;
        }, cancel);

    /// <summary>
    /// Sends <paramref name="data"/> as it is (not as an AA frame) and returns the data of the next
    /// packet: inside the encrypted request for V3, as the payload of a V2 packet of
    /// <paramref name="v2MessageType"/> for V2. Null when a V3 unit answers ERROR.
    /// </summary>
    /// <exception cref="DeviceUnreachableException">The unit closed the connection without answering.</exception>
    /// <exception cref="DeviceTimeoutException">No answer in time.</exception>
    public Task<byte[]?> ExchangeAsync(byte[] data, ushort v2MessageType, CancellationToken cancel) =>
        Deadline.Run(_socket, _timeout, $"Waiting for {_endpoint}", async () =>
        {
            byte[] packet = _linkKey != null
                ? V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedRequest, NextPacketId(), data)
                : V2Packet.Encode(V2Magic.Request, _endpoint.DeviceId, data, V2Packet.Timestamp(DateTime.UtcNow), messageType: v2MessageType);
            var waiter = new Waiter(received =>
            {
                if (_linkKey == null) return new Answer(CheckDevice(V2Packet.Decode(received)).Payload);
                if (V3Packet.ReadType(received) == V3PacketType.Error) return new Answer(null);
                return new Answer(V3Packet.DecodeEncrypted(_linkKey, received).Data);
            });
            _log?.Invoke($"Sending {data.Length} bytes of command data to {_endpoint}.");
            return ((Answer)(await WaitAfterSendingAsync(packet, waiter).ConfigureAwait(false))!).Data;
        }, cancel);

    /// <summary>
    /// Sends the keep-alive packet midea-local sends on an open connection (a V2 packet of type
    /// 0x1001 without payload, protocol.md §5.10), inside V3 when the link is encrypted. No answer is
    /// awaited: what a unit answers is not recorded; whatever it sends back is skipped.
    /// </summary>
    /// <exception cref="DeviceUnreachableException">The connection is closed or broken.</exception>
    public Task HeartbeatAsync(CancellationToken cancel) =>
        Deadline.Run(_socket, _timeout, $"Heartbeat to {_endpoint}", async () =>
        {
            ThrowIfBroken();
            byte[] packet = V2Packet.Encode(V2Magic.Heartbeat, _endpoint.DeviceId, Array.Empty<byte>(), V2Packet.Timestamp(DateTime.UtcNow), messageType: V2Packet.HeartbeatType);
            if (_linkKey != null) packet = V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedRequest, NextPacketId(), packet);
            await SendAsync(packet).ConfigureAwait(false);
            return true;
        }, cancel);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            // A FIN first: closing a socket with the reader's receive pending would reset the connection.
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already reset or closed by the unit, or by a deadline.
        }
        _socket.Dispose();
    }

    private Task<bool> AuthenticateAsync(CancellationToken cancel) =>
        Deadline.Run(_socket, _timeout, $"Handshake with {_endpoint}", async () =>
        {
            await SendAsync(Handshake.EncodeRequest(NextPacketId(), _endpoint.Token!)).ConfigureAwait(false);
            byte[] reply = await ReadPacketAsync().ConfigureAwait(false);
            _linkKey = Handshake.DecodeResponse(_endpoint.Key!, reply, _endpoint.ToString());
            _log?.Invoke(TransportSteps.HandshakeAccepted(_endpoint));
            return true;
        }, cancel);

    private AaFrame? Unwrap(byte[] received)
    {
        byte[] v2 = received;
        if (_linkKey != null)
        {
            if (V3Packet.ReadType(received) == V3PacketType.Error)
                throw new AuthenticationFailedException($"{_endpoint} answered ERROR: the session is no longer authenticated.");
            v2 = V3Packet.DecodeEncrypted(_linkKey, received).Data;
        }
        V2Packet packet = CheckDevice(V2Packet.Decode(v2));
        if (packet.MessageType != V2Packet.ApplianceData || packet.Payload.Length == 0)
        {
            _log?.Invoke($"Skipped V2 packet type {packet.MessageType:x4} from {_endpoint}.");
            return null;
        }
        return AaFrame.Decode(packet.Payload, _endpoint.ApplianceType);
    }

    /// <summary>
    /// Refuses a packet that names another unit: a reply for someone else must not be read as this
    /// unit's state. A zero id is accepted, because nothing shows that every firmware fills the
    /// field in (msmart reads no id of a received packet); an endpoint without an id (0) has nothing to compare with. The
    /// refusal is a protocol fault, so a query may ask again like after any garbled reply.
    /// </summary>
    private V2Packet CheckDevice(V2Packet packet)
    {
        if (packet.DeviceId != 0 && _endpoint.DeviceId != 0 && packet.DeviceId != _endpoint.DeviceId)
        {
            throw new MideaProtocolException(ProtocolFault.WrongDevice,
                $"{_endpoint} answered with a packet for device id {packet.DeviceId}, but the session is with device id {_endpoint.DeviceId}.");
        }
        return packet;
    }

    private async Task SendAsync(byte[] packet)
    {
        // One write per packet, as units expect (protocol.md §2.6).
        int sent = 0;
        while (sent < packet.Length)
        {
            sent += await _socket.SendAsync(new ArraySegment<byte>(packet, sent, packet.Length - sent), SocketFlags.None).ConfigureAwait(false);
        }
        PacketsSent++;
    }

    private async Task<byte[]> ReadPacketAsync()
    {
        byte[] packet;
        while (!_buffer.TryTake(out packet))
        {
            int count = await _socket.ReceiveAsync(new ArraySegment<byte>(_receive), SocketFlags.None).ConfigureAwait(false);
            if (count == 0)
            {
                // Units that take one connection, or very few, accept another and close it at once.
                throw new DeviceUnreachableException(_packetsReceived == 0
                    ? $"{_endpoint} closed the connection before answering anything; a unit does this when it has no room for another connection (another program, or another PowerShell process, may hold its only one)."
                    : $"{_endpoint} closed the connection.");
            }
            _buffer.Append(new ReadOnlySpan<byte>(_receive, 0, count));
        }
        _packetsReceived++;
        return packet;
    }

    /// <summary>
    /// Takes every packet the unit sends until the connection ends. A packet is offered to the
    /// waiting request first; a pushed frame goes to <see cref="Pushed"/>. A packet that does not
    /// decode ends the connection: its byte stream can no longer be trusted.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                byte[] packet = await ReadPacketAsync().ConfigureAwait(false);
                Waiter? waiter;
                lock (_gate) waiter = _waiter;
                if (waiter != null)
                {
                    object? answer = waiter.Offer(packet);
                    if (answer != null)
                    {
                        lock (_gate) if (_waiter == waiter) _waiter = null;
                        waiter.Done.TrySetResult(answer);
                    }
                    continue;
                }
                if (Unwrap(packet) is AaFrame frame) Skipped(frame);
            }
        }
        catch (Exception ex)
        {
            Waiter? waiter;
            lock (_gate)
            {
                _broken = ex;
                waiter = _waiter;
                _waiter = null;
            }
            waiter?.Done.TrySetException(ex);
            if (Volatile.Read(ref _disposed) == 0)
            {
                _log?.Invoke($"{_endpoint}: the connection ended ({ex.Message.TrimEnd('.')}).");
                Closed?.Invoke(ex);
            }
        }
    }

    /// <summary>Registers <paramref name="waiter"/>, sends <paramref name="packet"/> and waits for what the reader hands it.</summary>
    private async Task<object?> WaitAfterSendingAsync(byte[] packet, Waiter waiter)
    {
        lock (_gate)
        {
            ThrowIfBroken();
            _waiter = waiter;
        }
        try
        {
            await SendAsync(packet).ConfigureAwait(false);
            return await waiter.Done.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) if (_waiter == waiter) _waiter = null;
        }
    }

    private void ThrowIfBroken()
    {
        if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(MideaConnection));
        if (Volatile.Read(ref _broken) is Exception broken)
            throw new DeviceUnreachableException($"{_endpoint}: the connection has ended ({broken.Message.TrimEnd('.')}).", broken);
    }

    /// <summary>A frame that answers nothing waited for: a push is raised, anything else (a late answer) only logged.</summary>
    private void Skipped(AaFrame frame)
    {
        if (!AaFrame.IsPush(frame.FrameType))
        {
            _log?.Invoke($"Skipped frame {frame.Id:x2} type {frame.FrameType:x2} from {_endpoint}: nothing waits for it.");
            return;
        }
        _log?.Invoke($"{_endpoint} pushed frame {frame.Id:x2} type {frame.FrameType:x2} ({frame.Body.Length} body bytes).");
        try
        {
            Pushed?.Invoke(frame);
        }
        catch (Exception ex)
        {
            // A listener's fault must not end the connection that others share.
            _log?.Invoke($"A listener of pushes from {_endpoint} failed: {ex.Message}");
        }
    }

    private int NextPacketId()
    {
        int id = _packetId;
        _packetId = (_packetId + 1) & 0xFFF;
        return id;
    }

    /// <summary>A request's answer with no value of its own (the data of an exchange may be null).</summary>
    private sealed record Answer(byte[]? Data);

    /// <summary>The one request waiting; <see cref="Offer"/> runs on the reader and returns the answer, or null to keep waiting.</summary>
    private sealed class Waiter
    {
        private readonly Func<byte[], object?> _offer;

        public Waiter(Func<byte[], object?> offer) => _offer = offer;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public object? Offer(byte[] packet) => _offer(packet);
    }
}
