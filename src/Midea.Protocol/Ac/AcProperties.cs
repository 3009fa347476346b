using System;
using System.Collections.Generic;

namespace Midea.Protocol.Ac;

/// <summary>
/// The typed reading of property replies: the "reply decode" column of protocol.md §5.8.
/// A null value means no reply has carried that property yet.
/// </summary>
public sealed class AcProperties
{
    private static readonly IReadOnlyList<PropertyValue> NoValues = Array.Empty<PropertyValue>();
    private static readonly IReadOnlyList<ushort> NoIds = Array.Empty<ushort>();

    /// <summary>Vertical swing angle (0x09): 0 off, 1, 25, 50, 75, 100.</summary>
    public byte? VerticalSwingAngle { get; set; }

    /// <summary>Horizontal swing angle (0x0A): 0 off, 1, 25, 50, 75, 100.</summary>
    public byte? HorizontalSwingAngle { get; set; }

    /// <summary>Breezeless (0x18): v[0] ≠ 0.</summary>
    public bool? Breezeless { get; set; }

    /// <summary>Self clean active (0x39): v[0] ≠ 0.</summary>
    public bool? SelfClean { get; set; }

    /// <summary>Breeze away (0x42): v[0] == 2.</summary>
    public bool? BreezeAway { get; set; }

    /// <summary>Breeze control (0x43): v[0] as a <see cref="BreezeSetting"/>; values outside 1..4 read as Off.</summary>
    public BreezeSetting? Breeze { get; set; }

    /// <summary>Rate select (0x48): v[0].</summary>
    public byte? RateSelect { get; set; }

    /// <summary>Fresh air fan speed (0x4B): v[1] when v[0] ≠ 0, else 0 (off).</summary>
    public byte? FreshAirSpeed { get; set; }

    /// <summary>Cascade mode (0x59): v[1] when v[0] ≠ 0, else 0. 0 off, 1 up, 2 down.</summary>
    public byte? CascadeMode { get; set; }

    /// <summary>Flash cool (0x67): v[0] ≠ 0.</summary>
    public bool? Flash { get; set; }

    /// <summary>Outdoor silent (0xCD): v[0] == 3.</summary>
    public bool? OutSilent { get; set; }

    /// <summary>iECO on (0xE3): v[1] ≠ 0.</summary>
    public bool? IEco { get; set; }

    /// <summary>iECO number (0xE3): v[0].</summary>
    public byte? IEcoNumber { get; set; }

    /// <summary>Entries of the decoded reply whose result has bit 0x10 set. Their values were still decoded, as msmart does.</summary>
    public IReadOnlyList<PropertyValue> Failed { get; private set; } = NoValues;

    /// <summary>
    /// Ids of the decoded reply that updated nothing although present: ids without a decoder
    /// (0x15, 0x1A, 0x21E, 0x22C, unknown ids, with or without a value), and ids whose value was too short for their decoder.
    /// </summary>
    public IReadOnlyList<ushort> Undecoded { get; private set; } = NoIds;

    /// <summary>Breeze away is on: from <see cref="Breeze"/> when known, else from <see cref="BreezeAway"/>.</summary>
    public bool BreezeAwayOn => Breeze is { } mode ? mode == BreezeSetting.BreezeAway : BreezeAway == true;

    /// <summary>Breeze mild is on: <see cref="Breeze"/> is BreezeMild.</summary>
    public bool BreezeMildOn => Breeze == BreezeSetting.BreezeMild;

    /// <summary>Breezeless is on: from <see cref="Breeze"/> when known, else from <see cref="Breezeless"/>.</summary>
    public bool BreezelessOn => Breeze is { } mode ? mode == BreezeSetting.Breezeless : Breezeless == true;

    /// <summary>
    /// Decodes reply entries on top of <paramref name="previous"/> (which is not changed). Only ids present with a
    /// non-empty value update the result; failed entries are still decoded and listed in <see cref="Failed"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static AcProperties Decode(IEnumerable<PropertyValue> values, AcProperties? previous = null)
    {
        if (values is null) throw new ArgumentNullException(nameof(values));
        var p = previous is null ? new AcProperties() : previous.CopyValues();
        var failed = new List<PropertyValue>();
        var undecoded = new List<ushort>();
        foreach (PropertyValue entry in values)
        {
            if (entry is null) continue;
            if (entry.Failed) failed.Add(entry);
            if (!p.Apply(entry)) undecoded.Add(entry.Id);
        }
        p.Failed = failed;
        p.Undecoded = undecoded;
        return p;
    }

    /// <summary>Applies one entry. False when the id has no decoder or its value is too short for it.</summary>
    private bool Apply(PropertyValue entry)
    {
        byte[] v = entry.Value;
        bool known = entry.Id is PropertyId.VerticalSwingAngle or PropertyId.HorizontalSwingAngle or PropertyId.Breezeless
            or PropertyId.SelfClean or PropertyId.BreezeAway or PropertyId.BreezeControl or PropertyId.RateSelect
            or PropertyId.FreshAir or PropertyId.Cascade or PropertyId.Flash or PropertyId.OutSilent or PropertyId.IEco;
        if (!known) return false;
        // An empty value is a skipped entry (§5.8), not an undecodable one.
        if (v.Length == 0) return true;
        switch (entry.Id)
        {
            case PropertyId.VerticalSwingAngle: VerticalSwingAngle = v[0]; break;
            case PropertyId.HorizontalSwingAngle: HorizontalSwingAngle = v[0]; break;
            case PropertyId.Breezeless: Breezeless = v[0] != 0; break;
            case PropertyId.SelfClean: SelfClean = v[0] != 0; break;
            case PropertyId.BreezeAway: BreezeAway = v[0] == 2; break;
            case PropertyId.BreezeControl: Breeze = v[0] is >= 1 and <= 4 ? (BreezeSetting)v[0] : BreezeSetting.Off; break;
            case PropertyId.RateSelect: RateSelect = v[0]; break;
            case PropertyId.FreshAir:
                if (v[0] != 0 && v.Length < 2) return false;
                FreshAirSpeed = v[0] != 0 ? v[1] : (byte)0;
                break;
            case PropertyId.Cascade:
                if (v[0] != 0 && v.Length < 2) return false;
                CascadeMode = v[0] != 0 ? v[1] : (byte)0;
                break;
            case PropertyId.Flash: Flash = v[0] != 0; break;
            case PropertyId.OutSilent: OutSilent = v[0] == 3; break;
            case PropertyId.IEco:
                if (v.Length < 2) return false;
                IEcoNumber = v[0];
                IEco = v[1] != 0;
                break;
        }
        return true;
    }

    private AcProperties CopyValues() => new()
    {
        VerticalSwingAngle = VerticalSwingAngle,
        HorizontalSwingAngle = HorizontalSwingAngle,
        Breezeless = Breezeless,
        SelfClean = SelfClean,
        BreezeAway = BreezeAway,
        Breeze = Breeze,
        RateSelect = RateSelect,
        FreshAirSpeed = FreshAirSpeed,
        CascadeMode = CascadeMode,
        Flash = Flash,
        OutSilent = OutSilent,
        IEco = IEco,
        IEcoNumber = IEcoNumber,
    };
}
