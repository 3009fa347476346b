using System;
using System.Collections.Generic;
using System.Diagnostics;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>
/// The unit's features beyond the state: capabilities (B5), properties (B1/B0) and data groups (C1),
/// answered from a <see cref="CapabilityProfile"/>. A property is answered and taken exactly when the
/// profile's capabilities back it (protocol.md §5.8); any other is refused with result 0x11. Unknown data
/// groups get silence.
/// </summary>
/// <remarks>
/// The three breeze properties are views of one breeze setting, as on a unit (protocol.md §5.8, "Breeze"):
/// 0x43 reads the setting, 0x18 reads 1 in Breezeless, 0x42 reads 2 in BreezeAway; setting any of them
/// changes what the others read. Anion (0x21E) is the purifier bit of the state, and indoor humidity (0x15)
/// and data group 5 report the same room humidity, or none on a unit without the humidity capability.
/// </remarks>
internal sealed class FeatureHandler
{
    private const byte Refused = 0x11;
    // What the room's humidity sensor reads, %; a fixed value, since nothing in the simulator dries the air.
    private const int RoomHumidity = 45;
    private static readonly byte[] SwingAngles = { 0, 1, 25, 50, 75, 100 };
    private readonly ProfileDefinition _profile;
    // Values of the properties that are stored as they are set; breeze, anion and humidity are derived (see ReadValue).
    private readonly Dictionary<ushort, byte[]> _properties = new()
    {
        [PropertyId.VerticalSwingAngle] = new byte[] { 0 },
        [PropertyId.HorizontalSwingAngle] = new byte[] { 0 },
        [PropertyId.SelfClean] = new byte[] { 0 },
        [PropertyId.RateSelect] = new byte[] { 100 },
        [PropertyId.FreshAir] = new byte[] { 0, 40, 0x4f },
        [PropertyId.Cascade] = new byte[] { 0, 0 },
        [PropertyId.Flash] = new byte[] { 0 },
        [PropertyId.OutSilent] = new byte[] { 0 },
        [PropertyId.IEco] = new byte[] { 1, 0 },
        // The beep asked for with the last B0 (none yet), and the unit's sounds, on as midea-local assumes.
        [PropertyId.Buzzer] = new byte[] { 0 },
        [PropertyId.Sound] = new byte[] { 1 },
    };
    private BreezeSetting _breeze = BreezeSetting.Off;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _totalKwh = 1234.56;
    private double _runKwh;
    private TimeSpan _lastEnergyUpdate;

    /// <summary>A unit with the features of <paramref name="profile"/>, every one off.</summary>
    public FeatureHandler(CapabilityProfile profile) => _profile = ProfileDefinition.For(profile);

    /// <summary>What the profile reports, decoded.</summary>
    public AcCapabilities Capabilities => _profile.Capabilities;

    /// <summary>A reply frame for a feature request, or null when the body is not one (or the unit stays silent).</summary>
    /// <param name="body">The request body, ending with the message id.</param>
    /// <param name="state">The unit's state, which anion (0x21E) reads and changes.</param>
    /// <param name="protocol">The device protocol byte of the reply frame.</param>
    public byte[]? Handle(byte[] body, AcState state, byte protocol)
    {
        byte messageId = body[body.Length - 1];
        switch (body[0])
        {
            case CapabilityCodec.Id:
                // Page 1 is B5 01 00 ‖ id, page 2 is B5 01 01 01 ‖ id.
                int page = body.Length >= 5 ? 2 : 1;
                if (page > _profile.Pages.Length) return null;
                return AaFrame.Encode(FrameType.Query, CapabilityCodec.EncodeReply(_profile.Pages[page - 1], page < _profile.Pages.Length, messageId), protocol);
            case PropertyCodec.GetId:
                return AaFrame.Encode(FrameType.Query, PropertyCodec.EncodeReply(PropertyCodec.GetId, Read(PropertyCodec.ParseGetRequest(body), state)), protocol);
            case PropertyCodec.SetId:
                return AaFrame.Encode(FrameType.Set, PropertyCodec.EncodeReply(PropertyCodec.SetId, Write(PropertyCodec.ParseSetRequest(body), state)), protocol);
            case AcCommands.GetStateId when body.Length > 3 && body[1] == 0x21:
                byte[]? group = Group(body[3] & 0x0F, state, messageId);
                return group is null ? null : AaFrame.Encode(FrameType.Query, group, protocol);
            default:
                return null;
        }
    }

    private List<PropertyValue> Read(IReadOnlyList<ushort> ids, AcState state)
    {
        var values = new List<PropertyValue>();
        foreach (ushort id in ids)
        {
            values.Add(_profile.Properties.Contains(id)
                ? new PropertyValue(id, 0, ReadValue(id, state))
                : new PropertyValue(id, Refused, Array.Empty<byte>()));
        }
        return values;
    }

    /// <summary>What a B1 reports for a property the profile backs.</summary>
    private byte[] ReadValue(ushort id, AcState state) => id switch
    {
        PropertyId.BreezeControl => new[] { (byte)_breeze },
        PropertyId.Breezeless => new[] { _breeze == BreezeSetting.Breezeless ? (byte)1 : (byte)0 },
        PropertyId.BreezeAway => new[] { _breeze == BreezeSetting.BreezeAway ? (byte)2 : (byte)1 },
        PropertyId.Anion => new[] { state.Purifier ? (byte)1 : (byte)0 },
        PropertyId.IndoorHumidity => new[] { (byte)RoomHumidity },
        _ => _properties[id],
    };

    private List<PropertyValue> Write(IReadOnlyList<PropertyValue> requested, AcState state)
    {
        var results = new List<PropertyValue>();
        foreach (PropertyValue property in requested)
        {
            // Applied in the order given, so a later entry sees what an earlier one changed.
            bool applied = _profile.Properties.Contains(property.Id) && Apply(property.Id, property.Value, state);
            results.Add(applied
                ? new PropertyValue(property.Id, 0, ReadValue(property.Id, state))
                : new PropertyValue(property.Id, Refused, property.Value));
        }
        return results;
    }

    /// <summary>Applies a set request to a backed property; false (nothing changed) when the value is not valid for it.</summary>
    private bool Apply(ushort id, byte[] v, AcState state)
    {
        if (v.Length == 0) return false;
        switch (id)
        {
            case PropertyId.BreezeControl:
                if (v[0] is < 1 or > 4) return false;
                _breeze = (BreezeSetting)v[0];
                return true;
            case PropertyId.Breezeless:
                if (v[0] > 1) return false;
                // Off ends breezeless only: it leaves another breeze mode alone (assumed, protocol.md §5.8).
                if (v[0] == 1) _breeze = BreezeSetting.Breezeless;
                else if (_breeze == BreezeSetting.Breezeless) _breeze = BreezeSetting.Off;
                return true;
            case PropertyId.BreezeAway:
                if (v[0] is not (1 or 2)) return false;
                if (v[0] == 2) _breeze = BreezeSetting.BreezeAway;
                else if (_breeze == BreezeSetting.BreezeAway) _breeze = BreezeSetting.Off;
                return true;
            case PropertyId.Anion:
                if (v[0] > 1) return false;
                state.Purifier = v[0] == 1;
                return true;
            case PropertyId.IndoorHumidity:
                // A sensor reading: the set is answered with the reading, which it does not change (assumed).
                return true;
        }
        byte[]? stored = Stored(id, v);
        if (stored is null) return false;
        _properties[id] = stored;
        return true;
    }

    /// <summary>The value to keep (as B1 reports it) for a set request of a stored property, or null when the value is not valid.</summary>
    private byte[]? Stored(ushort id, byte[] v)
    {
        switch (id)
        {
            case PropertyId.VerticalSwingAngle:
            case PropertyId.HorizontalSwingAngle:
                return Array.IndexOf(SwingAngles, v[0]) >= 0 ? new[] { v[0] } : null;
            case PropertyId.Flash:
            case PropertyId.SelfClean:
            case PropertyId.Buzzer:
            case PropertyId.Sound:
                return v[0] <= 1 ? new[] { v[0] } : null;
            case PropertyId.RateSelect:
                return System.Linq.Enumerable.Contains(_profile.Capabilities.RateSelects, v[0]) ? new[] { v[0] } : null;
            case PropertyId.FreshAir:
                return v.Length >= 2 && v[0] <= 1 ? new byte[] { v[0], v[1], 0x4f } : null;
            case PropertyId.Cascade:
                return v.Length >= 2 && v[1] <= 2 ? new[] { v[0], v[1] } : null;
            case PropertyId.OutSilent:
                return v[0] is 0 or 3 ? new[] { v[0] } : null;
            case PropertyId.IEco:
                // Set is 00 ‖ number ‖ switch ‖ 10 × 00; a query reports number ‖ switch.
                return v.Length >= 3 ? new[] { v[1], v[2] } : null;
            default:
                return null;
        }
    }

    private byte[]? Group(int group, AcState state, byte messageId)
    {
        if (!_profile.Groups.Contains(group)) return null;
        bool running = state.Power;
        double indoor = state.IndoorTemperature ?? 25, outdoor = state.OutdoorTemperature ?? 30;
        switch (group)
        {
            case 1:
                return GroupCodec.EncodeOutdoorUnit(new OutdoorUnitReading
                {
                    CompressorHz = running ? 45 : 0,
                    TargetHz = running ? 46 : 0,
                    CurrentA = running ? 4 : 0,
                    VoltageV = 230,
                    T1Indoor = indoor,
                    T2IndoorCoil = running ? 8 : indoor,
                    T3OutdoorCoil = running ? outdoor + 10 : outdoor,
                    T4Outdoor = outdoor,
                    DischargeC = running ? 60 : (int)outdoor,
                }, messageId);
            case 2:
                return GroupCodec.EncodeIndoorFan(new IndoorFanReading { TargetSpeed = running ? 800 : 0, ActualSpeed = running ? 792 : 0, WaterPump = false }, messageId);
            case 4:
                double power = UpdateEnergy(running);
                return GroupCodec.EncodeEnergy(Math.Round(_totalKwh, 2), Math.Round(_runKwh, 2), power, _profile.EnergyBcd, messageId);
            case 5:
                // A unit without the humidity sensor reports humidity 0, which clients read as none (protocol.md §5.9, G06).
                return GroupCodec.EncodeHumidity(_profile.Capabilities.Humidity ? RoomHumidity : null, running ? 760 : 0, false, messageId);
            case 7:
                return GroupCodec.EncodeOutdoorPower(running ? 850 : 0, messageId);
            default:
                return GroupCodec.EncodeLouvers(_properties[PropertyId.HorizontalSwingAngle][0], _properties[PropertyId.VerticalSwingAngle][0], messageId);
        }
    }

    /// <summary>Counts energy at the current draw since the last query; returns the draw, W.</summary>
    private double UpdateEnergy(bool running)
    {
        double power = running ? 850.0 : 1.5;
        TimeSpan now = _clock.Elapsed;
        double kwh = power * (now - _lastEnergyUpdate).TotalHours / 1000;
        _lastEnergyUpdate = now;
        _totalKwh += kwh;
        _runKwh = running ? _runKwh + kwh : 0;
        return power;
    }
}
