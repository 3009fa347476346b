using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Midea.Protocol;
using Midea.Protocol.Appliances;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Parameters that only one appliance family has. The family is known only once the unit is
/// resolved (its discovery reply names its type), so a cmdlet that takes both checks here, in the
/// worker, before anything is sent to the unit.
/// </summary>
internal static class FamilyParameters
{
    /// <summary>The parameters a record gave: bound ones, a switch only when present.</summary>
    public static string[] Given(InvocationInfo invocation) => invocation.BoundParameters
        .Where(p => p.Value is not SwitchParameter { IsPresent: false })
        .Select(p => p.Key)
        .ToArray();

    /// <summary>Refuses <paramref name="given"/> parameters the family of <paramref name="appliance"/> lacks.</summary>
    /// <param name="appliance">The unit, whose type picks which list applies.</param>
    /// <param name="given">The parameters the record gave (<see cref="Given"/>).</param>
    /// <param name="airConditionerOnly">Parameters of air conditioners (0xAC) only.</param>
    /// <param name="commercialOnly">Parameters of commercial units (0xCC) only.</param>
    /// <exception cref="NotSupportedByUnitException">A parameter of the other family; nothing was sent.</exception>
    public static void Refuse(Appliance appliance, IReadOnlyCollection<string> given, IReadOnlyCollection<string> airConditionerOnly, IReadOnlyCollection<string> commercialOnly)
    {
        bool airConditioner = appliance is AirConditioner;
        IReadOnlyCollection<string> other = airConditioner ? commercialOnly : airConditionerOnly;
        // In the cmdlet's order of its parameters, whatever order they were typed in.
        string[] wrong = other.Where(given.Contains).ToArray();
        if (wrong.Length == 0) return;
        string family = airConditioner ? "commercial units (CommercialAc, 0xCC)" : "air conditioners (AirConditioner, 0xAC)";
        throw new NotSupportedByUnitException(
            $"{appliance.Session.Endpoint} is a {Appliance.TypeName(appliance.Session.Endpoint.ApplianceType)} unit; "
            + $"{string.Join(", ", wrong.Select(n => "-" + n))} {(wrong.Length == 1 ? "is" : "are")} for {family} only. Nothing was sent.");
    }
}
