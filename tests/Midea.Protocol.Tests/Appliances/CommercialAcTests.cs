using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Threading.Tasks;
using Midea.Protocol.Appliances;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;
using Xunit;

namespace Midea.Protocol.Tests;

/// <summary>The commercial unit's (0xCC) read and change semantics against simulated units (127.0.40.1-39).</summary>
public class CommercialAcApplianceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private static VirtualAirConditioner Start(string address, int version = 3) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version, DeviceType = DeviceType.CommercialAc });

    private static DeviceSession Session(VirtualAirConditioner unit) =>
        new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key, CommercialAc.ApplianceType), new RequestPolicy(Timeout));

    /// <summary>The names of the CcState properties whose values differ.</summary>
    private static string[] Differences(CcState a, CcState b) => Array.FindAll(
        Array.ConvertAll(typeof(CcState).GetProperties(BindingFlags.Public | BindingFlags.Instance), p => Equals(p.GetValue(a), p.GetValue(b)) ? "" : p.Name),
        n => n.Length > 0);

    [Fact]
    public void Open_picks_the_commercial_type_for_a_0xCC_unit_and_names_it_CommercialAc()
    {
        using var session = new DeviceSession(new DeviceEndpoint(IPAddress.Loopback, 6444, 1, 2, applianceType: 0xCC), new RequestPolicy(Timeout));
        Assert.IsType<CommercialAc>(Appliance.Open(session));
        Assert.Equal("CommercialAc", Appliance.TypeName(0xCC));
        Assert.Equal((byte)0xCC, Appliance.TypeOf("CommercialAc"));
        using var other = new DeviceSession(new DeviceEndpoint(IPAddress.Loopback, 6444, 1, 2, applianceType: 0xA1), new RequestPolicy(Timeout));
        MideaProtocolException refused = Assert.Throws<MideaProtocolException>(() => Appliance.Open(other));
        Assert.Equal(ProtocolFault.Unsupported, refused.Fault);
    }

    [Theory]
    [InlineData(2, "127.0.40.1")]
    [InlineData(3, "127.0.40.2")]
    public async Task One_query_reads_the_state_and_the_capabilities(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using DeviceSession session = Session(unit);
        long before = unit.Requests;
        CcQueryAnswer answer = await new CommercialAc(session).ReadAsync(default);
        Assert.Equal(1, unit.Requests - before);
        Assert.Empty(Differences(unit.CcState, answer.State));
        Assert.Equal(unit.CcCapabilities.Modes, answer.Capabilities.Modes);
        Assert.Equal(unit.CcCapabilities.MaximumTargetTemperature, answer.Capabilities.MaximumTargetTemperature);
    }

    [Theory]
    [InlineData(2, "127.0.40.3")]
    [InlineData(3, "127.0.40.4")]
    public async Task A_change_sets_the_named_fields_and_leaves_every_other_field_as_it_was(int version, string address)
    {
        using VirtualAirConditioner unit = Start(address, version);
        using DeviceSession session = Session(unit);
        CcState before = unit.CcState;
        long requests = unit.Requests;
        var change = new CcChanges { Power = !before.Power, FanSpeed = CcFanSpeed.Level5, TargetTemperature = 21.5 };

        CcChangeResult result = await new CommercialAc(session).ApplyAsync(change, default);

        // The query that checks the capabilities, then the control.
        Assert.Equal(2, unit.Requests - requests);
        Assert.Empty(result.Unconfirmed);
        CcState after = unit.CcState;
        Assert.Equal(new[] { "Power", "TargetTemperature", "FanSpeed" }, Differences(before, after));
        Assert.Equal(21.5, after.TargetTemperature);
        Assert.Empty(Differences(after, result.Reported));
    }

    [Theory]
    [InlineData("127.0.40.5", "TargetTemperature")]
    [InlineData("127.0.40.6", "WindSense")]
    [InlineData("127.0.40.7", "PurifierAuto")]
    [InlineData("127.0.40.8", "AuxiliaryHeat")]
    public async Task What_the_capabilities_rule_out_is_refused_after_the_query_and_before_any_control(string address, string field)
    {
        using VirtualAirConditioner unit = Start(address);
        using DeviceSession session = Session(unit);
        CcCapabilities caps = unit.CcCapabilities;
        // Each value is one the simulated unit's default capabilities do not offer; the assumptions are checked first.
        CcChanges change = field switch
        {
            "TargetTemperature" => new CcChanges { Power = true, TargetTemperature = caps.MaximumTargetTemperature + 1 },
            "WindSense" => new CcChanges { WindSense = CcWindSense.Soft },
            "PurifierAuto" => new CcChanges { Purifier = CcPurifier.Auto },
            _ => new CcChanges { AuxiliaryHeat = CcAuxiliaryHeat.Separate },
        };
        Assert.False(caps.WindSense);
        Assert.False(caps.PurifierAuto);
        Assert.DoesNotContain(CcAuxiliaryHeat.Separate, caps.AuxiliaryHeatModes);
        CcState before = unit.CcState;
        long requests = unit.Requests;

        NotSupportedByUnitException refused = await Assert.ThrowsAsync<NotSupportedByUnitException>(() => new CommercialAc(session).ApplyAsync(change, default));

        Assert.Contains(address, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, unit.Requests - requests);
        Assert.Empty(Differences(before, unit.CcState));
    }

    [Fact]
    public async Task A_change_that_names_nothing_is_refused_before_anything_is_sent()
    {
        using VirtualAirConditioner unit = Start("127.0.40.9");
        using DeviceSession session = Session(unit);
        long requests = unit.Requests;
        await Assert.ThrowsAsync<ArgumentException>(() => new CommercialAc(session).ApplyAsync(new CcChanges(), default));
        Assert.Equal(0, unit.Requests - requests);
    }

    [Fact]
    public async Task A_field_the_control_answer_leaves_out_is_reported_unconfirmed_and_not_taken_as_applied()
    {
        // A scripted V2 unit: it answers the query with its state, and the control naming power and
        // eco with an answer that confirms power alone.
        var address = IPAddress.Parse("127.0.40.20");
        using var listener = new TcpListener(address, 6444);
        listener.Start();
        var state = new CcState { Power = false, Eco = false };
        Task device = Task.Run(async () =>
        {
            using TcpClient peer = await listener.AcceptTcpClientAsync();
            NetworkStream stream = peer.GetStream();
            var buffer = new byte[1024];
            foreach (byte[] answer in new[] { CcQueryCodec.AnswerFrame(state, new CcCapabilities { Eco = true }), CcControlCodec.AnswerFrame(new CcChanges { Power = true }) })
            {
                Assert.True(await stream.ReadAsync(buffer.AsMemory()) > 0);
                byte[] packet = V2Packet.Encode(V2Magic.Response, 1, answer);
                await stream.WriteAsync(packet.AsMemory());
            }
            // Hold the connection until the client closes it.
            Assert.Equal(0, await stream.ReadAsync(buffer.AsMemory()));
        });
        using (var session = new DeviceSession(new DeviceEndpoint(address, 6444, 1, 2, applianceType: CommercialAc.ApplianceType), new RequestPolicy(Timeout)))
        {
            CcChangeResult result = await new CommercialAc(session).ApplyAsync(new CcChanges { Power = true, Eco = true }, default);
            Assert.Equal(new[] { CcControl.Eco }, result.Unconfirmed);
            Assert.True(result.Reported.Power);
            Assert.False(result.Reported.Eco);
        }
        await device;
        listener.Stop();
    }

    [Fact]
    public async Task The_probe_is_one_query_and_changes_nothing()
    {
        using VirtualAirConditioner unit = Start("127.0.40.10");
        using DeviceSession session = Session(unit);
        CcState before = unit.CcState;
        long requests = unit.Requests;
        await Appliance.Open(session).ProbeAsync(default);
        Assert.Equal(1, unit.Requests - requests);
        Assert.Empty(Differences(before, unit.CcState));
    }
}
