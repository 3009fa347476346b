using System;
using Midea.Protocol;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>The indoor unit: takes one AA request frame, updates the state, returns the reply frame (or null: no reply).</summary>
internal sealed class CommandHandler
{
    private readonly object _gate = new();
    private AcState _state;
    private readonly ClimateModel _climate;
    private readonly FeatureHandler _features;
    private readonly UnitIdentity _identity;

    public CommandHandler(AcState initial, ClimateModel climate, CapabilityProfile profile)
    {
        _state = initial;
        _climate = climate;
        _features = new FeatureHandler(profile);
        _identity = UnitIdentity.For(profile);
    }

    /// <summary>Byte 8 of every frame the unit sends (protocol.md §5.11).</summary>
    private byte DeviceProtocol => _identity.MessageProtocol;

    /// <summary>A copy of the current state with fresh sensor readings.</summary>
    public AcState Snapshot()
    {
        lock (_gate)
        {
            _climate.Apply(_state);
            return _state.Clone();
        }
    }

    /// <summary>Sets the room's indoor and outdoor temperatures in °C; null keeps one.</summary>
    public void SetRoom(double? indoor, double? outdoor)
    {
        lock (_gate)
        {
            _climate.Set(_state, indoor, outdoor);
        }
    }

    /// <exception cref="MideaProtocolException">The request frame is malformed.</exception>
    public byte[]? Handle(byte[] requestFrame)
    {
        // The appliance query is told by its frame type, and comes in forms without a CRC of their
        // own, even without a body (protocol.md §5.11), so it is taken before the request rules.
        if (ApplianceInfoCodec.IsRequest(requestFrame)) return _identity.Answer(requestFrame);
        AaFrame request = AaFrame.DecodeRequest(requestFrame);
        byte[] body = request.Body;
        byte messageId = body[body.Length - 1];
        lock (_gate)
        {
            switch (body[0])
            {
                case AcCommands.SetStateId:
                    SetState(body);
                    return Reply(FrameType.Set, messageId);
                case AcCommands.GetStateId when body.Length > 1 && body[1] == 0x81:
                    return Reply(FrameType.Query, messageId);
                case AcCommands.GetStateId when body.Length > 1 && (body[1] & ~0x40) == 0x02:
                    // ToggleDisplay (protocol.md §5.6).
                    _state.Display = !_state.Display;
                    return Reply(FrameType.Query, messageId);
                default:
                    return _features.Handle(body, _state, DeviceProtocol);
            }
        }
    }

    /// <summary>
    /// Someone used the IR remote: <paramref name="change"/> edits a copy of the state, which then
    /// goes through the SetState rules a client's change goes through, so both end alike.
    /// </summary>
    /// <returns>The state afterwards, sensors included.</returns>
    public AcState RemoteControl(Action<AcState> change)
    {
        lock (_gate)
        {
            AcState desired = _state.Clone();
            change(desired);
            SetState(AaFrame.DecodeRequest(AcCommands.SetState(desired, beep: false, messageId: 0)).Body);
            _climate.Apply(_state);
            return _state.Clone();
        }
    }

    /// <summary>The push that reports <paramref name="state"/>: a type 0x05 frame with an A0 body (protocol.md §5.10).</summary>
    public byte[] StateReport(AcState state) => AaFrame.Encode(FrameType.Notify, NotifyCodec.EncodeStateReport(state), DeviceProtocol);

    private void SetState(byte[] body)
    {
        AcState next = StateCodec.ParseSetState(body, _state);
        // A mode the unit does not have is ignored, as units ignore what they cannot do.
        if (!System.Linq.Enumerable.Contains(_features.Capabilities.Modes, next.Mode)) next.Mode = _state.Mode;
        _state = next;
    }

    private byte[] Reply(FrameType type, byte messageId)
    {
        _climate.Apply(_state);
        return AaFrame.Encode(type, StateCodec.Encode(_state, messageId), DeviceProtocol);
    }
}
