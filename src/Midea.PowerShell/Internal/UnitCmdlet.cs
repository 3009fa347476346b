using System.Management.Automation;
using System.Security;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The parameters that say which unit a record names, besides its address (which is mandatory for
/// the device cmdlets and optional for Watch-MideaState): port, id, version and V3 credentials.
/// Their names equal the properties of MideaDevice, so discovery and store output bind by name.
/// </summary>
public abstract class UnitCmdlet : MideaCmdlet
{
    /// <summary>TCP port of the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 6444;

    /// <summary>Device id; discovered when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DeviceId")]
    public long Id { get; set; }

    /// <summary>Protocol version; discovered when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("2", "3")]
    public int ProtocolVersion { get; set; }

    /// <summary>
    /// Appliance type, AirConditioner or CommercialAc (Find-MideaDevice and the store give it). Used
    /// when -Id and -ProtocolVersion skip discovery; a discovery reply names the type itself.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Type")]
    [ValidateSet(nameof(Protocol.Appliances.AirConditioner), nameof(Protocol.Appliances.CommercialAc))]
    public string? DeviceType { get; set; }

    /// <summary>V3 token: 128 hex digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>V3 key: 64 hex digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }
}
