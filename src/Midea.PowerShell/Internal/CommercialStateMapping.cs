using System.Linq;
using Midea.Protocol.Appliances;
using Midea.Protocol.Cc;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>From a commercial unit's (0xCC) protocol state and capabilities to the public output types.</summary>
internal static class CommercialStateMapping
{
    public static MideaCommercialAcState ToPublic(CcState state, DeviceEndpoint endpoint) => new()
    {
        Address = endpoint.Address.ToString(),
        Port = endpoint.Port,
        Id = endpoint.DeviceId,
        ProtocolVersion = endpoint.ProtocolVersion,
        Type = Appliance.TypeName(CommercialAc.ApplianceType),
        Power = state.Power,
        Mode = CommercialMapping.ToPublic(state.Mode),
        TargetTemperature = state.TargetTemperature,
        FanLevel = CommercialMapping.ToPublic(state.FanSpeed),
        VerticalSwingAngle = CommercialMapping.ToPublic(state.VerticalSwingAngle),
        HorizontalSwingAngle = CommercialMapping.ToPublic(state.HorizontalSwingAngle),
        WindSense = CommercialMapping.ToPublic(state.WindSense),
        Eco = state.Eco,
        Silent = state.Silent,
        Sleep = state.Sleep,
        Display = state.Display,
        Fahrenheit = state.Fahrenheit,
        IndoorTemperature = state.IndoorTemperature,
        OutdoorTemperature = state.OutdoorTemperature,
        TargetHumidity = state.TargetHumidity,
        IndoorHumidity = state.IndoorHumidity,
        Purifier = CommercialMapping.ToPublic(state.Purifier),
        Buzzer = state.Beep,
        AuxHeatMode = CommercialMapping.ToPublic(state.AuxiliaryHeat),
    };

    public static MideaCommercialAcCapabilities ToPublic(CcCapabilities caps, DeviceEndpoint endpoint) => new()
    {
        Address = endpoint.Address.ToString(),
        Id = endpoint.DeviceId,
        Type = Appliance.TypeName(CommercialAc.ApplianceType),
        Modes = caps.Modes.Select(CommercialMapping.ToPublic).ToArray(),
        MinTemperature = caps.MinimumTargetTemperature,
        MaxTemperature = caps.MaximumTargetTemperature,
        FanLevel = caps.FanSpeed,
        VerticalSwingAngle = caps.VerticalSwingAngle,
        HorizontalSwingAngle = caps.HorizontalSwingAngle,
        WindSense = caps.WindSense,
        TargetHumidity = caps.Humidity,
        Eco = caps.Eco,
        Silent = caps.Silent,
        Sleep = caps.Sleep,
        SelfClean = caps.SelfClean,
        Purifier = caps.Purifier,
        PurifierAuto = caps.PurifierAuto,
        AuxHeatModes = caps.AuxiliaryHeatModes.Select(CommercialMapping.ToPublic).ToArray(),
        Co2Level = caps.Co2Level,
        FilterLevel = caps.FilterLevel,
    };
}
