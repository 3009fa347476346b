using System.Collections.Generic;

namespace Midea.Protocol.Ac;

/// <summary>Short names of the capability ids msmart knows (protocol.md §5.7), decoded or not.</summary>
internal static class CapabilityNames
{
    private static readonly Dictionary<ushort, string> Names = new()
    {
        [0x0009] = "VerticalSwingAngle",
        [0x000A] = "HorizontalSwingAngle",
        [0x0011] = "SleepCurve3D",
        [0x0018] = "Breezeless",
        [0x0030] = "SmartEye",
        [0x0032] = "WindOnMe",
        [0x0033] = "WindOffMe",
        [0x0039] = "SelfClean",
        // 0x0040 is common but its meaning is unknown: no name.
        [0x0042] = "BreezeAway",
        [0x0043] = "BreezeControl",
        [0x0048] = "RateSelect",
        [0x0049] = "SmartCool",
        [0x004B] = "FreshAir",
        [0x0051] = "ParentControl",
        [0x0058] = "PreventStraightWindSelect",
        [0x0059] = "Cascade",
        [0x005A] = "Sterilize",
        [0x0067] = "Flash",
        [0x007C] = "ControlHumidity",
        [0x0086] = "GentleWindSense",
        [0x0089] = "CoolPowerSaving",
        [0x008C] = "ContinuousWind",
        [0x0091] = "ICheck",
        [0x0093] = "AuxFanSpeed",
        [0x0094] = "AuxHeatFanSpeed",
        [0x0098] = "Cvp",
        [0x00AA] = "NewWindSense",
        [0x00AD] = "PwhpComfort",
        [0x00B3] = "TurboPlus",
        [0x00C0] = "SleepCurve3DScreen",
        [0x00C1] = "MeetingMode",
        [0x00CB] = "BreezeAwaySpeed",
        [0x00CD] = "OutSilent",
        [0x00CE] = "FanModeSpeedControl",
        [0x00D2] = "SmartCool2",
        [0x00D3] = "IMaxWind",
        [0x00E3] = "IEco",
        [0x00F6] = "InstaCool",
        [0x00F7] = "RealTimePowerDisplay",
        [0x0210] = "FanSpeeds",
        [0x0212] = "Eco",
        [0x0213] = "FreezeProtection",
        [0x0214] = "Modes",
        [0x0215] = "SwingModes",
        [0x0216] = "Energy",
        [0x0217] = "Filter",
        [0x0219] = "AuxElectricHeat",
        [0x021A] = "Turbo",
        [0x021E] = "Anion",
        [0x021F] = "Humidity",
        [0x0221] = "FilterCheck",
        [0x0222] = "Fahrenheit",
        [0x0224] = "DisplayControl",
        [0x0225] = "TemperatureRanges",
        [0x022C] = "Buzzer",
        [0x0230] = "MainHorizontalGuideStrip",
        [0x0231] = "SupHorizontalGuideStrip",
        [0x0232] = "TwinsMachine",
        [0x0233] = "GuideStripType",
        [0x0234] = "BodyCheck",
    };

    /// <summary>The name of <paramref name="id"/>, or null when unknown.</summary>
    public static string? Of(ushort id) => Names.TryGetValue(id, out string? name) ? name : null;
}
