using System.Linq;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;

namespace Midea.Protocol.Inspection;

/// <summary>The body of a 0xCC frame, by its frame type and first bytes, as named fields (protocol.md §9).</summary>
internal static class CcBodies
{
    public static InspectedPacket Inspect(AaFrame frame)
    {
        byte[] body = frame.Body;
        bool queryOrReport = frame.FrameType is (byte)FrameType.Query or (byte)FrameType.Report;
        if (queryOrReport && CcQueryCodec.IsAnswer(body))
            return Answer(frame.FrameType == (byte)FrameType.Report ? "0xCC report (01 FE)" : "0xCC query answer (01 FE)", CcQueryCodec.ParseAnswer(body));
        if (CcQueryCodec.IsQuery(frame))
            return new InspectedPacket("0xCC query (01)");
        if (frame.FrameType == (byte)FrameType.Set)
            return Control(CcControlCodec.ParseEntries(body));
        return new InspectedPacket($"0xCC body 0x{body[0]:x2}") { Note = $"No decoder for this body in frame type 0x{frame.FrameType:x2}." };
    }

    private static InspectedPacket Answer(string kind, CcQueryAnswer answer)
    {
        CcState s = answer.State;
        CcCapabilities c = answer.Capabilities;
        return new InspectedPacket(kind)
        {
            Note = "Unverified (protocol.md §9.6): outdoor temperature, humidity, wind sense, beep, display, and the capabilities humidity, self-clean, purifier auto and filter level.",
        }
            .Add("StartIndex", answer.StartIndex).Add("EndIndex", answer.EndIndex).Add("DataLength", answer.DataLength)
            .Add("Power", s.Power).Add("Mode", s.Mode.ToString()).Add("TargetTemperature", s.TargetTemperature)
            .Add("IndoorTemperature", s.IndoorTemperature).Add("OutdoorTemperature", s.OutdoorTemperature).Add("Fahrenheit", s.Fahrenheit)
            .Add("TargetHumidity", s.TargetHumidity).Add("IndoorHumidity", s.IndoorHumidity).Add("FanSpeed", s.FanSpeed.ToString())
            .Add("VerticalSwingAngle", s.VerticalSwingAngle.ToString()).Add("HorizontalSwingAngle", s.HorizontalSwingAngle.ToString())
            .Add("WindSense", s.WindSense.ToString()).Add("Eco", s.Eco).Add("Silent", s.Silent).Add("Sleep", s.Sleep)
            .Add("Purifier", s.Purifier.ToString()).Add("Beep", s.Beep).Add("Display", s.Display).Add("AuxiliaryHeat", s.AuxiliaryHeat.ToString())
            .Add("MinimumTargetTemperature", c.MinimumTargetTemperature).Add("MaximumTargetTemperature", c.MaximumTargetTemperature)
            .Add("Modes", c.Modes.Select(m => m.ToString()).ToArray()).Add("AuxiliaryHeatModes", c.AuxiliaryHeatModes.Select(m => m.ToString()).ToArray())
            .Add("Supports", new[]
            {
                (c.Humidity, "Humidity"), (c.FanSpeed, "FanSpeed"), (c.VerticalSwingAngle, "VerticalSwingAngle"), (c.HorizontalSwingAngle, "HorizontalSwingAngle"),
                (c.WindSense, "WindSense"), (c.Co2Level, "Co2Level"), (c.Eco, "Eco"), (c.Silent, "Silent"), (c.Sleep, "Sleep"), (c.SelfClean, "SelfClean"),
                (c.Purifier, "Purifier"), (c.PurifierAuto, "PurifierAuto"), (c.FilterLevel, "FilterLevel"),
            }.Where(f => f.Item1).Select(f => f.Item2).ToArray());
    }

    private static InspectedPacket Control(CcChanges changes)
    {
        var packet = new InspectedPacket("0xCC control (02)")
        {
            Note = "A control and the unit's answer to it share one layout (protocol.md §9.4).",
        };
        foreach (CcControl id in changes.Named)
            packet.Add(id.ToString(), ValueOf(changes, id));
        if (changes.UnknownEntries.Count > 0)
            packet.Add("UnknownEntries", changes.UnknownEntries.Select(e => $"0x{e.Id:x4} = {Hex.Encode(e.Value)}").ToArray());
        return packet;
    }

    private static object? ValueOf(CcChanges c, CcControl id) => id switch
    {
        CcControl.Power => c.Power,
        CcControl.TargetTemperature => c.TargetTemperature,
        CcControl.TemperatureUnit => c.Fahrenheit is { } f ? (f ? "Fahrenheit" : "Celsius") : null,
        CcControl.TargetHumidity => c.TargetHumidity,
        CcControl.Mode => c.Mode?.ToString(),
        CcControl.FanSpeed => c.FanSpeed?.ToString(),
        CcControl.VerticalSwingAngle => c.VerticalSwingAngle?.ToString(),
        CcControl.HorizontalSwingAngle => c.HorizontalSwingAngle?.ToString(),
        CcControl.WindSense => c.WindSense?.ToString(),
        CcControl.Eco => c.Eco,
        CcControl.Silent => c.Silent,
        CcControl.Sleep => c.Sleep,
        CcControl.SelfClean => c.SelfClean,
        CcControl.Purifier => c.Purifier?.ToString(),
        CcControl.Beep => c.Beep,
        CcControl.Display => c.Display,
        CcControl.AuxiliaryHeat => c.AuxiliaryHeat?.ToString(),
        _ => null,
    };
}
