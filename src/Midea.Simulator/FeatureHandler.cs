using System;
using System.Collections.Generic;
using System.Diagnostics;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;

namespace Midea.Simulator;

/// <summary>
/// The unit's features beyond the state: capabilities (B5), properties (B1/B0) and data groups (C1),
/// answered from a <see cref="CapabilityProfile"/>. What the profile lacks is refused as units do:
/// properties with result 0x11, unknown data groups with silence.
/// </summary>
internal sealed class FeatureHandler
{
    private const byte Refused = 0x11;
    private static readonly byte[] SwingAngles = { 0, 1, 25, 50, 75, 100 };
    private readonly ProfileDefinition _profile;
    private readonly Dictionary<ushort, byte[]> _properties = new()
    {
        [PropertyId.VerticalSwingAngle] = new byte[] { 0 },
        [PropertyId.HorizontalSwingAngle] = new byte[] { 0 },
        [PropertyId.Breezeless] = new byte[] { 0 },
        [PropertyId.SelfClean] = new byte[] { 0 },
        [PropertyId.BreezeAway] = new byte[] { 1 },
        [PropertyId.BreezeControl] = new byte[] { 1 },
        [PropertyId.RateSelect] = new byte[] { 100 },
        [PropertyId.FreshAir] = new byte[] { 0, 40, 0x4f },
        [PropertyId.Cascade] = new byte[] { 0, 0 },
        [PropertyId.Flash] = new byte[] { 0 },
        [PropertyId.OutSilent] = new byte[] { 0 },
        [PropertyId.IEco] = new byte[] { 1, 0 },
    };
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _totalKwh = 1234.56;
    private double _runKwh;
    private TimeSpan _lastEnergyUpdate;

    public FeatureHandler(CapabilityProfile profile) => _profile = ProfileDefinition.For(profile);

    public AcCapabilities Capabilities => _profile.Capabilities;

    /// <summary>A reply frame for a feature request, or null when the body is not one (or the unit stays silent).</summary>
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
                return AaFrame.Encode(FrameType.Query, PropertyCodec.EncodeReply(PropertyCodec.GetId, Read(PropertyCodec.ParseGetRequest(body))), protocol);
            case PropertyCodec.SetId:
                return AaFrame.Encode(FrameType.Set, PropertyCodec.EncodeReply(PropertyCodec.SetId, Write(PropertyCodec.ParseSetRequest(body))), protocol);
            case AcCommands.GetStateId when body.Length > 3 && body[1] == 0x21:
                byte[]? group = Group(body[3] & 0x0F, state, messageId);
                return group is null ? null : AaFrame.Encode(FrameType.Query, group, protocol);
            default:
                return null;
        }
    }

    private List<PropertyValue> Read(IReadOnlyList<ushort> ids)
    {
        var values = new List<PropertyValue>();
        foreach (ushort id in ids)
        {
            values.Add(_profile.Properties.Contains(id) && _properties.TryGetValue(id, out byte[]? value)
                ? new PropertyValue(id, 0, value)
                : new PropertyValue(id, Refused, Array.Empty<byte>()));
        }
        return values;
    }

    private List<PropertyValue> Write(IReadOnlyList<PropertyValue> requested)
    {
        var results = new List<PropertyValue>();
        foreach (PropertyValue property in requested)
        {
            // Every B0 carries the buzzer setting; it is taken and not stored.
            if (property.Id == PropertyId.Buzzer)
            {
                results.Add(new PropertyValue(property.Id, 0, property.Value));
                continue;
            }
            byte[]? stored = _profile.Properties.Contains(property.Id) ? Stored(property.Id, property.Value) : null;
            if (stored is null)
            {
                results.Add(new PropertyValue(property.Id, Refused, property.Value));
                continue;
            }
            _properties[property.Id] = stored;
            results.Add(new PropertyValue(property.Id, 0, stored));
        }
        return results;
    }

    /// <summary>The value to keep (as B1 reports it) for a set request, or null when the value is not valid.</summary>
    private byte[]? Stored(ushort id, byte[] v)
    {
        if (v.Length == 0) return null;
        switch (id)
        {
            case PropertyId.VerticalSwingAngle:
            case PropertyId.HorizontalSwingAngle:
                return Array.IndexOf(SwingAngles, v[0]) >= 0 ? new[] { v[0] } : null;
            case PropertyId.Breezeless:
            case PropertyId.Flash:
            case PropertyId.SelfClean:
                return v[0] <= 1 ? new[] { v[0] } : null;
            case PropertyId.BreezeAway:
                return v[0] is 1 or 2 ? new[] { v[0] } : null;
            case PropertyId.BreezeControl:
                return v[0] is >= 1 and <= 4 ? new[] { v[0] } : null;
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
                return GroupCodec.EncodeHumidity(state.TargetHumidity is null ? null : 45, running ? 760 : 0, false, messageId);
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
