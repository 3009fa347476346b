using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>From the protocol's state to the public output type (protocol types never leave this assembly).</summary>
internal static class StateMapping
{
    public static MideaState ToPublic(AcState state, DeviceEndpoint endpoint) => new()
    {
        Address = endpoint.Address.ToString(),
        Port = endpoint.Port,
        Id = endpoint.DeviceId,
        ProtocolVersion = endpoint.ProtocolVersion,
        Type = Appliance.TypeName(AirConditioner.ApplianceType),
        Power = state.Power,
        Mode = EnumMapping.ToPublic(state.Mode),
        TargetTemperature = state.TargetTemperature,
        FanSpeed = EnumMapping.ToPublic((Protocol.Ac.FanSpeed)state.FanSpeed),
        SwingMode = EnumMapping.ToPublic(state.Swing),
        Eco = state.Eco,
        Turbo = state.Turbo,
        Sleep = state.Sleep,
        FreezeProtection = state.FreezeProtection,
        Display = state.Display,
        Fahrenheit = state.Fahrenheit,
        IndoorTemperature = state.IndoorTemperature,
        OutdoorTemperature = state.OutdoorTemperature,
        ErrorCode = state.ErrorCode,
        FilterAlert = state.FilterAlert,
        TargetHumidity = state.TargetHumidity,
        FollowMe = state.FollowMe,
        Purifier = state.Purifier,
        AuxHeat = state.AuxHeat,
        AuxHeatMode = EnumMapping.ToPublic(AirConditioner.AuxiliaryHeatOf(state)),
    };
}
