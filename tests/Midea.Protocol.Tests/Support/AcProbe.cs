using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Tests;

/// <summary>
/// A bare air-conditioner client for tests of the session and the simulator: each call is one
/// request on a <see cref="DeviceSession"/> whose policy allows one attempt and which sends every
/// request as <see cref="RequestKind.ReadOnce"/>, so a fault shows as itself instead of being retried
/// or turned into an unknown outcome. Products use <see cref="AirConditioner"/>.
/// </summary>
internal sealed class AcProbe : IDisposable
{
    private AcProbe(DeviceSession session) => Session = session;

    public DeviceSession Session { get; }

    /// <summary>Connects (and authenticates for V3) at once, as the old one-connection client did.</summary>
    public static async Task<AcProbe> ConnectAsync(DeviceEndpoint endpoint, TimeSpan timeout, CancellationToken cancel)
    {
        var session = new DeviceSession(endpoint, new RequestPolicy(timeout) { ReadAttempts = 1 });
        try
        {
            await session.ConnectAsync(cancel);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return new AcProbe(session);
    }

    public Task<AcState> GetStateAsync(CancellationToken cancel) => StateAsync(AcCommands.GetState, RequestKind.ReadOnce, cancel);

    /// <summary>A probe on a session a test made itself (with its own policy).</summary>
    public static AcProbe On(DeviceSession session) => new(session);

    public Task<AcState> SetStateAsync(AcState desired, bool beep, CancellationToken cancel) => SetStateAsync(desired, beep, RequestKind.ReadOnce, cancel);

    public Task<AcState> SetStateAsync(AcState desired, bool beep, RequestKind kind, CancellationToken cancel) =>
        StateAsync(id => AcCommands.SetState(desired, beep, id), kind, cancel);

    public Task<AcState> ToggleDisplayAsync(bool beep, RequestKind kind, CancellationToken cancel) =>
        StateAsync(id => AcCommands.ToggleDisplay(beep, id), kind, cancel);

    public Task<AcCapabilities> GetCapabilitiesAsync(CancellationToken cancel) => new AirConditioner(Session).GetCapabilitiesAsync(fresh: true, cancel);

    public Task<byte[]> GetGroupAsync(int group, CancellationToken cancel) => new AirConditioner(Session).ReadGroupAsync(group, cancel);

    public async Task<IReadOnlyList<PropertyValue>> GetPropertiesAsync(IReadOnlyList<ushort> ids, CancellationToken cancel)
    {
        AaFrame reply = await Session.RequestAsync(id => PropertyCodec.GetRequest(ids, id), PropertyCodec.GetId, FrameType.Query, RequestKind.ReadOnce, cancel);
        return PropertyCodec.ParseReply(reply.Body);
    }

    public async Task<IReadOnlyList<PropertyValue>> SetPropertiesAsync(IReadOnlyList<PropertyValue> values, CancellationToken cancel)
    {
        AaFrame reply = await Session.RequestAsync(id => PropertyCodec.SetRequest(values, id), PropertyCodec.SetId, FrameType.Set, RequestKind.ReadOnce, cancel);
        return PropertyCodec.ParseReply(reply.Body);
    }

    public void Dispose() => Session.Dispose();

    private async Task<AcState> StateAsync(Func<byte, byte[]> frame, RequestKind kind, CancellationToken cancel)
    {
        AaFrame reply = await Session.RequestAsync(frame, AcCommands.StateResponseId, null, kind, cancel);
        return StateCodec.Parse(reply.Body);
    }
}
