using System.Linq;
using System.Management.Automation;
using Midea.PowerShell.Internal;

namespace Midea.PowerShell.Cmdlets;

/// <summary>Shows the module's settings for this process: how long sessions with units are kept.</summary>
[Cmdlet(VerbsCommon.Get, "MideaOption", HelpUri = "https://github.com/midea-powershell/Midea#get-mideaoption")]
[OutputType(typeof(MideaOption))]
public sealed class GetMideaOptionCommand : MideaCmdlet
{
    /// <inheritdoc/>
    protected override void EndProcessing() => WriteObject(Current());

    /// <summary>The settings as they are now.</summary>
    internal static MideaOption Current() => new()
    {
        SessionIdleSeconds = (int)SessionPool.IdleTimeout.TotalSeconds,
        SessionLifetimeSeconds = (int)SessionPool.Lifetime.TotalSeconds,
        OpenSessions = SessionPool.Shared.Sessions.Count(s => s.Connected),
    };
}
