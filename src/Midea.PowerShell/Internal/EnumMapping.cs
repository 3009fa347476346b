using System;
using Ac = Midea.Protocol.Ac;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The public enums that carry wire values, mapped to the protocol's enums of the same name value
/// by value, written out rather than cast, so renumbering either side fails to compile or fails the
/// round-trip test instead of silently sending another value.
/// </summary>
internal static class EnumMapping
{
    public static Ac.OperationalMode ToProtocol(OperationalMode value) => value switch
    {
        OperationalMode.Auto => Ac.OperationalMode.Auto,
        OperationalMode.Cool => Ac.OperationalMode.Cool,
        OperationalMode.Dry => Ac.OperationalMode.Dry,
        OperationalMode.Heat => Ac.OperationalMode.Heat,
        OperationalMode.FanOnly => Ac.OperationalMode.FanOnly,
        OperationalMode.SmartDry => Ac.OperationalMode.SmartDry,
        _ => throw Unknown(value),
    };

    public static OperationalMode ToPublic(Ac.OperationalMode value) => value switch
    {
        Ac.OperationalMode.Auto => OperationalMode.Auto,
        Ac.OperationalMode.Cool => OperationalMode.Cool,
        Ac.OperationalMode.Dry => OperationalMode.Dry,
        Ac.OperationalMode.Heat => OperationalMode.Heat,
        Ac.OperationalMode.FanOnly => OperationalMode.FanOnly,
        Ac.OperationalMode.SmartDry => OperationalMode.SmartDry,
        _ => throw Unknown(value),
    };

    public static Ac.FanSpeed ToProtocol(FanSpeed value) => value switch
    {
        FanSpeed.Silent => Ac.FanSpeed.Silent,
        FanSpeed.Low => Ac.FanSpeed.Low,
        FanSpeed.Medium => Ac.FanSpeed.Medium,
        FanSpeed.High => Ac.FanSpeed.High,
        FanSpeed.Max => Ac.FanSpeed.Max,
        FanSpeed.Auto => Ac.FanSpeed.Auto,
        _ => throw Unknown(value),
    };

    /// <summary>A fan speed as the unit reports it: a named speed, or (custom fan) another percentage kept as its number.</summary>
    public static FanSpeed ToPublic(Ac.FanSpeed value) => value switch
    {
        Ac.FanSpeed.Silent => FanSpeed.Silent,
        Ac.FanSpeed.Low => FanSpeed.Low,
        Ac.FanSpeed.Medium => FanSpeed.Medium,
        Ac.FanSpeed.High => FanSpeed.High,
        Ac.FanSpeed.Max => FanSpeed.Max,
        Ac.FanSpeed.Auto => FanSpeed.Auto,
        _ => (FanSpeed)(int)value,
    };

    public static Ac.SwingMode ToProtocol(SwingMode value) => value switch
    {
        SwingMode.Off => Ac.SwingMode.Off,
        SwingMode.Vertical => Ac.SwingMode.Vertical,
        SwingMode.Horizontal => Ac.SwingMode.Horizontal,
        SwingMode.Both => Ac.SwingMode.Both,
        _ => throw Unknown(value),
    };

    public static SwingMode ToPublic(Ac.SwingMode value) => value switch
    {
        Ac.SwingMode.Off => SwingMode.Off,
        Ac.SwingMode.Vertical => SwingMode.Vertical,
        Ac.SwingMode.Horizontal => SwingMode.Horizontal,
        Ac.SwingMode.Both => SwingMode.Both,
        _ => throw Unknown(value),
    };

    public static Ac.SwingAngle ToProtocol(SwingAngle value) => value switch
    {
        SwingAngle.Off => Ac.SwingAngle.Off,
        SwingAngle.Position1 => Ac.SwingAngle.Position1,
        SwingAngle.Position2 => Ac.SwingAngle.Position2,
        SwingAngle.Position3 => Ac.SwingAngle.Position3,
        SwingAngle.Position4 => Ac.SwingAngle.Position4,
        SwingAngle.Position5 => Ac.SwingAngle.Position5,
        _ => throw Unknown(value),
    };

    /// <summary>A louver position as the unit reports it; a position between the named ones is kept as its number.</summary>
    public static SwingAngle ToPublic(Ac.SwingAngle value) => value switch
    {
        Ac.SwingAngle.Off => SwingAngle.Off,
        Ac.SwingAngle.Position1 => SwingAngle.Position1,
        Ac.SwingAngle.Position2 => SwingAngle.Position2,
        Ac.SwingAngle.Position3 => SwingAngle.Position3,
        Ac.SwingAngle.Position4 => SwingAngle.Position4,
        Ac.SwingAngle.Position5 => SwingAngle.Position5,
        _ => (SwingAngle)(int)value,
    };

    public static Ac.BreezeSetting ToProtocol(BreezeSetting value) => value switch
    {
        BreezeSetting.Off => Ac.BreezeSetting.Off,
        BreezeSetting.BreezeAway => Ac.BreezeSetting.BreezeAway,
        BreezeSetting.BreezeMild => Ac.BreezeSetting.BreezeMild,
        BreezeSetting.Breezeless => Ac.BreezeSetting.Breezeless,
        _ => throw Unknown(value),
    };

    /// <summary>A breeze setting as the unit reports it; an unknown value is kept as its number.</summary>
    public static BreezeSetting ToPublic(Ac.BreezeSetting value) => value switch
    {
        Ac.BreezeSetting.Off => BreezeSetting.Off,
        Ac.BreezeSetting.BreezeAway => BreezeSetting.BreezeAway,
        Ac.BreezeSetting.BreezeMild => BreezeSetting.BreezeMild,
        Ac.BreezeSetting.Breezeless => BreezeSetting.Breezeless,
        _ => (BreezeSetting)(int)value,
    };

    public static Ac.RateSelect ToProtocol(RateSelect value) => value switch
    {
        RateSelect.Off => Ac.RateSelect.Off,
        RateSelect.Level80 => Ac.RateSelect.Level80,
        RateSelect.Level75 => Ac.RateSelect.Level75,
        RateSelect.Level60 => Ac.RateSelect.Level60,
        RateSelect.Level50 => Ac.RateSelect.Level50,
        RateSelect.Level40 => Ac.RateSelect.Level40,
        RateSelect.Level20 => Ac.RateSelect.Level20,
        RateSelect.Level1 => Ac.RateSelect.Level1,
        _ => throw Unknown(value),
    };

    /// <summary>A power limit as the unit reports it; an unknown level is kept as its number.</summary>
    public static RateSelect ToPublic(Ac.RateSelect value) => value switch
    {
        Ac.RateSelect.Off => RateSelect.Off,
        Ac.RateSelect.Level80 => RateSelect.Level80,
        Ac.RateSelect.Level75 => RateSelect.Level75,
        Ac.RateSelect.Level60 => RateSelect.Level60,
        Ac.RateSelect.Level50 => RateSelect.Level50,
        Ac.RateSelect.Level40 => RateSelect.Level40,
        Ac.RateSelect.Level20 => RateSelect.Level20,
        Ac.RateSelect.Level1 => RateSelect.Level1,
        _ => (RateSelect)(int)value,
    };

    public static Ac.FreshAirSpeed ToProtocol(FreshAirSpeed value) => value switch
    {
        FreshAirSpeed.Off => Ac.FreshAirSpeed.Off,
        FreshAirSpeed.Low => Ac.FreshAirSpeed.Low,
        FreshAirSpeed.Medium => Ac.FreshAirSpeed.Medium,
        FreshAirSpeed.High => Ac.FreshAirSpeed.High,
        FreshAirSpeed.Boost => Ac.FreshAirSpeed.Boost,
        _ => throw Unknown(value),
    };

    /// <summary>A fresh-air speed as the unit reports it; an unknown speed is kept as its number.</summary>
    public static FreshAirSpeed ToPublic(Ac.FreshAirSpeed value) => value switch
    {
        Ac.FreshAirSpeed.Off => FreshAirSpeed.Off,
        Ac.FreshAirSpeed.Low => FreshAirSpeed.Low,
        Ac.FreshAirSpeed.Medium => FreshAirSpeed.Medium,
        Ac.FreshAirSpeed.High => FreshAirSpeed.High,
        Ac.FreshAirSpeed.Boost => FreshAirSpeed.Boost,
        _ => (FreshAirSpeed)(int)value,
    };

    public static Ac.CascadeMode ToProtocol(CascadeMode value) => value switch
    {
        CascadeMode.Off => Ac.CascadeMode.Off,
        CascadeMode.Up => Ac.CascadeMode.Up,
        CascadeMode.Down => Ac.CascadeMode.Down,
        _ => throw Unknown(value),
    };

    /// <summary>A cascade mode as the unit reports it; an unknown mode is kept as its number.</summary>
    public static CascadeMode ToPublic(Ac.CascadeMode value) => value switch
    {
        Ac.CascadeMode.Off => CascadeMode.Off,
        Ac.CascadeMode.Up => CascadeMode.Up,
        Ac.CascadeMode.Down => CascadeMode.Down,
        _ => (CascadeMode)(int)value,
    };

    public static Ac.AuxiliaryHeat ToProtocol(AuxiliaryHeat value) => value switch
    {
        AuxiliaryHeat.Off => Ac.AuxiliaryHeat.Off,
        AuxiliaryHeat.On => Ac.AuxiliaryHeat.On,
        AuxiliaryHeat.Only => Ac.AuxiliaryHeat.Only,
        _ => throw Unknown(value),
    };

    public static AuxiliaryHeat ToPublic(Ac.AuxiliaryHeat value) => value switch
    {
        Ac.AuxiliaryHeat.Off => AuxiliaryHeat.Off,
        Ac.AuxiliaryHeat.On => AuxiliaryHeat.On,
        Ac.AuxiliaryHeat.Only => AuxiliaryHeat.Only,
        _ => throw Unknown(value),
    };

    public static Ac.EnergyFormat ToProtocol(EnergyFormat value) => value switch
    {
        EnergyFormat.Auto => Ac.EnergyFormat.Auto,
        EnergyFormat.Bcd => Ac.EnergyFormat.Bcd,
        EnergyFormat.Binary => Ac.EnergyFormat.Binary,
        _ => throw Unknown(value),
    };

    public static EnergyFormat ToPublic(Ac.EnergyFormat value) => value switch
    {
        Ac.EnergyFormat.Auto => EnergyFormat.Auto,
        Ac.EnergyFormat.Bcd => EnergyFormat.Bcd,
        Ac.EnergyFormat.Binary => EnergyFormat.Binary,
        _ => throw Unknown(value),
    };

    public static Protocol.Provisioning.WifiCredentialSource ToProtocol(WifiCredentialSource value) => value switch
    {
        WifiCredentialSource.Auto => Protocol.Provisioning.WifiCredentialSource.Auto,
        WifiCredentialSource.Token => Protocol.Provisioning.WifiCredentialSource.Token,
        WifiCredentialSource.MintedFromAp => Protocol.Provisioning.WifiCredentialSource.MintedFromAp,
        WifiCredentialSource.V2 => Protocol.Provisioning.WifiCredentialSource.V2,
        _ => throw Unknown(value),
    };

    public static WifiCredentialSource ToPublic(Protocol.Provisioning.WifiCredentialSource value) => value switch
    {
        Protocol.Provisioning.WifiCredentialSource.Auto => WifiCredentialSource.Auto,
        Protocol.Provisioning.WifiCredentialSource.Token => WifiCredentialSource.Token,
        Protocol.Provisioning.WifiCredentialSource.MintedFromAp => WifiCredentialSource.MintedFromAp,
        Protocol.Provisioning.WifiCredentialSource.V2 => WifiCredentialSource.V2,
        _ => throw Unknown(value),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value) where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).FullName} has no counterpart for {value}.");
}
