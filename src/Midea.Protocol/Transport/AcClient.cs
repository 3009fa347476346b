using System;
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

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private byte NextMessageId() => ++_messageId;
}
