using System;
using System.Management.Automation;
using Midea.PowerShell.Internal;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Changes the module's settings for this process: how long a session kept with a unit may sit
/// unused, and how long one connection may live. Sessions already open follow the new values.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideaoption")]
[OutputType(typeof(MideaOption))]
public sealed class SetMideaOptionCommand : MideaCmdlet
{
    /// <summary>Seconds a kept session may sit unused before it closes; 0 closes it at the end of every command.</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int SessionIdleSeconds { get; set; }

    /// <summary>Seconds one connection may live before the next command connects again.</summary>
    [Parameter]
    [ValidateRange(1, 604800)]
    public int SessionLifetimeSeconds { get; set; }

    /// <summary>Write the settings after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(SessionIdleSeconds))
            && ShouldProcess("kept sessions", $"Close sessions after {SessionIdleSeconds} s unused"))
        {
            SessionPool.IdleTimeout = TimeSpan.FromSeconds(SessionIdleSeconds);
        }
        if (MyInvocation.BoundParameters.ContainsKey(nameof(SessionLifetimeSeconds))
            && ShouldProcess("kept sessions", $"Connect again after a connection has lived {SessionLifetimeSeconds} s"))
        {
            SessionPool.Lifetime = TimeSpan.FromSeconds(SessionLifetimeSeconds);
        }
        if (PassThru) WriteObject(GetMideaOptionCommand.Current());
    }
}
