using System;
using System.Collections.Generic;
using System.Net;
using Midea.Protocol.Provisioning;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>One unit to provision, validated and ready to run; built from one pipeline record.</summary>
internal sealed class WifiJob
{
    public WifiJob(MideaWifiResult result, WifiSettings settings, ProvisioningOptions options)
    {
        Result = result;
        Settings = settings;
        Options = options;
    }

    public MideaWifiResult Result { get; }
    public WifiSettings Settings { get; }
    public ProvisioningOptions Options { get; }
    public string? ApSsid { get; set; }
    public byte[]? Token { get; set; }
    public byte[]? Key { get; set; }
    /// <summary>The user's -AllowUnencryptedTransport: a passphrase may travel over V2 (see WifiProvisioner.ConsentToV2).</summary>
    public bool AllowUnencryptedTransport { get; set; }
    public IReadOnlyList<IPAddress> WaitTargets { get; set; } = Array.Empty<IPAddress>();
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(RequestPolicy.DefaultProvisioningStepSeconds);
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(RequestPolicy.DefaultNetworkSearchSeconds);
    /// <summary>The exception behind a failed step, for the error record.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Clears the plain passphrase and credentials once the job is done.</summary>
    public void Wipe()
    {
        Array.Clear(Settings.Passphrase, 0, Settings.Passphrase.Length);
        if (Token != null) Array.Clear(Token, 0, Token.Length);
        if (Key != null) Array.Clear(Key, 0, Key.Length);
    }
}
