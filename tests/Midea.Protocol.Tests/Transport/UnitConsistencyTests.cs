using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>
/// A simulated unit answers as its own capabilities say (issue 18): every property id of every profile
/// both ways (B1 and B0), the breeze ids as one setting, group 5 and 0x0225 per profile, and the request
/// bytes of msmart-ng and midea-local against it. Loopback 127.0.46.1-49.
/// </summary>
public class UnitConsistencyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // Other clients' requests, each built by hand from their source the way its encoder lays it out
    // (protocol.md §4: header byte 8 = 0, message id 01, CRC-8, checksum); the Fxx vectors of §7.2 confirm the layout.
    // msmart-ng f162c85, GetPropertiesCommand([BREEZE_CONTROL, BREEZELESS, BREEZE_AWAY]), the query of midea-msmart#150.
    private const string MsmartBreezeQuery = "aa14ac00000000000003b10343001800420001f9f2";
    // msmart-ng f162c85, SetPropertiesCommand({BREEZE_CONTROL: 3, BUZZER: False}): breeze_mild = True on a breeze-control unit.
    private const string MsmartBreezeMild = "aa16ac00000000000002b002430001031a00010001ab7c";
    // msmart-ng f162c85, GetGroupDataCommand(5): vector F08.
    private const string MsmartGroup5 = "aa20ac000000000000034121014500000000000000000000000000000000015434";
    // midea-local d2c4a0b, MessageNewProtocolQuery (no rate select): 0x42, 0x18, 0x15, 0x17, 0x0233, 0x4B, 0x0A, 0x09, 0xCD, 0x022C, 0x3F.
    private const string MideaLocalQuery = "aa24ac00000000000003b10b420018001500170033024b000a000900cd002c023f000129f4";
    // midea-local d2c4a0b, MessageNewProtocolSet with breezeless = True and prompt_tone = True (its default).
    private const string MideaLocalBreezeless = "aa16ac00000000000002b002180001011a00010101c98a";
    // midea-local d2c4a0b, MessageNewProtocolSet with indirect_wind = True and prompt_tone = True.
    private const string MideaLocalIndirectWind = "aa16ac00000000000002b002420001021a00010101fc2c";
    // midea-local d2c4a0b, MessageNewProtocolSet with sound = False and prompt_tone = True.
    private const string MideaLocalSoundOff = "aa16ac00000000000002b0021a0001012c0201000143fb";

    // What each profile's capabilities back (protocol.md §5.8), written out rather than computed.
    private static readonly Dictionary<CapabilityProfile, ushort[]> Backed = new()
    {
        [CapabilityProfile.Full] = new[]
        {
            PropertyId.VerticalSwingAngle, PropertyId.HorizontalSwingAngle, PropertyId.IndoorHumidity, PropertyId.Breezeless,
            PropertyId.Buzzer, PropertyId.SelfClean, PropertyId.BreezeAway, PropertyId.BreezeControl, PropertyId.RateSelect,
            PropertyId.FreshAir, PropertyId.Cascade, PropertyId.Flash, PropertyId.OutSilent, PropertyId.IEco, PropertyId.Anion,
            PropertyId.Sound,
        },
        [CapabilityProfile.Basic] = Array.Empty<ushort>(),
        [CapabilityProfile.PortaSplit] = new[] { PropertyId.Buzzer, PropertyId.SelfClean, PropertyId.OutSilent, PropertyId.IEco, PropertyId.Sound },
    };

    // A value each property takes on any profile that backs it (the set encodings of protocol.md §5.8).
    private static readonly Dictionary<ushort, byte[]> ValidValue = new()
    {
        [PropertyId.VerticalSwingAngle] = new byte[] { 25 },
        [PropertyId.HorizontalSwingAngle] = new byte[] { 75 },
        [PropertyId.IndoorHumidity] = new byte[] { 50 },
        [PropertyId.Breezeless] = new byte[] { 1 },
        [PropertyId.Buzzer] = new byte[] { 1 },
        [PropertyId.SelfClean] = new byte[] { 1 },
        [PropertyId.BreezeAway] = new byte[] { 2 },
        [PropertyId.BreezeControl] = new byte[] { 3 },
        [PropertyId.RateSelect] = new byte[] { 100 },
        [PropertyId.FreshAir] = new byte[] { 1, 60, 0xFF },
        [PropertyId.Cascade] = new byte[] { 1, 2 },
        [PropertyId.Flash] = new byte[] { 1 },
        [PropertyId.OutSilent] = new byte[] { 3 },
        [PropertyId.IEco] = PropertyValues.IEco(true, 1).Value,
        [PropertyId.Anion] = new byte[] { 1 },
        [PropertyId.Sound] = new byte[] { 0 },
    };

    private static VirtualAirConditioner Start(string address, CapabilityProfile profile) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), CapabilityProfile = profile });

    private static Task<AcProbe> Connect(VirtualAirConditioner unit) =>
        AcProbe.ConnectAsync(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), Timeout, default);

    /// <summary>Sends another client's frame as it is and returns the entries of the unit's B0/B1 answer.</summary>
    private static async Task<IReadOnlyList<PropertyValue>> Foreign(AcProbe client, string frame)
    {
        byte[] bytes = Hex.Decode(frame);
        byte id = bytes[10];
        AaFrame reply = await client.Session.RequestAsync(_ => bytes, id, (FrameType)bytes[9], RequestKind.ReadOnce, default);
        return PropertyCodec.ParseReply(reply.Body);
    }

    private static PropertyValue Entry(IReadOnlyList<PropertyValue> entries, ushort id) => entries.Single(e => e.Id == id);

    [Theory]
    [InlineData(CapabilityProfile.Full, "127.0.46.1")]
    [InlineData(CapabilityProfile.Basic, "127.0.46.2")]
    [InlineData(CapabilityProfile.PortaSplit, "127.0.46.3")]
    public async Task Every_property_id_is_answered_and_taken_exactly_when_the_capabilities_advertise_it(CapabilityProfile profile, string address)
    {
        using VirtualAirConditioner unit = Start(address, profile);
        using AcProbe client = await Connect(unit);
        AcCapabilities caps = await client.GetCapabilitiesAsync(default);
        // The rule the client reads from the pages and the list written above agree.
        Assert.Equal(Backed[profile].OrderBy(i => i), caps.BackedProperties.OrderBy(i => i));

        // Every id the module names, plus ids no capability can back (midea-local asks for 0x17, 0x233, 0x3F).
        IEnumerable<ushort> ids = AcCapabilities.MappedProperties.Concat(new ushort[] { 0x0017, 0x001E, 0x0233, 0x003F });
        foreach (ushort id in ids)
        {
            bool advertised = Backed[profile].Contains(id);
            PropertyValue read = (await client.GetPropertiesAsync(new[] { id }, default)).Single();
            Assert.Equal(id, read.Id);
            Assert.True(advertised ? read.Result == 0 && read.Value.Length > 0 : read.Result == 0x11 && read.Value.Length == 0,
                $"{profile} B1 {PropertyId.Name(id)}: result {read.Result:x2}, {read.Value.Length} value bytes; advertised {advertised}");

            byte[] value = ValidValue.TryGetValue(id, out byte[]? known) ? known : new byte[] { 1 };
            PropertyValue set = (await client.SetPropertiesAsync(new[] { new PropertyValue(id, 0, value) }, default)).Single();
            Assert.True(advertised ? set.Result == 0 : set.Result == 0x11,
                $"{profile} B0 {PropertyId.Name(id)}: result {set.Result:x2}; advertised {advertised}");
            if (!advertised) continue;
            // What the acknowledgement reports is what the unit reads back afterwards.
            PropertyValue after = (await client.GetPropertiesAsync(new[] { id }, default)).Single();
            Assert.Equal(Hex.Encode(set.Value), Hex.Encode(after.Value));
        }
    }

    [Fact]
    public async Task The_full_profile_answers_and_takes_its_sound_property_0x022c()
    {
        using VirtualAirConditioner unit = Start("127.0.46.4", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        Assert.True((await client.GetCapabilitiesAsync(default)).Buzzer);
        Assert.Equal("01", Hex.Encode(Entry(await client.GetPropertiesAsync(new[] { PropertyId.Sound }, default), PropertyId.Sound).Value));
        // midea-local switches the sound off; its prompt-tone entry (0x1A) is taken too.
        IReadOnlyList<PropertyValue> ack = await Foreign(client, MideaLocalSoundOff);
        Assert.All(ack, e => Assert.Equal(0, e.Result));
        Assert.Equal("00", Hex.Encode(Entry(ack, PropertyId.Sound).Value));
        Assert.Equal("00", Hex.Encode(Entry(await client.GetPropertiesAsync(new[] { PropertyId.Sound }, default), PropertyId.Sound).Value));
    }

    [Fact]
    public async Task Breezeless_set_by_midea_local_reads_back_through_every_breeze_id_and_the_appliance_layer()
    {
        using VirtualAirConditioner unit = Start("127.0.46.5", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        IReadOnlyList<PropertyValue> ack = await Foreign(client, MideaLocalBreezeless);
        Assert.All(ack, e => Assert.Equal(0, e.Result));

        IReadOnlyList<PropertyValue> read = await Foreign(client, MsmartBreezeQuery);
        // 0x43 and 0x18 as the breeze-control unit of P10 reports breezeless; 0x42 reads off.
        IReadOnlyList<PropertyValue> p10 = PropertyCodec.ParseReply(AaFrame.Decode(Hex.Decode("aa1cac00000000000303b10343000001041800000101420000000034a6")).Body);
        Assert.Equal(Hex.Encode(Entry(p10, PropertyId.BreezeControl).Value), Hex.Encode(Entry(read, PropertyId.BreezeControl).Value));
        Assert.Equal(Hex.Encode(Entry(p10, PropertyId.Breezeless).Value), Hex.Encode(Entry(read, PropertyId.Breezeless).Value));
        Assert.Equal("01", Hex.Encode(Entry(read, PropertyId.BreezeAway).Value));

        // The module's own read polls 0x43 alone (msmart's rule) and still sees it.
        using DeviceSession session = new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), new RequestPolicy(Timeout));
        AcProperties properties = (await new AirConditioner(session).ReadAsync(AcParts.Properties, EnergyFormat.Auto, default)).Properties!;
        Assert.Equal(BreezeSetting.Breezeless, AirConditioner.BreezeOf(properties));
        Assert.True(AirConditioner.BreezelessOf(properties));
        Assert.False(AirConditioner.IndirectWindOf(properties));
    }

    [Fact]
    public async Task Indirect_wind_set_by_midea_local_is_breeze_away_for_every_breeze_id_and_the_appliance_layer()
    {
        using VirtualAirConditioner unit = Start("127.0.46.6", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        Assert.All(await Foreign(client, MideaLocalIndirectWind), e => Assert.Equal(0, e.Result));

        IReadOnlyList<PropertyValue> read = await Foreign(client, MsmartBreezeQuery);
        // As P07 (a breeze-control unit in breeze away): 0x43 = 2, 0x18 = 0; 0x42 reads on.
        IReadOnlyList<PropertyValue> p07 = PropertyCodec.ParseReply(AaFrame.Decode(Hex.Decode("aa1cac00000000000303b103430000010218000001004200000000cf0e")).Body);
        Assert.Equal(Hex.Encode(Entry(p07, PropertyId.BreezeControl).Value), Hex.Encode(Entry(read, PropertyId.BreezeControl).Value));
        Assert.Equal(Hex.Encode(Entry(p07, PropertyId.Breezeless).Value), Hex.Encode(Entry(read, PropertyId.Breezeless).Value));
        Assert.Equal("02", Hex.Encode(Entry(read, PropertyId.BreezeAway).Value));

        using DeviceSession session = new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), new RequestPolicy(Timeout));
        AcProperties properties = (await new AirConditioner(session).ReadAsync(AcParts.Properties, EnergyFormat.Auto, default)).Properties!;
        Assert.Equal(BreezeSetting.BreezeAway, AirConditioner.BreezeOf(properties));
        Assert.True(AirConditioner.IndirectWindOf(properties));
        Assert.False(AirConditioner.BreezelessOf(properties));
    }

    [Fact]
    public async Task Breeze_mild_set_by_msmart_turns_the_other_two_off_and_midea_local_sees_it()
    {
        using VirtualAirConditioner unit = Start("127.0.46.7", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        await Foreign(client, MideaLocalBreezeless);
        Assert.All(await Foreign(client, MsmartBreezeMild), e => Assert.Equal(0, e.Result));

        // midea-local's poll reads breezeless and indirect wind off (P09: mild gives 0x18 = 0).
        IReadOnlyList<PropertyValue> read = await Foreign(client, MideaLocalQuery);
        Assert.Equal("01", Hex.Encode(Entry(read, PropertyId.BreezeAway).Value));
        Assert.Equal("00", Hex.Encode(Entry(read, PropertyId.Breezeless).Value));
        Assert.Equal("03", Hex.Encode(Entry(await client.GetPropertiesAsync(new[] { PropertyId.BreezeControl }, default), PropertyId.BreezeControl).Value));
    }

    [Fact]
    public async Task Switching_off_one_breeze_id_leaves_another_mode_alone_in_either_order()
    {
        using VirtualAirConditioner unit = Start("127.0.46.8", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        // What msmart and this module send for breeze away on a unit without breeze control: 0x42 = 2 and 0x18 = 0.
        await client.SetPropertiesAsync(new[] { PropertyValues.BreezeAway(true), PropertyValues.Breezeless(false) }, default);
        Assert.Equal("02", Hex.Encode((await client.GetPropertiesAsync(new[] { PropertyId.BreezeControl }, default)).Single().Value));
        await client.SetPropertiesAsync(new[] { PropertyValues.Breezeless(false), PropertyValues.BreezeAway(true) }, default);
        Assert.Equal("02", Hex.Encode((await client.GetPropertiesAsync(new[] { PropertyId.BreezeControl }, default)).Single().Value));
        // Breezeless: 0x42 = 1 then 0x18 = 1.
        await client.SetPropertiesAsync(new[] { PropertyValues.BreezeAway(false), PropertyValues.Breezeless(true) }, default);
        Assert.Equal("04", Hex.Encode((await client.GetPropertiesAsync(new[] { PropertyId.BreezeControl }, default)).Single().Value));
        // Off through both.
        await client.SetPropertiesAsync(new[] { PropertyValues.BreezeAway(false), PropertyValues.Breezeless(false) }, default);
        Assert.Equal("01", Hex.Encode((await client.GetPropertiesAsync(new[] { PropertyId.BreezeControl }, default)).Single().Value));
    }

    [Fact]
    public async Task Anion_is_the_purifier_of_the_state()
    {
        using VirtualAirConditioner unit = Start("127.0.46.9", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        await client.SetPropertiesAsync(new[] { new PropertyValue(PropertyId.Anion, 0, new byte[] { 1 }) }, default);
        Assert.True((await client.GetStateAsync(default)).Purifier);
        AcState desired = (await client.GetStateAsync(default)).Clone();
        desired.Purifier = false;
        await client.SetStateAsync(desired, beep: false, default);
        Assert.Equal("00", Hex.Encode((await client.GetPropertiesAsync(new[] { PropertyId.Anion }, default)).Single().Value));
    }

    [Theory]
    [InlineData(CapabilityProfile.Full, "127.0.46.10", 45)]
    [InlineData(CapabilityProfile.PortaSplit, "127.0.46.11", null)]
    public async Task Group_5_and_property_0x15_report_humidity_only_with_the_humidity_sensor(CapabilityProfile profile, string address, int? humidity)
    {
        using VirtualAirConditioner unit = Start(address, profile);
        using AcProbe client = await Connect(unit);
        Assert.Equal(humidity != null, (await client.GetCapabilitiesAsync(default)).Humidity);
        AaFrame reply = await client.Session.RequestAsync(_ => Hex.Decode(MsmartGroup5), GroupCodec.ResponseId, FrameType.Query, RequestKind.ReadOnce, default);
        Assert.Equal(5, GroupCodec.GroupOf(reply.Body));
        // msmart and midea-local read byte 4 = 0 as "no humidity" (protocol.md §5.9, G06).
        Assert.Equal(humidity ?? 0, reply.Body[4]);
        Assert.Equal(humidity, GroupCodec.ParseHumidity(reply.Body).Humidity);
        // The same reading through midea-local's property query, or a refusal without the sensor.
        PropertyValue indoor = Entry(await Foreign(client, MideaLocalQuery), PropertyId.IndoorHumidity);
        Assert.Equal(humidity is null ? 0x11 : 0, indoor.Result);
        Assert.Equal(humidity is { } h ? Hex.Encode(new[] { (byte)h }) : "", Hex.Encode(indoor.Value));
    }

    [Fact]
    public async Task The_full_humidity_reading_does_not_follow_the_target_humidity()
    {
        using VirtualAirConditioner unit = Start("127.0.46.12", CapabilityProfile.Full);
        using AcProbe client = await Connect(unit);
        AcState desired = (await client.GetStateAsync(default)).Clone();
        desired.TargetHumidity = 70;
        await client.SetStateAsync(desired, beep: false, default);
        Assert.Equal(45, GroupCodec.ParseHumidity(await client.GetGroupAsync(5, default)).Humidity);
    }

    [Theory]
    [InlineData(CapabilityProfile.Full, "127.0.46.13")]
    [InlineData(CapabilityProfile.Basic, "127.0.46.14")]
    [InlineData(CapabilityProfile.PortaSplit, "127.0.46.15")]
    public async Task Temperature_ranges_have_the_seven_bytes_every_captured_unit_sends(CapabilityProfile profile, string address)
    {
        using VirtualAirConditioner unit = Start(address, profile);
        using AcProbe client = await Connect(unit);
        AcCapabilities caps = await client.GetCapabilitiesAsync(default);
        CapabilityEntry ranges = caps.Entries.Single(e => e.Id == 0x0225);
        // As in K05 and the other captures: six limits in half degrees and the decimals byte midea-local reads as [6].
        Assert.Equal(7, ranges.Value.Length);
        Assert.Equal("203c203c203c", Hex.Encode(ranges.Value.Take(6).ToArray()));
        Assert.Equal(16, caps.MinTemperature);
        Assert.Equal(30, caps.MaxTemperature);
    }

    [Theory]
    [InlineData(CapabilityProfile.Full, "127.0.46.16")]
    [InlineData(CapabilityProfile.Basic, "127.0.46.17")]
    [InlineData(CapabilityProfile.PortaSplit, "127.0.46.18")]
    public async Task Midea_locals_poll_gets_an_answer_for_exactly_the_ids_the_profile_backs(CapabilityProfile profile, string address)
    {
        using VirtualAirConditioner unit = Start(address, profile);
        using AcProbe client = await Connect(unit);
        IReadOnlyList<PropertyValue> read = await Foreign(client, MideaLocalQuery);
        Assert.Equal(new ushort[] { 0x42, 0x18, 0x15, 0x17, 0x0233, 0x4B, 0x0A, 0x09, 0xCD, 0x022C, 0x3F }, read.Select(e => e.Id));
        foreach (PropertyValue entry in read)
        {
            bool backed = Backed[profile].Contains(entry.Id);
            Assert.Equal(backed ? 0 : 0x11, entry.Result);
            Assert.Equal(backed, entry.Value.Length > 0);
        }
    }
}
