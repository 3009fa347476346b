using System;
using System.Management.Automation;
using System.Security;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Transport;
using Midea.Protocol.Codec;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Saves units, with their V3 token and key, in the per-user device store, so later sessions can
/// run Get-MideaDevice | Get-MideaState. Takes Find-MideaDevice output (by property name) or
/// plain parameters; an entry with the same id is updated, keeping what the input leaves out.
/// The store is %LOCALAPPDATA%\Midea\devices.xml on Windows (token and key encrypted with DPAPI),
/// and ~/.config/midea/devices.xml elsewhere, where the token and key are plain hex protected
/// only by the file mode 0600; MIDEA_STORE_PATH overrides the location.
/// </summary>
[Cmdlet(VerbsData.Save, "MideaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = "https://github.com/midea-powershell/Midea#save-mideadevice")]
[OutputType(typeof(MideaDevice))]
public sealed class SaveMideaDeviceCommand : MideaCmdlet
{
    /// <summary>Device id: the key of the store. An entry with this id is updated.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Device id of the unit (Find-MideaDevice shows it).")]
    [Alias("DeviceId")]
    [ValidateRange(1, 0xFFFFFFFFFFFFL)]
    public long Id { get; set; }

    /// <summary>IP address or host name of the unit; required for a new entry.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string? Address { get; set; }

    /// <summary>TCP port; kept, or 6444 for a new entry, when not given (0).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; }

    /// <summary>Protocol version, 2 or 3; required for a new entry (0 = not given).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(2, 3)]
    public int ProtocolVersion { get; set; }

    /// <summary>Name of the unit (net_ac_XXXX).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>Appliance type (Find-MideaDevice gives it); kept from the stored entry, or AirConditioner, when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Type")]
    [ValidateSet(nameof(Protocol.Appliances.AirConditioner), nameof(Protocol.Appliances.CommercialAc))]
    public string? DeviceType { get; set; }

    /// <summary>Serial number of the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? SerialNumber { get; set; }

    /// <summary>Wi-Fi module MAC address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MacAddress { get; set; }

    /// <summary>V3 token: 128 hex digits. Kept from the existing entry when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>V3 key: 64 hex digits. Kept from the existing entry when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }

    /// <summary>Write the saved entry as a MideaDevice.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Replace a stored token and key without trying the new pair on the unit first.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Limit for connecting to the unit and for the handshake that tries a new pair.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultRequestSeconds;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        StoredDevice? saved = null;
        bool added = false;
        try
        {
            if ((Token is null) != (Key is null)) throw new ArgumentException("Give -Token and -Key together.");
            byte[]? token = Token is null ? null : Secrets.HexBytes(Token, Handshake.TokenSize, "token");
            byte[]? key = Key is null ? null : Secrets.HexBytes(Key, Handshake.KeySize, "key");
            string path = DeviceStore.Path;
            StoredDevice? stored = DeviceStore.Find(Id, WriteVerbose);
            StoredDevice planned = Merge(stored, token, key);
            // A different pair for a saved unit is tried on the unit first (CredentialGuard).
            bool guarded = token != null && key != null && stored is { HasCredentials: true } && !stored.HasPair(token, key) && !Force.IsPresent;
            string action = $"{(stored is null ? "Add to" : "Update in")} the device store '{path}'{(guarded ? ", once the unit accepts the new token and key" : "")}";
            if (!ShouldProcess(planned.Describe(), action)) return;
            if (guarded)
            {
                (PairCheck check, string? reason) = CredentialGuard.Check(this, stored!, token!, key!, planned, TimeSpan.FromSeconds(TimeoutSeconds));
                if (check != PairCheck.Accepted)
                {
                    WriteError(CredentialGuard.Record(check, reason, stored!, "given"));
                    return;
                }
                WriteVerbose($"{planned.Describe()} accepted the new token and key; the previous pair stays in the store's history (Restore-MideaDevice).");
            }
            DeviceStore.Update(devices =>
            {
                int index = devices.FindIndex(d => d.Id == Id);
                StoredDevice? old = index < 0 ? null : devices[index];
                StoredDevice entry = Merge(old, token, key);
                if (old is null) devices.Add(entry);
                else devices[index] = entry;
                saved = entry;
                added = old is null;
                return true;
            }, WriteVerbose);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            ErrorRecord record = StoreErrors.Record(ex, Id);
            if (ex is StoreCorruptException) ThrowTerminatingError(record);
            WriteError(record);
            return;
        }
        if (saved is null) return;
        WriteVerbose($"{(added ? "Saved" : "Updated")} {saved.Describe()}, V{saved.ProtocolVersion}, {(saved.HasCredentials ? "with" : "without")} token and key.");
        if (saved.ProtocolVersion == 3 && !saved.HasCredentials)
            WriteWarning($"{saved.Describe()} is a V3 unit saved without a token and key; save it again with -Token and -Key so the other commands can connect.");
        if (PassThru.IsPresent) WriteObject(saved.ToPublic());
    }

    private StoredDevice Merge(StoredDevice? old, byte[]? token, byte[]? key)
    {
        if (old is null && (string.IsNullOrEmpty(Address) || ProtocolVersion == 0))
            throw new ArgumentException($"Device id {Id} is not in the device store yet: give -Address and -ProtocolVersion (or pipe Find-MideaDevice output).");
        // The stored entry's copy keeps its pair history; a new pair goes through ReplacePair, which files the old one there.
        StoredDevice entry = old?.Clone() ?? new StoredDevice();
        entry.Id = Id;
        entry.Address = string.IsNullOrEmpty(Address) ? old!.Address : Address!;
        entry.Port = Port != 0 ? Port : old?.Port ?? 6444;
        entry.ProtocolVersion = ProtocolVersion != 0 ? ProtocolVersion : old!.ProtocolVersion;
        entry.Type = DeviceType ?? old?.Type ?? nameof(Protocol.Appliances.AirConditioner);
        entry.Name = string.IsNullOrEmpty(Name) ? old?.Name ?? "" : Name!;
        entry.SerialNumber = string.IsNullOrEmpty(SerialNumber) ? old?.SerialNumber ?? "" : SerialNumber!;
        entry.MacAddress = string.IsNullOrEmpty(MacAddress) ? old?.MacAddress : MacAddress;
        if (token != null && key != null) entry.ReplacePair(token, key);
        entry.SavedUtc = DateTime.UtcNow;
        return entry;
    }
}
