using System.Linq;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Inspection;
using Xunit;
using static Midea.Protocol.Tests.CcVectors;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>The inspector (ConvertFrom-MideaPacket) on 0xCC frames (protocol.md §9).</summary>
public class CcInspectionTests
{
    private static object? Field(InspectedPacket p, string name) => p.Fields.Single(f => f.Name == name).Value;

    [Fact]
    public void A_query_answer_shows_state_and_capabilities_and_why_its_check_byte_is_not_checked()
    {
        InspectedPacket frame = PacketInspector.Inspect(B(M02));
        Assert.Equal("0xcc", Field(frame, "ApplianceType"));
        Assert.Matches("check byte ff is no CRC-8", frame.Note);
        InspectedPacket answer = frame.Inner!;
        Assert.Equal("0xCC query answer (01 FE)", answer.Kind);
        Assert.Equal(true, Field(answer, "Power"));
        Assert.Equal("Heat", Field(answer, "Mode"));
        Assert.Equal(20.5, Field(answer, "TargetTemperature"));
        Assert.Equal(25.7, Field(answer, "IndoorTemperature"));
        Assert.Null(Field(answer, "OutdoorTemperature"));
        Assert.Equal("Position3", Field(answer, "VerticalSwingAngle"));
        Assert.Equal("Off", Field(answer, "AuxiliaryHeat"));
        Assert.Equal(new[] { "Fan", "Cool", "Heat", "Dry" }, (string[])Field(answer, "Modes")!);
        Assert.Contains("FilterLevel", (string[])Field(answer, "Supports")!);
        Assert.DoesNotContain("SelfClean", (string[])Field(answer, "Supports")!);
        Assert.Matches("Unverified", answer.Note);
    }

    [Fact]
    public void A_report_is_named_as_one()
    {
        byte[] report = CcQueryCodec.AnswerFrame(new CcState { Power = true }, new CcCapabilities(), FrameType.Report);
        InspectedPacket inner = PacketInspector.Inspect(report).Inner!;
        Assert.Equal("0xCC report (01 FE)", inner.Kind);
        Assert.Equal(true, Field(inner, "Power"));
    }

    [Fact]
    public void The_query_and_controls_are_named_with_their_entries()
    {
        Assert.Equal("0xCC query (01)", PacketInspector.Inspect(B(M01)).Inner!.Kind);
        InspectedPacket control = PacketInspector.Inspect(B(M37)).Inner!;
        Assert.Equal("0xCC control (02)", control.Kind);
        Assert.Equal(new[] { "Power", "Mode", "VerticalSwingAngle" }, control.Fields.Select(f => f.Name));
        Assert.Equal("Position4", Field(control, "VerticalSwingAngle"));
        InspectedPacket answer = PacketInspector.Inspect(B(M39)).Inner!;
        Assert.Equal(24.0, Field(answer, "TargetTemperature"));
    }

    [Fact]
    public void A_frame_with_a_bad_checksum_is_refused()
    {
        Assert.Equal(ProtocolFault.BadChecksum, Assert.Throws<MideaProtocolException>(() => PacketInspector.Inspect(B(M42))).Fault);
    }
}
