using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>
/// What a simulated air conditioner says it is beyond its features: its subtype, in its discovery
/// reply and its appliance answer, and its message-protocol version, in byte 8 of every frame it
/// sends (protocol.md §5.11). One unit writes one version in all its frames, as each captured unit
/// does (§7: S06–S08 all 02, K10–K14 all 08). The values are assumed per profile, taken from units
/// seen in public logs, not from a capture of one unit's appliance answer.
/// </summary>
internal sealed class UnitIdentity
{
    private UnitIdentity(int subtype, byte messageProtocol)
    {
        Subtype = subtype;
        MessageProtocol = messageProtocol;
    }

    /// <summary>The subtype, 0 to 65535.</summary>
    public int Subtype { get; }

    /// <summary>Byte 8 of every frame the unit sends.</summary>
    public byte MessageProtocol { get; }

    /// <summary>
    /// Basic: subtype 172 (0x00AC) and version 3, like the unit of wuwentao/midea_ac_lan#756 whose
    /// capabilities answer is K01. Full: 0xACAC and version 3, the subtype of the T03 discovery reply
    /// and of the unit of U01–U04. PortaSplit: 4096 and version 8, the version of the captured
    /// PortaSplit page K13 and the pair logged for a unit in home-assistant/core#181116 (protocol.md §5.11).
    /// </summary>
    public static UnitIdentity For(CapabilityProfile profile) => profile switch
    {
        CapabilityProfile.Basic => new UnitIdentity(0x00AC, 0x03),
        CapabilityProfile.PortaSplit => new UnitIdentity(0x1000, 0x08),
        _ => new UnitIdentity(0xACAC, 0x03),
    };

    /// <summary>The answer to an appliance query (frame type 0xA0) for <paramref name="request"/>, echoing its message id.</summary>
    public byte[] Answer(byte[] request) =>
        ApplianceInfoCodec.Answer(AaFrame.AirConditioner, MessageProtocol, Subtype, ApplianceInfoCodec.MessageIdOf(request));
}
