using System;
using System.Management.Automation;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Lets a SecureString parameter take plain text (a CSV column, a simulator's hex credentials):
/// PowerShell will not convert string to SecureString by itself.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc/>
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text ? Secrets.FromString(text) : value;
    }
}
