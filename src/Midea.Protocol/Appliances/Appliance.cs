using System;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Appliances;

/// <summary>
/// What drives one kind of appliance over a <see cref="DeviceSession"/>: its reads and changes, and
/// the decisions they take (which frames, which parts, what the capabilities allow). One sibling type
/// per appliance family; <see cref="Open"/> picks it by the unit's type (docs/architecture.md §1.1).
/// </summary>
public abstract class Appliance
{
    private protected Appliance(DeviceSession session) => Session = session ?? throw new ArgumentNullException(nameof(session));

    /// <summary>The session the appliance speaks through.</summary>
    public DeviceSession Session { get; }

    /// <summary>Asks the unit for its state once and drops the answer: proof that it answers, which changes nothing and does not beep.</summary>
    public abstract Task ProbeAsync(CancellationToken cancel);

    /// <summary>The unit's address, as messages name it.</summary>
    private protected string Address => Session.Endpoint.Address.ToString();

    /// <summary>How an appliance type is named to users: AirConditioner for 0xAC, CommercialAc for 0xCC, else its number (0xA1).</summary>
    public static string TypeName(byte type) => type switch
    {
        AirConditioner.ApplianceType => nameof(AirConditioner),
        CommercialAc.ApplianceType => nameof(CommercialAc),
        _ => $"0x{type:X2}",
    };

    /// <summary>The type byte of a name <see cref="TypeName"/> gave; null for a name it never gives.</summary>
    public static byte? TypeOf(string? name)
    {
        if (name == nameof(AirConditioner)) return AirConditioner.ApplianceType;
        if (name == nameof(CommercialAc)) return CommercialAc.ApplianceType;
        if (name is { Length: 4 } && name.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && byte.TryParse(name.Substring(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out byte type)) return type;
        return null;
    }

    /// <summary>The appliance type that drives the unit of <paramref name="session"/>.</summary>
    /// <param name="session">The session with the unit; its endpoint's appliance type picks the class.</param>
    /// <param name="capabilities">Capabilities already read, shared across sessions; null to always ask.</param>
    /// <exception cref="MideaProtocolException">An appliance type this module does not drive (fault Unsupported); nothing was sent.</exception>
    public static Appliance Open(DeviceSession session, CapabilityCache? capabilities = null)
    {
        if (session is null) throw new ArgumentNullException(nameof(session));
        byte type = session.Endpoint.ApplianceType;
        return type switch
        {
            AirConditioner.ApplianceType => new AirConditioner(session, capabilities),
            CommercialAc.ApplianceType => new CommercialAc(session),
            _ => throw new MideaProtocolException(ProtocolFault.Unsupported,
                $"{session.Endpoint} is appliance type 0x{type:X2}; this module drives air conditioners (0xAC) and commercial air conditioners (0xCC)."),
        };
    }
}
