using System;
using System.Globalization;
using System.Management.Automation;

namespace Midea.PowerShell.Internal;

/// <summary>Units take temperatures in 0.5 °C steps; anything finer would be silently rounded.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateHalfStepAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc/>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (Math.Abs(number * 2 - Math.Round(number * 2)) > 1e-9)
            throw new ValidationMetadataException($"{number.ToString(CultureInfo.InvariantCulture)} is not a multiple of 0.5; units take targets in 0.5 °C steps.");
    }
}
