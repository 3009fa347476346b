using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

public class UdpidTests
{
    [Theory]
    [InlineData(V2DeviceId, false, "d3ac621dd9a5088a53ca8e926e03b28b")]   // T09
    [InlineData(V2DeviceId, true, "a3ae1572b5aae1e1f9aa1bd39566dcaa")]    // T10
    [InlineData(V3DeviceId, false, "b617531f693d3380eed45a7fa2e257b2")]   // T11
    [InlineData(V3DeviceId, true, "4fbe0d4139de99cc88a0285e14657045")]    // T12
    public void Vectors_T09_to_T12(long deviceId, bool bigEndian, string expected)
    {
        Assert.Equal(expected, Udpid.Compute(deviceId, bigEndian));
    }

    [Theory]
    [InlineData("60ca0000000e", "d3ac621dd9a5088a53ca8e926e03b28b")]
    [InlineData("0e000000ca60", "a3ae1572b5aae1e1f9aa1bd39566dcaa")]
    [InlineData("3daa00000086", "b617531f693d3380eed45a7fa2e257b2")]
    [InlineData("86000000aa3d", "4fbe0d4139de99cc88a0285e14657045")]
    public void Raw_of_the_six_id_bytes(string idBytes, string expected)
    {
        Assert.Equal(expected, H(Udpid.Raw(B(idBytes))));
    }

    [Fact]
    public void T03_trailer_is_the_big_endian_udpid()
    {
        Assert.Equal(T03.Substring(T03.Length - 32), Udpid.Compute(V3DeviceId, bigEndian: true));
    }

    [Fact]
    public void Only_the_low_48_bits_count()
    {
        Assert.Equal(Udpid.Compute(V2DeviceId, false), Udpid.Compute(V2DeviceId | 0x7fff_0000_0000_0000, false));
    }
}
