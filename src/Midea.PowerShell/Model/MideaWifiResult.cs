using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Midea.PowerShell.Internal;

namespace Midea;

/// <summary>How one provisioning step ended.</summary>
public enum WifiStepOutcome
{
    /// <summary>The step did what it should.</summary>
    Succeeded,
    /// <summary>The step failed; the steps after it did not run (except rejoining the original network).</summary>
    Failed,
    /// <summary>The step did not apply (no -ApSsid, no -WaitForNetwork, V2 has no handshake).</summary>
    Skipped,
}

/// <summary>One step of provisioning a unit, in the order they ran.</summary>
public sealed class MideaWifiStep
{
    internal MideaWifiStep(WifiStepName name, WifiStepOutcome outcome, string detail, TimeSpan elapsed)
    {
        Name = name.ToString();
        Outcome = outcome;
        Detail = detail;
        Elapsed = elapsed;
    }

    /// <summary>Validate, JoinAp, FindOnAp, Connect, Handshake, Acknowledge, RejoinNetwork or FindOnNetwork.</summary>
    public string Name { get; }
    /// <summary>How it ended.</summary>
    public WifiStepOutcome Outcome { get; }
    /// <summary>What happened, in words; never contains a passphrase, token or key.</summary>
    public string Detail { get; }
    /// <summary>Time the step took.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Outcome}";
}

/// <summary>
/// The steps of provisioning one unit, in the order they ran. A script reads them as objects; a
/// spreadsheet gets them as one readable cell, because Export-Csv and ConvertTo-Csv write a
/// property's ToString(), which for a plain list is only its .NET type name.
/// </summary>
public sealed class MideaWifiSteps : ReadOnlyCollection<MideaWifiStep>
{
    internal MideaWifiSteps() : base(new List<MideaWifiStep>())
    {
    }

    internal void Add(MideaWifiStep step) => Items.Add(step);

    /// <summary>Each step's name and outcome, in order: "Validate: Succeeded; JoinAp: Skipped; …".</summary>
    public override string ToString() => string.Join("; ", this);
}

/// <summary>
/// The outcome of Set-MideaWifi for one unit: written for every unit, success or not, with the
/// step that failed, so a report from real hardware shows where the working hypothesis broke.
/// </summary>
public sealed class MideaWifiResult
{
    internal MideaWifiResult(string? address, string? apSsid, string ssid, string countryCode)
    {
        Address = address;
        ApSsid = apSsid;
        Ssid = ssid;
        CountryCode = countryCode;
    }

    /// <summary>
    /// Address the unit was provisioned at (its AP-mode address). Null for a unit named by its
    /// access point (-ApSsid) until that access point is joined: the address is only known then.
    /// </summary>
    public string? Address { get; internal set; }
    /// <summary>The unit's access point that was joined first, if any.</summary>
    public string? ApSsid { get; }
    /// <summary>Device id seen on the AP (0 when the unit was not found).</summary>
    public long Id { get; internal set; }
    /// <summary>Name the unit reported on the AP (its AP SSID).</summary>
    public string? Name { get; internal set; }
    /// <summary>Module MAC reported on the AP.</summary>
    public string? MacAddress { get; internal set; }
    /// <summary>Protocol version the unit reported on the AP.</summary>
    public int ProtocolVersion { get; internal set; }
    /// <summary>The network the unit was told to join.</summary>
    public string Ssid { get; }
    /// <summary>Country of the channel plan sent.</summary>
    public string CountryCode { get; }
    /// <summary>Where the session credentials came from: Token, MintedFromAp or V2.</summary>
    public string? CredentialSource { get; internal set; }
    /// <summary>True when the unit acknowledged the settings (and, with -WaitForNetwork, was seen on the network).</summary>
    public bool Success { get; internal set; }
    /// <summary>Name of the step that failed, or null.</summary>
    public string? FailedStep { get; internal set; }
    /// <summary>The stable ErrorId of the failure, or null.</summary>
    public string? ErrorId { get; internal set; }
    /// <summary>Why it failed, or null.</summary>
    public string? Error { get; internal set; }
    /// <summary>The acknowledgement's bytes as hex (any copy of the passphrase masked), for reports on the unverified protocol.</summary>
    public string? Acknowledgement { get; internal set; }
    /// <summary>Where the unit was seen on the target network (with -WaitForNetwork).</summary>
    public string? NewAddress { get; internal set; }
    /// <summary>Every step in order; as text (Export-Csv) "Validate: Succeeded; JoinAp: Skipped; …".</summary>
    public MideaWifiSteps Steps { get; } = new();
    /// <summary>Total time for this unit.</summary>
    public TimeSpan Elapsed { get; internal set; }

    internal void Add(MideaWifiStep step) => Steps.Add(step);

    /// <inheritdoc/>
    public override string ToString() => Success ? $"{Ssid}: provisioned {Name ?? Address}" : $"{Ssid}: {FailedStep} failed for {Address}";
}
