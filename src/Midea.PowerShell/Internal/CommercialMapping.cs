using System;
using Midea.Protocol.Cc;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The public enums of a commercial unit's (0xCC) values mapped to the protocol's, written out as
/// <see cref="EnumMapping"/> does for air conditioners. A public value the family does not have
/// maps to null, so the caller can refuse it with the unit's name.
/// </summary>
internal static class CommercialMapping
{
    public static CcMode? ToProtocol(OperationalMode value) => value switch
    {
        OperationalMode.FanOnly => CcMode.Fan,
        OperationalMode.Cool => CcMode.Cool,
        OperationalMode.Heat => CcMode.Heat,
        OperationalMode.Auto => CcMode.Auto,
        OperationalMode.Dry => CcMode.Dry,
        _ => null,
    };

    // A byte no public value names shows as a number past the named ones (100 + the byte, or 1000 +
    // for louvers, whose named values reach 200), never as another setting.
    public static OperationalMode ToPublic(CcMode value) => value switch
    {
        CcMode.Fan => OperationalMode.FanOnly,
        CcMode.Cool => OperationalMode.Cool,
        CcMode.Heat => OperationalMode.Heat,
        CcMode.Auto => OperationalMode.Auto,
        CcMode.Dry => OperationalMode.Dry,
        _ => (OperationalMode)(100 + (int)value),
    };

    public static CcFanSpeed ToProtocol(FanLevel value) => (CcFanSpeed)CheckedByte(value, (int)value);

    public static FanLevel ToPublic(CcFanSpeed value) => (FanLevel)(int)value;

    public static CcSwingAngle? ToProtocol(SwingAngle value) => value switch
    {
        SwingAngle.Off => CcSwingAngle.Closed,
        SwingAngle.Position1 => CcSwingAngle.Position1,
        SwingAngle.Position2 => CcSwingAngle.Position2,
        SwingAngle.Position3 => CcSwingAngle.Position3,
        SwingAngle.Position4 => CcSwingAngle.Position4,
        SwingAngle.Position5 => CcSwingAngle.Position5,
        SwingAngle.Auto => CcSwingAngle.Auto,
        _ => null,
    };

    public static SwingAngle ToPublic(CcSwingAngle value) => value switch
    {
        CcSwingAngle.Closed => SwingAngle.Off,
        CcSwingAngle.Position1 => SwingAngle.Position1,
        CcSwingAngle.Position2 => SwingAngle.Position2,
        CcSwingAngle.Position3 => SwingAngle.Position3,
        CcSwingAngle.Position4 => SwingAngle.Position4,
        CcSwingAngle.Position5 => SwingAngle.Position5,
        CcSwingAngle.Auto => SwingAngle.Auto,
        _ => (SwingAngle)(1000 + (int)value),
    };

    public static CcWindSense ToProtocol(WindSense value) => (CcWindSense)CheckedByte(value, (int)value);

    public static WindSense ToPublic(CcWindSense value) => (WindSense)(int)value;

    public static CcPurifier ToProtocol(PurifierMode value) => (CcPurifier)CheckedByte(value, (int)value);

    public static PurifierMode ToPublic(CcPurifier value) => (PurifierMode)(int)value;

    public static CcAuxiliaryHeat? ToProtocol(AuxiliaryHeat value) => value switch
    {
        AuxiliaryHeat.Auto => CcAuxiliaryHeat.Auto,
        AuxiliaryHeat.On => CcAuxiliaryHeat.On,
        AuxiliaryHeat.Off => CcAuxiliaryHeat.Off,
        AuxiliaryHeat.Separate => CcAuxiliaryHeat.Separate,
        _ => null,
    };

    public static AuxiliaryHeat ToPublic(CcAuxiliaryHeat value) => value switch
    {
        CcAuxiliaryHeat.Auto => AuxiliaryHeat.Auto,
        CcAuxiliaryHeat.On => AuxiliaryHeat.On,
        CcAuxiliaryHeat.Off => AuxiliaryHeat.Off,
        CcAuxiliaryHeat.Separate => AuxiliaryHeat.Separate,
        _ => (AuxiliaryHeat)(100 + (int)value),
    };

    /// <summary>The Set-MideaState parameter (and MideaCommercialAcState property) a control sets, as users name it.</summary>
    public static string ParameterOf(CcControl control) => control switch
    {
        CcControl.TemperatureUnit => nameof(MideaCommercialAcState.Fahrenheit),
        CcControl.FanSpeed => nameof(MideaCommercialAcState.FanLevel),
        CcControl.Beep => nameof(MideaCommercialAcState.Buzzer),
        CcControl.AuxiliaryHeat => "AuxHeat",
        _ => control.ToString(),
    };

    // FanLevel, WindSense and PurifierMode carry the wire byte itself; a value outside the enum is refused.
    private static byte CheckedByte<T>(T value, int number) where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (byte)number : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).FullName} has no value {number}.");
}
