using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using Midea.PowerShell.Internal;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Makes a V3 token and key without the cloud, from the local key SHA256(SSID ‖ passphrase ‖ MAC)
/// of the network the unit joined (protocol.md §3.2.4). Experimental: whether current firmware
/// accepts such tokens is unverified. Sends nothing.
/// </summary>
[Cmdlet(VerbsCommon.New, "MideaToken", HelpUri = "https://github.com/midea-powershell/Midea#new-mideatoken")]
[OutputType(typeof(MideaCredential))]
public sealed class NewMideaTokenCommand : MideaCmdlet
{
    /// <summary>The Wi-Fi network the unit joined.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Ssid { get; set; } = "";

    /// <summary>That network's passphrase (empty for an open network).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Alias("Password", "Psk")]
    [SecureStringTransformation]
    [AllowEmptyString]
    public SecureString Passphrase { get; set; } = new();

    /// <summary>The unit's module MAC (aa:bb:cc:dd:ee:ff), as Find-MideaDevice reports it.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string MacAddress { get; set; } = "";

    /// <summary>Passed through to the output so it pipes on to the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip")]
    public string? Address { get; set; }

    /// <summary>Passed through to the output.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DeviceId")]
    public long Id { get; set; }

    /// <summary>Passed through to the output.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>Passed through to the output.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 6444;

    /// <summary>Passed through; a V2 unit needs no token, so it gets a warning.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(2, 3)]
    public int ProtocolVersion { get; set; } = 3;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        byte[] mac;
        try
        {
            mac = Hex.Decode(MacAddress);
        }
        catch (FormatException)
        {
            mac = Array.Empty<byte>();
        }
        if (mac.Length != 6)
        {
            WriteError(new ErrorRecord(new ArgumentException($"MacAddress '{MacAddress}' is not a MAC address (six hex pairs such as aa:bb:cc:dd:ee:ff)."), "InvalidArgument", ErrorCategory.InvalidArgument, MacAddress));
            return;
        }
        byte[] passphrase = Encoding.UTF8.GetBytes(Secrets.ToPlain(Passphrase));
        byte[] local = LocalKey.Derive(Ssid, passphrase, mac);
        (byte[] token, byte[] key) = LocalKey.Mint(local);
        Array.Clear(passphrase, 0, passphrase.Length);
        Array.Clear(local, 0, local.Length);
        WriteVerbose($"Minted a token for MAC {MacAddress} on network '{Ssid}' (experimental on real units).");
        if (ProtocolVersion == 2) WriteWarning($"{Address ?? MacAddress} is a V2 unit, which needs no token; the pair is minted anyway.");
        WriteObject(new MideaCredential
        {
            Address = Address,
            Port = Port,
            Name = Name,
            ProtocolVersion = ProtocolVersion,
            Id = Id,
            MacAddress = MacAddress,
            Source = "Minted",
            Token = Secrets.FromString(Hex.Encode(token)),
            Key = Secrets.FromString(Hex.Encode(key)),
        });
        Array.Clear(token, 0, token.Length);
        Array.Clear(key, 0, key.Length);
    }
}
