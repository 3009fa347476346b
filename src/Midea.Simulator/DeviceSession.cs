using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;

namespace Midea.Simulator;

/// <summary>
/// The device side of one TCP connection: V2 packets, or the V3 handshake then encrypted packets.
/// Replies are written from the connection's own loop, pushes from whoever used the remote; the
/// writer takes one packet at a time.
/// </summary>
internal sealed class DeviceSession : IDisposable
{
    private readonly Socket _socket;
    private readonly VirtualAirConditioner _unit;
    private readonly CancellationToken _stop;
    private readonly PacketBuffer _buffer;
    private readonly FaultyWriter _writer;
    private volatile byte[]? _linkKey;
    private int _packetId;

    public DeviceSession(Socket socket, VirtualAirConditioner unit, CancellationToken stop)
    {
        _socket = socket;
        _unit = unit;
        _stop = stop;
        _buffer = new PacketBuffer(unit.ProtocolVersion == 3);
        _writer = new FaultyWriter(socket, unit, stop);
    }

    /// <summary>
    /// Pushes <paramref name="frame"/> to the client as a device packet, like a reply: a V2 packet
    /// naming the unit, encrypted with the link key on V3. A V3 connection gets nothing before its
    /// handshake, since there is no key to encrypt with.
    /// </summary>
    /// <returns>False when nothing was sent: no V3 session yet, or the connection is gone.</returns>
    public async Task<bool> PushAsync(byte[] frame)
    {
        byte[]? linkKey = _linkKey;
        if (_unit.ProtocolVersion == 3 && linkKey is null) return false;
        byte[] packet = DevicePacket(_unit.DeviceId, frame);
        if (linkKey != null) packet = V3Packet.EncodeEncrypted(linkKey, V3PacketType.EncryptedResponse, NextPacketId(), packet);
        try
        {
            await _writer.PushAsync(packet).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Drops the connection, as a unit does when it leaves its address; the loop then ends.</summary>
    public void Close() => _socket.Dispose();

    /// <summary>Closes the connection and its writer, once the loop has ended.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _writer.Dispose();
    }

    /// <summary>Serves the connection until the client closes it, a reply ends it, or the unit stops.</summary>
    public async Task RunAsync()
    {
        var receive = new byte[4096];
        using (_stop.Register(_socket.Dispose))
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    int count = await _socket.ReceiveAsync(new ArraySegment<byte>(receive), SocketFlags.None).ConfigureAwait(false);
                    if (count == 0) return;
                    _buffer.Append(new ReadOnlySpan<byte>(receive, 0, count));
                    while (_buffer.TryTake(out byte[] packet))
                    {
                        if (!await HandleAsync(packet).ConfigureAwait(false)) return;
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away or the unit is stopping (perhaps during a fault delay): nothing to answer.
            }
        }
    }

    /// <returns>False when the connection must close.</returns>
    private async Task<bool> HandleAsync(byte[] packet)
    {
        try
        {
            if (_unit.ProtocolVersion == 2) return await HandleV2Async(packet, null).ConfigureAwait(false);
            switch (V3Packet.ReadType(packet))
            {
                case V3PacketType.HandshakeRequest:
                    return await HandshakeAsync(packet).ConfigureAwait(false);
                case V3PacketType.EncryptedRequest when _linkKey != null:
                    byte[] data = V3Packet.DecodeEncrypted(_linkKey, packet).Data;
                    // An AA command always travels in a V2 packet; anything else is taken as the provisioning command.
                    if (data.Length < 2 || data[0] != 0x5a || data[1] != 0x5a) return await ProvisionAsync(data).ConfigureAwait(false);
                    return await HandleV2Async(data, _linkKey).ConfigureAwait(false);
                default:
                    // Encrypted data before a handshake, or a type a device never receives.
                    return false;
            }
        }
        catch (MideaProtocolException)
        {
            // A real module drops what it cannot read; the client will time out and reconnect.
            return true;
        }
    }

    private async Task<bool> HandshakeAsync(byte[] packet)
    {
        (int id, byte[] token) = Handshake.DecodeRequest(packet);
        byte[]? key = _unit.ActiveFaults.Plan.AuthError ? null : _unit.KeyFor(token);
        if (key is null)
        {
            await SendAsync(V3Packet.EncodeError(id)).ConfigureAwait(false);
            return false;
        }
        byte[] random = Crypto.RandomBytes(32);
        (byte[] reply, byte[] linkKey) = Handshake.EncodeResponse(id, key, random);
        Volatile.Write(ref _packetId, 0);
        _linkKey = linkKey;
        _unit.CountHandshake();
        return await SendAsync(reply).ConfigureAwait(false);
    }

    private async Task<bool> HandleV2Async(byte[] data, byte[]? linkKey)
    {
        V2Packet request = V2Packet.Decode(data);
        if (request.MessageType == V2Packet.HeartbeatType)
        {
            // midea-local's keep-alive (protocol.md §2.5, §5.10): what units answer is not known, so nothing.
            _unit.CountHeartbeat();
            return true;
        }
        if (linkKey is null && request.Payload.Length > 0 && request.Payload[0] != 0xAA) return await ProvisionAsync(request.Payload).ConfigureAwait(false);
        if (request.MessageType != V2Packet.ApplianceData || request.Payload.Length == 0) return true;
        FaultPlan plan = _unit.ActiveFaults.Plan;
        byte[] frame = plan.WrongDataGroup ? MisdirectedGroupQuery(request.Payload) : request.Payload;
        byte[]? replyFrame = _unit.Handle(frame);
        if (replyFrame is null) return true;
        long replyId = plan.ForeignDeviceId != 0 ? plan.ForeignDeviceId : _unit.DeviceId;
        byte[] reply = DevicePacket(replyId, replyFrame);
        if (linkKey != null) reply = V3Packet.EncodeEncrypted(linkKey, V3PacketType.EncryptedResponse, NextPacketId(), reply);
        return await SendAsync(reply).ConfigureAwait(false);
    }

    /// <summary>For <see cref="FaultPlan.WrongDataGroup"/>: a data-group query turned into one for another group; other frames as they are.</summary>
    private static byte[] MisdirectedGroupQuery(byte[] frame)
    {
        // Data groups are an air conditioner's (protocol.md §5.9); other frames pass as they are.
        if (frame.Length < 3 || frame[2] != AaFrame.AirConditioner) return frame;
        byte[] body = AaFrame.DecodeRequest(frame).Body;
        if (body.Length < 4 || body[0] != AcCommands.GetStateId || body[1] != 0x21) return frame;
        int asked = body[3] & 0x0F;
        return GroupCodec.Request(asked == 1 ? 2 : 1, body[body.Length - 1]);
    }

    /// <summary>
    /// The provisioning command by the working hypothesis: valid settings are acknowledged and the
    /// unit leaves to join the network; invalid ones get ERROR (V3) or a closed connection (V2).
    /// </summary>
    private async Task<bool> ProvisionAsync(byte[] commandData)
    {
        WifiSettings? settings = _unit.AcceptSettings(commandData);
        if (settings is null)
        {
            if (_linkKey != null) await SendAsync(V3Packet.EncodeError(NextPacketId())).ConfigureAwait(false);
            return false;
        }
        // What a real unit acknowledges with is unknown; the simulator answers one zero byte.
        byte[] acknowledgement = { 0x00 };
        byte[] reply = _linkKey != null
            ? V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedResponse, NextPacketId(), acknowledgement)
            : V2Packet.Encode(V2Magic.Response, _unit.DeviceId, acknowledgement, V2Packet.Timestamp(DateTime.UtcNow), V2Packet.DeviceReserved(2), V2Packet.ApplianceData);
        // Leave AP mode before answering, so whoever sees the acknowledgement sees a unit that has left.
        _unit.Join(settings);
        await SendAsync(reply).ConfigureAwait(false);
        return false;
    }

    /// <summary>A V2 packet from the unit carrying <paramref name="frame"/>, as captured units send them (protocol.md §2.1).</summary>
    private byte[] DevicePacket(long deviceId, byte[] frame) =>
        V2Packet.Encode(V2Magic.Response, deviceId, frame, V2Packet.Timestamp(DateTime.UtcNow), V2Packet.DeviceReserved(_unit.ProtocolVersion));

    /// <summary>The next V3 packet id; replies and pushes share the counter, from different threads.</summary>
    private int NextPacketId() => (Interlocked.Increment(ref _packetId) - 1) & 0xFFF;

    /// <summary>Sends one reply through the unit's fault plan (see <see cref="FaultPlan"/>).</summary>
    /// <returns>False when the fault plan closed the connection.</returns>
    private Task<bool> SendAsync(byte[] packet) => _writer.SendAsync(packet);
}
