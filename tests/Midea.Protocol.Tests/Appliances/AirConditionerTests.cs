using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>The air conditioner's read and write semantics against simulated units (127.0.34.1-39).</summary>
public class AirConditionerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private static VirtualAirConditioner Start(string address, CapabilityProfile profile, int version = 3) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), CapabilityProfile = profile, ProtocolVersion = version });

    private static DeviceSession Session(VirtualAirConditioner unit) =>
        new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), new RequestPolicy(Timeout));

    private const AcParts Everything = AcParts.Capabilities | AcParts.Properties | AcParts.Energy | AcParts.Diagnostics;

    [Fact]
    public async Task Reading_every_part_of_a_full_unit_gives_each_part_and_stays_within_the_operation_bound()
    {
        using VirtualAirConditioner unit = Start("127.0.34.1", CapabilityProfile.Full);
        using DeviceSession session = Session(unit);
        long before = unit.Requests;
        AcReading reading = await new AirConditioner(session).ReadAsync(Everything, EnergyFormat.Auto, default);
        Assert.Empty(reading.Warnings);
        Assert.NotNull(reading.Capabilities);
        Assert.NotNull(reading.Properties);
        Assert.Equal(EnergyFormat.Bcd, reading.Energy!.Format);
        Assert.True(reading.Energy.Plausible);
        Assert.Empty(reading.Diagnostics!.MissingGroups);
        Assert.Equal(230, reading.Diagnostics.VoltageV);
        long requests = unit.Requests - before;
        // State, two capability pages, properties, energy and five groups.
        Assert.Equal(10, requests);
        Assert.True(requests <= RequestPolicy.MostRequestsPerOperation);
    }

    [Fact]
    public async Task The_energy_format_follows_the_units_capabilities_unless_one_is_forced()
    {
        using VirtualAirConditioner unit = Start("127.0.34.2", CapabilityProfile.PortaSplit, version: 2);
        using DeviceSession session = Session(unit);
        var ac = new AirConditioner(session);
        AcReading auto = await ac.ReadAsync(AcParts.Energy, EnergyFormat.Auto, default);
        Assert.Equal(EnergyFormat.Binary, auto.Energy!.Format);
        AcReading forced = await ac.ReadAsync(AcParts.Energy, EnergyFormat.Bcd, default);
        Assert.Equal(EnergyFormat.Bcd, forced.Energy!.Format);
    }

    [Fact]
    public async Task Energy_is_not_asked_of_a_unit_that_reports_none_and_a_warning_says_how_to_ask_anyway()
    {
        using VirtualAirConditioner unit = Start("127.0.34.3", CapabilityProfile.Basic, version: 2);
        using DeviceSession session = Session(unit);
        long before = unit.Requests;
        AcReading reading = await new AirConditioner(session).ReadAsync(AcParts.Energy, EnergyFormat.Auto, default);
        Assert.Null(reading.Energy);
        Assert.Contains(reading.Warnings, w => w.StartsWith("127.0.34.3:", StringComparison.Ordinal) && w.Contains("no energy counters"));
        // The state and the capability page only: no group 4.
        Assert.Equal(2, unit.Requests - before);
    }

    [Fact]
    public async Task State_fields_go_by_SetState_and_feature_fields_by_B0_each_with_its_result()
    {
        using VirtualAirConditioner unit = Start("127.0.34.4", CapabilityProfile.Full);
        using DeviceSession session = Session(unit);
        var change = new AcChange { Power = true, Mode = OperationalMode.Heat, TargetTemperature = 22.5, OutSilent = true, Breeze = BreezeSetting.BreezeMild };
        AcChangeResult result = await new AirConditioner(session).ApplyAsync(change, default);
        Assert.True(result.Reported.Power);
        Assert.Equal(OperationalMode.Heat, result.Reported.Mode);
        Assert.Equal(22.5, unit.State.TargetTemperature);
        Assert.Equal(new[] { nameof(AcChange.OutSilent), nameof(AcChange.Breeze) }.OrderBy(n => n), result.PropertyResults.Select(r => r.Field).OrderBy(n => n));
        Assert.All(result.PropertyResults, r => Assert.True(r.Success));
        Assert.True(result.Properties!.OutSilent);
        Assert.Equal(BreezeSetting.BreezeMild, result.Properties.Breeze);
    }

    [Fact]
    public async Task When_SetState_was_answered_and_the_properties_answer_is_lost_the_error_says_only_the_properties_are_in_doubt()
    {
        using VirtualAirConditioner unit = Start("127.0.34.21", CapabilityProfile.Full, version: 2);
        // A cutting proxy on 127.0.34.20: it passes everything through until the client sends B0,
        // lets that reach the unit, and then closes the client's connection before any answer.
        using var listener = new TcpListener(IPAddress.Parse("127.0.34.20"), unit.Port);
        listener.Start();
        bool cut = false;
        Task proxy = Task.Run(async () =>
        {
            using TcpClient client = await listener.AcceptTcpClientAsync();
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(unit.Address, unit.Port);
            NetworkStream fromClient = client.GetStream(), toUnit = upstream.GetStream();
            Task back = Task.Run(async () =>
            {
                var reply = new byte[4096];
                try
                {
                    int n;
                    while ((n = await toUnit.ReadAsync(reply.AsMemory())) > 0)
                    {
                        if (!Volatile.Read(ref cut)) await fromClient.WriteAsync(reply.AsMemory(0, n));
                    }
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    // The client side was closed on purpose.
                }
            });
            var packets = new PacketBuffer(v3: false);
            var buffer = new byte[4096];
            int read;
            while ((read = await fromClient.ReadAsync(buffer.AsMemory())) > 0)
            {
                packets.Append(buffer.AsSpan(0, read));
                while (packets.TryTake(out byte[] packet))
                {
                    bool setProperties = AaFrame.Decode(V2Packet.Decode(packet).Payload).Body[0] == PropertyCodec.SetId;
                    if (setProperties) Volatile.Write(ref cut, true);
                    long before = unit.Requests;
                    await toUnit.WriteAsync(packet.AsMemory());
                    if (!setProperties) continue;
                    var clock = Stopwatch.StartNew();
                    while (unit.Requests == before && clock.Elapsed < Timeout) await Task.Delay(5);
                    client.Client.Shutdown(SocketShutdown.Both);
                    client.Close();
                    return;
                }
            }
        });
        var endpoint = new DeviceEndpoint(IPAddress.Parse("127.0.34.20"), unit.Port, unit.DeviceId, 2);
        using var session = new DeviceSession(endpoint, new RequestPolicy(Timeout));
        bool power = !unit.State.Power;
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() =>
            new AirConditioner(session).ApplyAsync(new AcChange { Power = power, OutSilent = true }, default));
        Assert.Contains("the state fields were applied", error.Message);
        Assert.Contains("(OutSilent) were sent and may or may not have been applied", error.Message);
        Assert.Equal(power, unit.State.Power);
        await proxy;
        listener.Stop();
    }

    [Fact]
    public async Task A_properties_only_change_reports_the_state_read_after_it()
    {
        using VirtualAirConditioner unit = Start("127.0.34.5", CapabilityProfile.PortaSplit, version: 2);
        using DeviceSession session = Session(unit);
        AcChangeResult result = await new AirConditioner(session).ApplyAsync(new AcChange { OutSilent = true }, default);
        Assert.Equal(unit.State.Power, result.Reported.Power);
        Assert.Single(result.PropertyResults);
    }

    [Fact]
    public async Task A_field_the_unit_cannot_take_is_refused_before_anything_changes()
    {
        using VirtualAirConditioner unit = Start("127.0.34.6", CapabilityProfile.Basic, version: 2);
        using DeviceSession session = Session(unit);
        bool power = unit.State.Power;
        var error = await Assert.ThrowsAsync<NotSupportedByUnitException>(() =>
            new AirConditioner(session).ApplyAsync(new AcChange { Power = !power, Mode = OperationalMode.Heat }, default));
        Assert.Contains("127.0.34.6 does not support Mode Heat; it supports: ", error.Message);
        Assert.Equal(power, unit.State.Power);
    }

    [Fact]
    public async Task A_target_in_fahrenheit_is_sent_as_the_nearest_half_degree_celsius_and_refused_in_fahrenheit_outside_the_range()
    {
        using VirtualAirConditioner unit = Start("127.0.34.7", CapabilityProfile.Full, version: 2);
        using DeviceSession session = Session(unit);
        var ac = new AirConditioner(session);
        await ac.ApplyAsync(new AcChange { TargetTemperature = 72, TargetInFahrenheit = true }, default);
        Assert.Equal(Fahrenheit.ToCelsius(72), unit.State.TargetTemperature);
        var error = await Assert.ThrowsAsync<NotSupportedByUnitException>(() => ac.ApplyAsync(new AcChange { TargetTemperature = 100, TargetInFahrenheit = true }, default));
        Assert.Contains("°F", error.Message);
        Assert.Throws<ArgumentException>(() => new AcChange { TargetTemperature = 72.5, TargetInFahrenheit = true }.Validate());
        Assert.Throws<ArgumentException>(() => new AcChange { FanSpeed = FanSpeed.Low, FanSpeedPercent = 30 }.Validate());
    }

    [Fact]
    public async Task The_display_is_toggled_only_when_it_is_not_already_as_asked()
    {
        using VirtualAirConditioner unit = Start("127.0.34.8", CapabilityProfile.Full, version: 2);
        using DeviceSession session = Session(unit);
        var ac = new AirConditioner(session);
        bool lit = unit.State.Display;
        (AcState state, bool toggled) = await ac.SetDisplayAsync(!lit, beep: false, default);
        Assert.True(toggled);
        Assert.Equal(!lit, state.Display);
        (_, bool again) = await ac.SetDisplayAsync(!lit, beep: false, default);
        Assert.False(again);
        (AcState flipped, _) = await ac.SetDisplayAsync(null, beep: false, default);
        Assert.Equal(lit, flipped.Display);
    }

    [Fact]
    public async Task A_unit_without_display_control_is_refused_before_the_toggle()
    {
        using VirtualAirConditioner unit = Start("127.0.34.9", CapabilityProfile.PortaSplit, version: 2);
        using DeviceSession session = Session(unit);
        bool lit = unit.State.Display;
        await Assert.ThrowsAsync<NotSupportedByUnitException>(() => new AirConditioner(session).SetDisplayAsync(!lit, beep: false, default));
        Assert.Equal(lit, unit.State.Display);
    }

    [Fact]
    public async Task Capabilities_come_from_the_cache_until_asked_fresh()
    {
        using VirtualAirConditioner unit = Start("127.0.34.10", CapabilityProfile.Full, version: 2);
        using DeviceSession session = Session(unit);
        var cache = new CapabilityCache();
        var ac = new AirConditioner(session, cache);
        AcCapabilities first = await ac.GetCapabilitiesAsync(fresh: false, default);
        long before = unit.Requests;
        Assert.Same(first, await ac.GetCapabilitiesAsync(fresh: false, default));
        Assert.Equal(before, unit.Requests);
        Assert.NotSame(first, await ac.GetCapabilitiesAsync(fresh: true, default));
        Assert.Same(cache.Find(unit.DeviceId), await new AirConditioner(session, cache).GetCapabilitiesAsync(fresh: false, default));
    }

    [Fact]
    public void The_breeze_setting_is_read_from_0x43_else_from_the_older_0x42_and_0x18()
    {
        Assert.Equal(BreezeSetting.BreezeMild, AirConditioner.BreezeOf(new AcProperties { Breeze = BreezeSetting.BreezeMild, BreezeAway = true }));
        Assert.Equal(BreezeSetting.BreezeAway, AirConditioner.BreezeOf(new AcProperties { BreezeAway = true, Breezeless = false }));
        Assert.Equal(BreezeSetting.Breezeless, AirConditioner.BreezeOf(new AcProperties { BreezeAway = false, Breezeless = true }));
        Assert.Equal(BreezeSetting.Off, AirConditioner.BreezeOf(new AcProperties { Breezeless = false }));
        Assert.Null(AirConditioner.BreezeOf(new AcProperties()));
    }

    [Fact]
    public void Breezeless_and_indirect_wind_are_views_of_the_breeze_setting_and_empty_without_the_mode()
    {
        // 0x43 decides when it was read (protocol.md §5.8, "Breeze").
        var breezeless = new AcProperties { Breeze = BreezeSetting.Breezeless };
        Assert.True(AirConditioner.BreezelessOf(breezeless));
        Assert.False(AirConditioner.IndirectWindOf(breezeless));
        var mild = new AcProperties { Breeze = BreezeSetting.BreezeMild, Breezeless = true };
        Assert.False(AirConditioner.BreezelessOf(mild));
        Assert.False(AirConditioner.IndirectWindOf(mild));
        // Older units: each from its own id, empty where the unit has no such id (K17: 0x42 only).
        var awayOnly = new AcProperties { BreezeAway = true };
        Assert.True(AirConditioner.IndirectWindOf(awayOnly));
        Assert.Null(AirConditioner.BreezelessOf(awayOnly));
        var breezelessOnly = new AcProperties { Breezeless = false };
        Assert.False(AirConditioner.BreezelessOf(breezelessOnly));
        Assert.Null(AirConditioner.IndirectWindOf(breezelessOnly));
        Assert.Null(AirConditioner.BreezelessOf(new AcProperties()));
        Assert.Null(AirConditioner.IndirectWindOf(new AcProperties()));
    }

    [Fact]
    public void Another_appliance_family_is_refused_by_name_and_type_names_round_trip()
    {
        // A dehumidifier (0xA1): a family this module does not drive.
        var endpoint = new DeviceEndpoint(IPAddress.Parse("127.0.34.11"), 6444, 1, 2, applianceType: 0xA1);
        using var session = new DeviceSession(endpoint, RequestPolicy.Default);
        var error = Assert.Throws<MideaProtocolException>(() => Appliance.Open(session));
        Assert.Equal(ProtocolFault.Unsupported, error.Fault);
        Assert.Contains("0xA1", error.Message);
        for (int type = 0; type <= 0xFF; type++) Assert.Equal((byte)type, Appliance.TypeOf(Appliance.TypeName((byte)type)));
        Assert.IsType<AirConditioner>(Appliance.Open(new DeviceSession(new DeviceEndpoint(IPAddress.Loopback, 6444, 1, 2), RequestPolicy.Default)));
    }
}
