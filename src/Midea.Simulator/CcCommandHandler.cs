using System;
using Midea.Protocol;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>
/// The indoor unit of a simulated 0xCC (commercial air conditioner): takes one AA request frame,
/// updates the state, returns the reply frame (or null: no reply). Its answers are built by the
/// codec from msmart-ng's captures (protocol.md §9); what the codec leaves unverified (§9.6) the
/// simulator assumes: a control is answered with exactly the entries it named (the captures
/// echo the entries sent), fields the capabilities lack are still applied (no capture shows a unit
/// refusing one), and the indoor temperature holds still (no climate model for 0xCC).
/// </summary>
internal sealed class CcCommandHandler
{
    private readonly object _gate = new();
    private readonly CcCapabilities _capabilities;
    private CcState _state;

    public CcCommandHandler(CcState initial, CcCapabilities capabilities)
    {
        _state = initial;
        _capabilities = capabilities;
    }

    /// <summary>What the unit says it can do, in every answer.</summary>
    public CcCapabilities Capabilities => _capabilities;

    /// <summary>A copy of the current state.</summary>
    public CcState Snapshot()
    {
        lock (_gate) return _state.Clone();
    }

    /// <exception cref="MideaProtocolException">The request frame is malformed, or not a 0xCC frame.</exception>
    public byte[]? Handle(byte[] requestFrame)
    {
        AaFrame request = AaFrame.DecodeRequest(requestFrame, AaFrame.CommercialAirConditioner);
        lock (_gate)
        {
            if (CcQueryCodec.IsQuery(request)) return CcQueryCodec.AnswerFrame(_state, _capabilities);
            // Anything else but a control, the appliance query (type 0xA0) included, gets no answer:
            // no source shows what a 0xCC unit answers to that query (protocol.md §5.11).
            if (request.FrameType != (byte)FrameType.Set) return null;
            CcChanges changes = CcControlCodec.ParseEntries(request.Body);
            // A control that names nothing the unit knows: assumed unanswered, as there is nothing to confirm.
            if (changes.Named.Count == 0) return null;
            _state = changes.ApplyTo(_state);
            return CcControlCodec.AnswerFrame(changes);
        }
    }

    /// <summary>
    /// Someone used the remote: <paramref name="changes"/> goes through the same rules a client's
    /// control goes through.
    /// </summary>
    /// <returns>The state afterwards and the report (frame type 0x04) that announces it.</returns>
    public (CcState State, byte[] Report) RemoteControl(CcChanges changes)
    {
        lock (_gate)
        {
            _state = changes.ApplyTo(_state);
            return (_state.Clone(), CcQueryCodec.AnswerFrame(_state, _capabilities, FrameType.Report));
        }
    }

    /// <summary>What the simulated 0xCC unit says it can do: every mode and the features msmart-ng tested (protocol.md §9.3); an assumed profile, not one capture's.</summary>
    public static CcCapabilities DefaultCapabilities() => new()
    {
        MinimumTargetTemperature = 17,
        MaximumTargetTemperature = 30,
        Modes = new[] { CcMode.Fan, CcMode.Cool, CcMode.Heat, CcMode.Auto, CcMode.Dry },
        FanSpeed = true,
        VerticalSwingAngle = true,
        HorizontalSwingAngle = true,
        Eco = true,
        Silent = true,
        Sleep = true,
        Purifier = true,
        AuxiliaryHeatModes = new[] { CcAuxiliaryHeat.Off, CcAuxiliaryHeat.On },
    };
}
