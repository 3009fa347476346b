using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>
/// One TCP connection to a simulated unit, packet by packet, for tests that must see what the
/// client's session hides: pushes, silence after a heartbeat, a connection the unit closes.
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly PacketBuffer _buffer;
    private readonly VirtualAirConditioner _unit;
    private readonly byte[] _receive = new byte[4096];
    private byte[]? _linkKey;
    private int _packetId;
    private Task<int>? _pendingRead;

    private RawConnection(TcpClient client, VirtualAirConditioner unit)
    {
        _client = client;
        _stream = client.GetStream();
        _unit = unit;
        _buffer = new PacketBuffer(unit.ProtocolVersion == 3);
    }

    /// <summary>Bytes the reassembly skipped: not 0 when packets arrived interleaved or garbled.</summary>
    public long DiscardedBytes => _buffer.DiscardedBytes;

    /// <summary>Connects, and for V3 runs the handshake unless <paramref name="handshake"/> is false.</summary>
    public static async Task<RawConnection> OpenAsync(VirtualAirConditioner unit, bool handshake = true)
    {
        var client = new TcpClient();
        await client.ConnectAsync(unit.Address, unit.Port);
        var connection = new RawConnection(client, unit);
        if (unit.ProtocolVersion == 3 && handshake)
        {
            await connection._stream.WriteAsync(Handshake.EncodeRequest(0, unit.Token));
            byte[] reply = await connection.ReadPacketAsync(FaultInjection.Generous) ?? throw new InvalidOperationException("No handshake reply.");
            connection._linkKey = Handshake.DecodeResponse(unit.Key, reply);
        }
        return connection;
    }

    /// <summary>Sends a V2 packet as the client would: as it is on V2, inside an encrypted request on V3.</summary>
    public Task SendAsync(byte[] v2Packet)
    {
        byte[] packet = _linkKey is null ? v2Packet : V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedRequest, _packetId++, v2Packet);
        return _stream.WriteAsync(packet).AsTask();
    }

    /// <summary>Sends one AA frame in a V2 request.</summary>
    public Task SendFrameAsync(byte[] frame) => SendAsync(V2Packet.Encode(V2Magic.Request, _unit.DeviceId, frame, V2Packet.Timestamp(DateTime.UtcNow)));

    /// <summary>midea-local's heartbeat: a V2 packet of type 0x1001, magic 7b 00, no payload (protocol.md §2.5).</summary>
    public Task SendHeartbeatAsync() => SendAsync(V2Packet.Encode(V2Magic.Heartbeat, _unit.DeviceId, Array.Empty<byte>(), messageType: V2Packet.HeartbeatType));

    /// <summary>The next V2 packet the unit sent (decrypted on V3), or null when none came within <paramref name="wait"/>.</summary>
    /// <exception cref="EndOfStreamException">The unit closed the connection.</exception>
    public async Task<V2Packet?> ReadV2Async(TimeSpan wait)
    {
        byte[]? packet = await ReadPacketAsync(wait);
        if (packet is null) return null;
        return V2Packet.Decode(_linkKey is null ? packet : V3Packet.DecodeEncrypted(_linkKey, packet).Data);
    }

    /// <summary>The next AA frame the unit sent, or null when none came within <paramref name="wait"/>.</summary>
    public async Task<(V2Packet Packet, AaFrame Frame)?> ReadFrameAsync(TimeSpan wait)
    {
        V2Packet? packet = await ReadV2Async(wait);
        return packet is null ? null : (packet, AaFrame.Decode(packet.Payload));
    }

    /// <summary>Asks for the state on this connection and returns the reply, skipping pushes.</summary>
    public async Task<AcState> GetStateAsync()
    {
        await SendFrameAsync(AcCommands.GetState(1));
        while (true)
        {
            (V2Packet _, AaFrame frame) = await ReadFrameAsync(FaultInjection.Generous) ?? throw new TimeoutException("No state reply.");
            if (frame.Id == AcCommands.StateResponseId) return StateCodec.Parse(frame.Body);
        }
    }

    /// <summary>True when the unit closes the connection within <paramref name="wait"/> (FIN or reset) without sending anything first.</summary>
    public async Task<bool> ClosedByUnitAsync(TimeSpan wait)
    {
        try
        {
            await ReadPacketAsync(wait);
            return false;
        }
        catch (EndOfStreamException)
        {
            return _buffer.Pending == 0;
        }
    }

    /// <summary>Waits for the first bytes of the next packet and keeps them for the next read; false when none came in time.</summary>
    public async Task<bool> ReceivingAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        _pendingRead ??= ReadSomeAsync();
        if (await Task.WhenAny(_pendingRead, Task.Delay(Timeout.Infinite, timeout.Token)) != _pendingRead) return false;
        int count = await _pendingRead;
        _pendingRead = null;
        if (count == 0) throw new EndOfStreamException("The unit closed the connection.");
        _buffer.Append(new ReadOnlySpan<byte>(_receive, 0, count));
        return true;
    }

    private async Task<byte[]?> ReadPacketAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        while (true)
        {
            if (_buffer.TryTake(out byte[] packet)) return packet;
            // A read that timed out stays pending and is awaited by the next call, so no bytes are lost.
            _pendingRead ??= ReadSomeAsync();
            Task done = await Task.WhenAny(_pendingRead, Task.Delay(Timeout.Infinite, timeout.Token));
            if (done != _pendingRead) return null;
            int count = await _pendingRead;
            _pendingRead = null;
            if (count == 0) throw new EndOfStreamException("The unit closed the connection.");
            _buffer.Append(new ReadOnlySpan<byte>(_receive, 0, count));
        }
    }

    private async Task<int> ReadSomeAsync()
    {
        try
        {
            return await _stream.ReadAsync(_receive.AsMemory());
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // A reset closes the connection as surely as a FIN.
            return 0;
        }
    }

    public void Dispose() => _client.Dispose();
}
