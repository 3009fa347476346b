using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Transport;

/// <summary>Air-conditioner commands over one connection, with msmart's message-id counter.</summary>
public sealed class AcClient : IDisposable
{
    private readonly MideaConnection _connection;
    private byte _messageId;

    private AcClient(MideaConnection connection) => _connection = connection;

    /// <summary>Opens a session (see <see cref="MideaConnection.OpenAsync"/>).</summary>
    public static async Task<AcClient> ConnectAsync(DeviceEndpoint endpoint, TimeSpan timeout, CancellationToken cancel, Action<string>? log = null) =>
        new AcClient(await MideaConnection.OpenAsync(endpoint, timeout, cancel, log).ConfigureAwait(false));

    /// <summary>Packets written in full on this connection (see <see cref="MideaConnection.PacketsSent"/>).</summary>
    public long PacketsSent => _connection.PacketsSent;

    /// <summary>Queries the state (GetState → C0).</summary>
    public async Task<AcState> GetStateAsync(CancellationToken cancel)
    {
        AaFrame reply = await _connection.RequestAsync(AcCommands.GetState(NextMessageId()), AcCommands.StateResponseId, cancel).ConfigureAwait(false);
        return StateCodec.Parse(reply.Body);
    }

    /// <summary>Sends the whole <paramref name="desired"/> state and returns the state the unit reports back.</summary>
    public async Task<AcState> SetStateAsync(AcState desired, bool beep, CancellationToken cancel)
    {
        AaFrame reply = await _connection.RequestAsync(AcCommands.SetState(desired, beep, NextMessageId()), AcCommands.StateResponseId, cancel).ConfigureAwait(false);
        return StateCodec.Parse(reply.Body);
    }

    /// <summary>Flips the display (the protocol has no absolute on/off) and returns the state the unit reports.</summary>
    public async Task<AcState> ToggleDisplayAsync(bool beep, CancellationToken cancel)
    {
        AaFrame reply = await _connection.RequestAsync(AcCommands.ToggleDisplay(beep, NextMessageId()), AcCommands.StateResponseId, cancel).ConfigureAwait(false);
        return StateCodec.Parse(reply.Body);
    }

    /// <summary>Reads the capabilities: page 1, and page 2 when page 1 says there is one. Notifications (type 05) are not taken for the answer.</summary>
    public async Task<AcCapabilities> GetCapabilitiesAsync(CancellationToken cancel)
    {
        var pages = new List<CapabilityPage>();
        for (int page = 1; page <= 2; page++)
        {
            AaFrame reply = await _connection.RequestAsync(CapabilityCodec.Request(page, NextMessageId()), CapabilityCodec.Id, cancel, FrameType.Query).ConfigureAwait(false);
            pages.Add(CapabilityCodec.ParsePage(reply.Body));
            if (!pages[pages.Count - 1].MorePages) break;
        }
        return AcCapabilities.FromPages(pages.ToArray());
    }

    /// <summary>Reads properties (B1); each answer carries its own result code.</summary>
    public async Task<IReadOnlyList<PropertyValue>> GetPropertiesAsync(IReadOnlyList<ushort> ids, CancellationToken cancel)
    {
        AaFrame reply = await _connection.RequestAsync(PropertyCodec.GetRequest(ids, NextMessageId()), PropertyCodec.GetId, cancel, FrameType.Query).ConfigureAwait(false);
        return PropertyCodec.ParseReply(reply.Body);
    }

    /// <summary>Sets properties (B0); the acknowledgement says, per property, whether it was applied.</summary>
    public async Task<IReadOnlyList<PropertyValue>> SetPropertiesAsync(IReadOnlyList<PropertyValue> values, CancellationToken cancel)
    {
        AaFrame reply = await _connection.RequestAsync(PropertyCodec.SetRequest(values, NextMessageId()), PropertyCodec.SetId, cancel, FrameType.Set).ConfigureAwait(false);
        return PropertyCodec.ParseReply(reply.Body);
    }

    /// <summary>Queries one data group (C1) and returns the reply body for the GroupCodec parsers.</summary>
    /// <exception cref="InvalidDeviceResponseException">The unit answered with another group.</exception>
    public async Task<byte[]> GetGroupAsync(int group, CancellationToken cancel)
    {
        AaFrame reply = await _connection.RequestAsync(GroupCodec.Request(group, NextMessageId()), GroupCodec.ResponseId, cancel, FrameType.Query).ConfigureAwait(false);
        int answered = GroupCodec.GroupOf(reply.Body);
        if (answered != group) throw new InvalidDeviceResponseException($"asked for data group {group}, the unit answered with group {answered}.");
        return reply.Body;
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private byte NextMessageId() => ++_messageId;
}
