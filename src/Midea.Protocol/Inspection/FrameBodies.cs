using System.Linq;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Inspection;

/// <summary>The body of an AA frame, by its id and frame type, as named fields.</summary>
internal static class FrameBodies
{
    public static InspectedPacket? Inspect(AaFrame frame)
    {
        byte[] body = frame.Body;
        // The frame type, not the body id, makes the appliance query: its body is zeros (protocol.md §5.11).
        if (frame.FrameType == (byte)FrameType.QueryAppliance) return Appliance(frame);
        switch (body[0])
        {
            case AcCommands.StateResponseId:
                return State("State (C0)", StateCodec.Parse(body));
            case AcCommands.SetStateId:
                return State("SetState (40)", StateCodec.ParseSetState(body, new AcState()));
            case AcCommands.GetStateId when body.Length > 3 && body[1] == 0x21:
                return new InspectedPacket("Group query (41 21)").Add("Group", body[3] & 0x0F);
            case AcCommands.GetStateId when body.Length > 1 && (body[1] & ~0x40) == 0x02:
                return new InspectedPacket("ToggleDisplay (41)").Add("Beep", (body[1] & 0x40) != 0);
            case AcCommands.GetStateId:
                return new InspectedPacket("GetState (41)").Add("TemperatureType", body.Length > 7 ? body[7] : 0);
            case CapabilityCodec.Id when body.Length <= 5 && body.Length >= 4 && body[1] == 0x01:
                return new InspectedPacket("GetCapabilities (B5)").Add("Page", body.Length >= 5 ? 2 : 1);
            case CapabilityCodec.Id when frame.FrameType != (byte)FrameType.Query:
                return new InspectedPacket("Notification (B5)") { Note = $"Frame type 0x{frame.FrameType:x2}: an unsolicited notification, not a capabilities reply, so it is not read as one." }
                    .Add("Body", Hex.Encode(body));
            case CapabilityCodec.Id:
                return Capabilities(CapabilityCodec.ParsePage(body));
            case PropertyCodec.GetId or PropertyCodec.SetId:
                return Properties(body);
            case GroupCodec.ResponseId:
                return Group(body);
            case NotifyCodec.StateReportId when AaFrame.IsPush(frame.FrameType):
                return StateReport(body, frame.FrameType);
            case NotifyCodec.SensorReportId when AaFrame.IsPush(frame.FrameType):
                return SensorReport(body, frame.FrameType);
            default:
                return new InspectedPacket($"Body 0x{body[0]:x2}")
                {
                    Note = AaFrame.IsPush(frame.FrameType) ? $"Pushed by the unit unasked (frame type 0x{frame.FrameType:x2}); no decoder for this body id." : "No decoder for this body id.",
                };
        }
    }

    private static InspectedPacket Appliance(AaFrame frame)
    {
        ApplianceInfo info = ApplianceInfoCodec.Parse(frame);
        return new InspectedPacket("Appliance query or answer (A0)")
        {
            // A query is all zeros, so only a non-zero body tells an answer; both are read the same way.
            Note = "In an answer, byte 8 is the unit's message-protocol version and body[2..3] its subtype, as the peers read it; no captured answer confirms the layout.",
        }.Add("MessageProtocolVersion", info.MessageProtocolVersion).Add("Subtype", info.Subtype);
    }

    private static string Pushed(byte frameType) => $"Pushed by the unit unasked (frame type 0x{frameType:x2}).";

    private static InspectedPacket StateReport(byte[] body, byte frameType)
    {
        var packet = new InspectedPacket("State report (A0)");
        if (NotifyCodec.ParseStateReport(body) is not { } r)
        {
            packet.Note = $"{Pushed(frameType)} Too short for the state report layout: {body.Length} bytes.";
            return packet.Add("Body", Hex.Encode(body));
        }
        packet.Note = $"{Pushed(frameType)} The display is not shown: where a state report carries it is not known.";
        return packet.Add("Power", r.Power).Add("Mode", r.Mode.ToString()).Add("TargetTemperature", r.TargetTemperature).Add("FanSpeed", r.FanSpeed)
            .Add("Swing", r.Swing.ToString()).Add("Eco", r.Eco).Add("Turbo", r.Turbo).Add("Sleep", r.Sleep).Add("AuxHeat", r.AuxHeat)
            .Add("Purifier", r.Purifier).Add("FreezeProtection", r.FreezeProtection);
    }

    private static InspectedPacket SensorReport(byte[] body, byte frameType)
    {
        var packet = new InspectedPacket("Sensor report (A1)");
        if (NotifyCodec.ParseSensorReport(body) is not { } r)
        {
            packet.Note = $"{Pushed(frameType)} Too short for the sensor report layout: {body.Length} bytes, whose meaning is unknown.";
            return packet.Add("Body", Hex.Encode(body));
        }
        packet.Note = Pushed(frameType);
        return packet.Add("IndoorTemperature", r.IndoorTemperature).Add("OutdoorTemperature", r.OutdoorTemperature).Add("Humidity", r.Humidity);
    }

    private static InspectedPacket State(string kind, AcState s) => new InspectedPacket(kind)
        .Add("Power", s.Power).Add("Mode", s.Mode.ToString()).Add("TargetTemperature", s.TargetTemperature).Add("FanSpeed", s.FanSpeed)
        .Add("Swing", s.Swing.ToString()).Add("Eco", s.Eco).Add("Turbo", s.Turbo).Add("Sleep", s.Sleep).Add("FreezeProtection", s.FreezeProtection)
        .Add("Display", s.Display).Add("Fahrenheit", s.Fahrenheit).Add("FollowMe", s.FollowMe).Add("Purifier", s.Purifier).Add("AuxHeat", s.AuxHeat)
        .Add("IndependentAuxHeat", s.IndependentAuxHeat).Add("IndoorTemperature", s.IndoorTemperature).Add("OutdoorTemperature", s.OutdoorTemperature)
        .Add("ErrorCode", s.ErrorCode).Add("FilterAlert", s.FilterAlert).Add("TargetHumidity", s.TargetHumidity);

    private static InspectedPacket Capabilities(CapabilityPage page)
    {
        var packet = new InspectedPacket("Capabilities (B5)")
            .Add("Entries", page.Entries.Select(e => $"0x{e.Id:x4} {e.Name ?? "(unknown)"} = {Hex.Encode(e.Value)}").ToArray())
            .Add("Trailer", Hex.Encode(page.Trailer))
            .Add("MorePages", page.MorePages);
        AcCapabilities caps = AcCapabilities.FromPages(page);
        packet.Add("Modes", caps.Modes.Select(m => m.ToString()).ToArray())
            .Add("SwingModes", caps.SwingModes.Select(m => m.ToString()).ToArray())
            .Add("FanSpeeds", caps.FanSpeeds.ToArray())
            .Add("UndecodedIds", caps.UndecodedIds.Select(id => $"0x{id:x4}").ToArray());
        return packet;
    }

    private static InspectedPacket Properties(byte[] body)
    {
        string kind = body[0] == PropertyCodec.GetId ? "Properties (B1)" : "SetProperties (B0)";
        // A request is id, count, then 2 bytes per id (B1) plus the message id; anything else is read as a reply.
        if (body[0] == PropertyCodec.GetId && body.Length >= 2 && body.Length == 3 + 2 * body[1])
            return new InspectedPacket(kind + " request").Add("Ids", PropertyCodec.ParseGetRequest(body).Select(PropertyId.Name).ToArray());
        // A B0 request (no result bytes) parses strictly to the end; a reply does not.
        if (body[0] == PropertyCodec.SetId && TrySetRequest(body) is { } request)
            return new InspectedPacket(kind + " request").Add("Values", request.Select(v => $"{PropertyId.Name(v.Id)} = {Hex.Encode(v.Value)}").ToArray());
        var values = PropertyCodec.ParseReply(body);
        return new InspectedPacket(kind + " reply")
            .Add("Values", values.Select(v => $"{PropertyId.Name(v.Id)} result 0x{v.Result:x2}{(v.Failed ? " (failed)" : "")} = {Hex.Encode(v.Value)}").ToArray());
    }

    private static System.Collections.Generic.IReadOnlyList<PropertyValue>? TrySetRequest(byte[] body)
    {
        try
        {
            var values = PropertyCodec.ParseSetRequest(body);
            // Count, the entries and the message id must cover the body exactly.
            return 2 + values.Sum(v => 3 + v.Value.Length) + 1 == body.Length ? values : null;
        }
        catch (MideaProtocolException)
        {
            return null;
        }
    }

    private static InspectedPacket Group(byte[] body)
    {
        int group = GroupCodec.GroupOf(body);
        var packet = new InspectedPacket($"Group data {group} (C1)").Add("Group", group);
        switch (group)
        {
            case 1:
                OutdoorUnitReading o = GroupCodec.ParseOutdoorUnit(body);
                return packet.Add("CompressorHz", o.CompressorHz).Add("TargetHz", o.TargetHz).Add("CurrentA", o.CurrentA).Add("VoltageV", o.VoltageV)
                    .Add("T1Indoor", o.T1Indoor).Add("T2IndoorCoil", o.T2IndoorCoil).Add("T3OutdoorCoil", o.T3OutdoorCoil).Add("T4Outdoor", o.T4Outdoor).Add("DischargeC", o.DischargeC);
            case 2:
                IndoorFanReading f = GroupCodec.ParseIndoorFan(body);
                return packet.Add("TargetSpeed", f.TargetSpeed).Add("ActualSpeed", f.ActualSpeed).Add("WaterPump", f.WaterPump);
            case 4:
                EnergyReading e = GroupCodec.ParseEnergy(body);
                return packet.Add("Valid", e.Valid).Add("TotalKwhBcd", e.TotalBcd).Add("CurrentKwhBcd", e.CurrentBcd).Add("PowerWBcd", e.PowerBcd)
                    .Add("TotalKwhBinary", e.TotalBinary).Add("CurrentKwhBinary", e.CurrentBinary).Add("PowerWBinary", e.PowerBinary).Add("BcdDigitsValid", e.BcdDigitsValid);
            case 5:
                HumidityReading h = GroupCodec.ParseHumidity(body);
                return packet.Add("Humidity", h.Humidity).Add("OutdoorFanSpeed", h.OutdoorFanSpeed).Add("Defrost", h.Defrost);
            case 7:
                return packet.Add("OutdoorPowerW", GroupCodec.ParseOutdoorPower(body).Watts);
            case 11:
                LouverReading l = GroupCodec.ParseLouvers(body);
                return packet.Add("HorizontalAngle", l.Horizontal).Add("VerticalAngle", l.Vertical);
            default:
                packet.Note = "No decoder for this group.";
                return packet;
        }
    }
}
