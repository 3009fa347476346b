using System;
using System.Globalization;
using System.Management.Automation;
using Midea.Protocol.Cc;
using static Midea.PowerShell.Internal.RemoteControlKeys;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The -RemoteControl keys of a simulated 0xCC unit: MideaCommercialAcState properties, each read
/// into a field of one <see cref="CcChanges"/>, with the values CommercialMapping gives them.
/// </summary>
internal static class CcRemoteKeys
{
    /// <summary>The keys, as MideaCommercialAcState names them, in the order -WhatIf lists them.</summary>
    public static readonly string[] Names =
    {
        nameof(MideaCommercialAcState.Power), nameof(MideaCommercialAcState.Mode), nameof(MideaCommercialAcState.TargetTemperature),
        nameof(MideaCommercialAcState.FanLevel), nameof(MideaCommercialAcState.VerticalSwingAngle), nameof(MideaCommercialAcState.HorizontalSwingAngle),
        nameof(MideaCommercialAcState.Eco), nameof(MideaCommercialAcState.Silent), nameof(MideaCommercialAcState.Sleep),
        nameof(MideaCommercialAcState.Purifier), nameof(MideaCommercialAcState.AuxHeatMode),
    };

    /// <summary>
    /// One key of <see cref="Names"/>: how it sets the change, and the value as -WhatIf shows it. The
    /// target is held to the range the unit reports, as the unit's own remote would hold it.
    /// </summary>
    /// <exception cref="ArgumentException">The value does not fit the key, or is one the 0xCC family lacks (SmartDry, AuxiliaryHeat Only).</exception>
    public static (Action<CcChanges> Set, string Shown) Key(string name, object? value, CcCapabilities capabilities)
    {
        switch (name)
        {
            case nameof(MideaCommercialAcState.Mode):
                OperationalMode mode = EnumValue<OperationalMode>(name, value, m => CommercialMapping.ToProtocol(m) is not null);
                return (c => c.Mode = CommercialMapping.ToProtocol(mode), mode.ToString());
            case nameof(MideaCommercialAcState.TargetTemperature):
                double target = Target(name, value, capabilities.MinimumTargetTemperature, capabilities.MaximumTargetTemperature);
                return (c => c.TargetTemperature = target, target.ToString(CultureInfo.InvariantCulture));
            case nameof(MideaCommercialAcState.FanLevel):
                FanLevel fan = EnumValue<FanLevel>(name, value);
                return (c => c.FanSpeed = CommercialMapping.ToProtocol(fan), fan.ToString());
            case nameof(MideaCommercialAcState.VerticalSwingAngle):
                SwingAngle vertical = EnumValue<SwingAngle>(name, value, a => CommercialMapping.ToProtocol(a) is not null);
                return (c => c.VerticalSwingAngle = CommercialMapping.ToProtocol(vertical), vertical.ToString());
            case nameof(MideaCommercialAcState.HorizontalSwingAngle):
                SwingAngle horizontal = EnumValue<SwingAngle>(name, value, a => CommercialMapping.ToProtocol(a) is not null);
                return (c => c.HorizontalSwingAngle = CommercialMapping.ToProtocol(horizontal), horizontal.ToString());
            case nameof(MideaCommercialAcState.Purifier):
                // $true/$false as well, so a table of both families can say Purifier = $true to each.
                PurifierMode purifier = value is bool or SwitchParameter ? (Switch(name, value) ? PurifierMode.On : PurifierMode.Off)
                    : EnumValue<PurifierMode>(name, value, alsoTakes: ", or $true or $false");
                return (c => c.Purifier = CommercialMapping.ToProtocol(purifier), purifier.ToString());
            case nameof(MideaCommercialAcState.AuxHeatMode):
                AuxiliaryHeat aux = EnumValue<AuxiliaryHeat>(name, value, a => CommercialMapping.ToProtocol(a) is not null);
                return (c => c.AuxiliaryHeat = CommercialMapping.ToProtocol(aux), aux.ToString());
            default:
                bool set = Switch(name, value);
                return (SwitchOf(name, set), set ? "True" : "False");
        }
    }

    private static Action<CcChanges> SwitchOf(string name, bool on) => name switch
    {
        nameof(MideaCommercialAcState.Power) => c => c.Power = on,
        nameof(MideaCommercialAcState.Eco) => c => c.Eco = on,
        nameof(MideaCommercialAcState.Silent) => c => c.Silent = on,
        nameof(MideaCommercialAcState.Sleep) => c => c.Sleep = on,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a switch of the remote."),
    };
}
