using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>Capabilities, properties and data groups through the client against the simulator and a scripted device (127.0.9.60-79).</summary>
public class FeatureSessionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static async Task<AcProbe> Connect(VirtualAirConditioner unit) =>
        await AcProbe.ConnectAsync(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), Timeout, default);

    [Fact]
    public async Task The_full_profile_answers_two_pages_every_property_and_every_group()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.60"), CapabilityProfile = CapabilityProfile.Full });
        using AcProbe client = await Connect(unit);
        AcCapabilities caps = await client.GetCapabilitiesAsync(default);
        Assert.Contains(OperationalMode.Heat, caps.Modes);
        Assert.True(caps.BreezeControl && caps.Cascade && caps.OutSilent && caps.IEcoSupported);
        Assert.Contains((ushort)0x0040, caps.UndecodedIds);

        IReadOnlyList<PropertyValue> read = await client.GetPropertiesAsync(caps.PolledProperties, default);
        Assert.All(read, v => Assert.False(v.Failed));
        Assert.Equal(caps.PolledProperties.OrderBy(i => i), read.Select(v => v.Id).OrderBy(i => i));

        foreach (int group in new[] { 1, 2, 4, 5, 7, 11 })
        {
            byte[] body = await client.GetGroupAsync(group, default);
            Assert.Equal(group, GroupCodec.GroupOf(body));
        }
        Assert.Equal(230, GroupCodec.ParseOutdoorUnit(await client.GetGroupAsync(1, default)).VoltageV);
        Assert.True(GroupCodec.ParseEnergy(await client.GetGroupAsync(4, default)).TotalBcd > 1000);
    }

    [Fact]
    public async Task Set_properties_apply_and_report_per_property_and_refusals_keep_the_rest()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.61"), CapabilityProfile = CapabilityProfile.PortaSplit });
        using AcProbe client = await Connect(unit);
        var request = new[]
        {
            PropertyValues.OutSilent(true),
            PropertyValues.SwingAngle(true, 50), // a PortaSplit has no swing angles
            PropertyValues.Buzzer(false),
        };
        IReadOnlyList<PropertyValue> answers = await client.SetPropertiesAsync(request, default);
        Assert.False(answers.Single(a => a.Id == PropertyId.OutSilent).Failed);
        Assert.True(answers.Single(a => a.Id == PropertyId.VerticalSwingAngle).Failed);
        AcProperties now = AcProperties.Decode(await client.GetPropertiesAsync(new[] { PropertyId.OutSilent }, default));
        Assert.True(now.OutSilent);
    }

    [Fact]
    public async Task The_basic_profile_is_silent_for_data_groups()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.62"), CapabilityProfile = CapabilityProfile.Basic });
        using AcProbe client = await AcProbe.ConnectAsync(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 3, unit.Token, unit.Key), TimeSpan.FromMilliseconds(300), default);
        await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetGroupAsync(4, default));
    }

    [Fact]
    public async Task A_mode_the_profile_lacks_is_ignored_by_the_unit()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.63"), CapabilityProfile = CapabilityProfile.Basic });
        using AcProbe client = await Connect(unit);
        AcState desired = (await client.GetStateAsync(default)).Clone();
        desired.Mode = OperationalMode.Heat;
        Assert.Equal(OperationalMode.Cool, (await client.SetStateAsync(desired, beep: false, default)).Mode);
    }

    [Fact]
    public async Task A_b5_notification_before_the_reply_is_not_taken_for_the_capabilities()
    {
        // A scripted V2 device: to a capabilities request it first sends the P03 notification
        // (B5 in a type-05 frame, protocol.md §7.5), then the K01 reply.
        var address = IPAddress.Parse("127.0.9.64");
        using var listener = new TcpListener(address, 6444);
        listener.Start();
        Task device = Task.Run(async () =>
        {
            using TcpClient peer = await listener.AcceptTcpClientAsync();
            NetworkStream stream = peer.GetStream();
            var buffer = new byte[512];
            int request = await stream.ReadAsync(buffer.AsMemory());
            Assert.True(request > 0);
            foreach (string frame in new[] { "aa1aac00000000000205b50310060101090001010a000101dcbcb4", "aa29ac00000000000303b5071202010113020101140201011502010116020101170201001a020101dedb" })
            {
                byte[] packet = V2Packet.Encode(V2Magic.Response, 1, Hex.Decode(frame));
                await stream.WriteAsync(packet.AsMemory());
            }
            // Hold the connection until the client closes it.
            int rest = await stream.ReadAsync(buffer.AsMemory());
            Assert.Equal(0, rest);
        });
        using (AcProbe client = await AcProbe.ConnectAsync(new DeviceEndpoint(address, 6444, 1, 2), Timeout, default))
        {
            AcCapabilities caps = await client.GetCapabilitiesAsync(default);
            // K01 has seven entries and no swing-angle ids; the notification carries 0x0009/0x000A.
            Assert.Equal(7, caps.Entries.Count);
            Assert.False(caps.VerticalSwingAngle);
        }
        await device;
        listener.Stop();
    }
}
