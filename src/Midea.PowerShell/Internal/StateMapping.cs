using Midea.Protocol.Ac;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>Between the protocol's state and the public output type (protocol types never leave this assembly).</summary>
internal static class StateMapping
{
    public static MideaState ToPublic(AcState state, DeviceEndpoint endpoint) => new()
    {
        Address = endpoint.Address.ToString(),
        Port = endpoint.Port,
        Id = endpoint.DeviceId,
        ProtocolVersion = endpoint.ProtocolVersion,
        Power = state.Power,
        Mode = (OperationalMode)state.Mode,
        TargetTemperature = state.TargetTemperature,
        FanSpeed = (FanSpeed)state.FanSpeed,
        SwingMode = (SwingMode)state.Swing,
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
        AuxHeatMode = state.IndependentAuxHeat ? AuxiliaryHeat.Only : state.AuxHeat ? AuxiliaryHeat.On : AuxiliaryHeat.Off,
    };

    public static Protocol.Ac.OperationalMode ToProtocol(OperationalMode mode) => (Protocol.Ac.OperationalMode)mode;

    public static Protocol.Ac.SwingMode ToProtocol(SwingMode swing) => (Protocol.Ac.SwingMode)swing;
}
