using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>
/// One TCP session with a unit: V2 packets, or V3 after the handshake. Sends an AA frame and
/// returns the reply frame with the expected id; unsolicited frames in between are skipped.
/// Not thread-safe: one request at a time.
/// </summary>
public sealed class MideaConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly DeviceEndpoint _endpoint;
    private readonly TimeSpan _timeout;
    private readonly Action<string>? _log;
    private readonly PacketBuffer _buffer;
    private readonly byte[] _receive = new byte[2048];
    private byte[]? _linkKey;
    private int _packetId;

    private MideaConnection(Socket socket, DeviceEndpoint endpoint, TimeSpan timeout, Action<string>? log)
    {
        _socket = socket;
        _endpoint = endpoint;
        _timeout = timeout;
        _log = log;
        _buffer = new PacketBuffer(endpoint.ProtocolVersion == 3);
    }

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
    /// <param name="responseType">When given, a frame of another type with the same id (an unsolicited notification, such as a B5 of type 05) is skipped.</param>
    /// <exception cref="DeviceTimeoutException">No matching reply in time.</exception>
    /// <exception cref="MideaProtocolException">A reply did not decode.</exception>
    public Task<AaFrame> RequestAsync(byte[] frame, byte responseId, CancellationToken cancel, FrameType? responseType = null) =>
        Deadline.Run(_socket, _timeout, $"Waiting for {_endpoint}", async () =>
        {
            byte[] packet = V2Packet.Encode(V2Magic.Request, _endpoint.DeviceId, frame, V2Packet.Timestamp(DateTime.UtcNow));
            if (_linkKey != null) packet = V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedRequest, NextPacketId(), packet);
            await SendAsync(packet).ConfigureAwait(false);
            _log?.Invoke($"Sent frame {frame[10]:x2} ({frame.Length} bytes) to {_endpoint}.");
            while (true)
            {
                byte[] received = await ReadPacketAsync().ConfigureAwait(false);
                AaFrame? reply = Unwrap(received);
                if (reply is null) continue;
                if (reply.Id == responseId && (responseType is null || reply.FrameType == (byte)responseType))
                {
                    _log?.Invoke($"Received frame {reply.Id:x2} type {reply.FrameType:x2} ({reply.Body.Length} body bytes) from {_endpoint}.");
                    return reply;
                }
                _log?.Invoke($"Skipped unsolicited frame {reply.Id:x2} type {reply.FrameType:x2} from {_endpoint}.");
            }
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
            await SendAsync(packet).ConfigureAwait(false);
            _log?.Invoke($"Sent {data.Length} bytes of command data to {_endpoint}.");
            byte[] received = await ReadPacketAsync().ConfigureAwait(false);
            if (_linkKey == null) return CheckDevice(V2Packet.Decode(received)).Payload;
            if (V3Packet.ReadType(received) == V3PacketType.Error) return null;
            return V3Packet.DecodeEncrypted(_linkKey, received).Data;
        }, cancel);

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();

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
            if (count == 0) throw new DeviceUnreachableException($"{_endpoint} closed the connection.");
            _buffer.Append(new ReadOnlySpan<byte>(_receive, 0, count));
        }
        return packet;
    }

    private int NextPacketId()
    {
        int id = _packetId;
        _packetId = (_packetId + 1) & 0xFFF;
        return id;
    }
}
