namespace Midea.PowerShell.Internal;

/// <summary>
/// The steps of provisioning one unit, in the order they run. The member names are public text:
/// <see cref="MideaWifiStep.Name"/> and <see cref="MideaWifiResult.FailedStep"/> carry them as
/// strings that users' scripts and reports compare with, so a member is never renamed.
/// </summary>
internal enum WifiStepName
{
    /// <summary>The row's settings were checked without the unit.</summary>
    Validate,

    /// <summary>The computer joined the unit's access point (-ApSsid).</summary>
    JoinAp,

    /// <summary>The unit answered discovery on its access point.</summary>
    FindOnAp,

    /// <summary>TCP connected.</summary>
    Connect,

    /// <summary>The V3 handshake (or choosing the credentials for it).</summary>
    Handshake,

    /// <summary>The unit answered the settings.</summary>
    Acknowledge,

    /// <summary>The computer went back to its own network.</summary>
    RejoinNetwork,

    /// <summary>The unit was seen on its new network (-WaitForNetwork).</summary>
    FindOnNetwork,

    /// <summary>A failure nobody foresaw; the unit's row still has a result.</summary>
    Unexpected,
}
