using System;
using System.Management.Automation;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>-SearchRange takes what Find-MideaDevice's -Address takes; a typo is refused when the command starts, not when a unit has moved.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateSearchRangeAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc/>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        string range = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString() ?? "";
        try
        {
            _ = DiscoveryTargets.Expand(range);
        }
        catch (ArgumentException ex)
        {
            throw new ValidationMetadataException(ex.Message, ex);
        }
    }
}
