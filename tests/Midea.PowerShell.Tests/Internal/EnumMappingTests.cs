using System;
using System.Linq;
using System.Reflection;
using Midea.PowerShell.Internal;

namespace Midea.PowerShell.Tests;

/// <summary>Every public enum that carries wire values maps to the protocol's enum of the same name, member by member, both ways.</summary>
public class EnumMappingTests
{
    private static readonly string[] WireEnums =
    {
        nameof(OperationalMode), nameof(FanSpeed), nameof(SwingMode), nameof(SwingAngle), nameof(BreezeSetting), nameof(RateSelect),
        nameof(FreshAirSpeed), nameof(CascadeMode), nameof(AuxiliaryHeat), nameof(EnergyFormat), nameof(WifiCredentialSource),
    };

    // Values the shared enums carry for commercial units (0xCC) only: no air-conditioner counterpart,
    // so EnumMapping refuses them (CommercialMappingTests covers their own mapping).
    private static readonly object[] CommercialOnly = { SwingAngle.Auto, AuxiliaryHeat.Auto, AuxiliaryHeat.Separate };

    private static MethodInfo[] Mappings(string direction) =>
        typeof(EnumMapping).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == direction).ToArray();

    [Fact]
    public void Each_wire_enum_has_a_mapping_each_way_to_the_protocol_enum_of_the_same_name()
    {
        MethodInfo[] toProtocol = Mappings(nameof(EnumMapping.ToProtocol));
        Assert.Equal(WireEnums.OrderBy(n => n), toProtocol.Select(m => m.GetParameters()[0].ParameterType.Name).OrderBy(n => n));
        foreach (MethodInfo map in toProtocol)
        {
            Type from = map.GetParameters()[0].ParameterType;
            Assert.Equal("Midea", from.Namespace);
            Assert.Equal(from.Name, map.ReturnType.Name);
            Assert.StartsWith("Midea.Protocol.", map.ReturnType.Namespace, StringComparison.Ordinal);
            Assert.Single(Mappings(nameof(EnumMapping.ToPublic)), m => m.GetParameters()[0].ParameterType == map.ReturnType && m.ReturnType == from);
        }
    }

    [Fact]
    public void Every_public_value_round_trips_and_keeps_its_name_and_wire_number()
    {
        foreach (MethodInfo toProtocol in Mappings(nameof(EnumMapping.ToProtocol)))
        {
            Type publicType = toProtocol.GetParameters()[0].ParameterType;
            MethodInfo toPublic = Mappings(nameof(EnumMapping.ToPublic)).Single(m => m.ReturnType == publicType);
            foreach (object value in Enum.GetValues(publicType))
            {
                if (CommercialOnly.Contains(value)) continue;
                object wire = toProtocol.Invoke(null, new[] { value })!;
                Assert.Equal(value.ToString(), wire.ToString());
                Assert.Equal(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(wire, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(value, toPublic.Invoke(null, new[] { wire }));
            }
        }
    }

    [Fact]
    public void Every_protocol_value_round_trips_so_no_member_is_left_without_a_counterpart()
    {
        foreach (MethodInfo toPublic in Mappings(nameof(EnumMapping.ToPublic)))
        {
            Type protocolType = toPublic.GetParameters()[0].ParameterType;
            MethodInfo toProtocol = Mappings(nameof(EnumMapping.ToProtocol)).Single(m => m.ReturnType == protocolType);
            foreach (object value in Enum.GetValues(protocolType))
            {
                object shown = toPublic.Invoke(null, new[] { value })!;
                Assert.True(Enum.IsDefined(shown.GetType(), shown), $"{protocolType.Name}.{value} has no public member");
                Assert.Equal(value, toProtocol.Invoke(null, new[] { shown }));
            }
        }
    }

    [Fact]
    public void A_percentage_a_custom_fan_reports_is_kept_as_its_number()
    {
        Assert.Equal(55, (int)EnumMapping.ToPublic((Midea.Protocol.Ac.FanSpeed)55));
    }

    [Fact]
    public void An_unknown_public_value_is_refused_rather_than_sent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumMapping.ToProtocol((OperationalMode)9));
    }

    [Fact]
    public void A_value_only_commercial_units_have_is_never_mapped_for_an_air_conditioner()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumMapping.ToProtocol(SwingAngle.Auto));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumMapping.ToProtocol(AuxiliaryHeat.Auto));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumMapping.ToProtocol(AuxiliaryHeat.Separate));
    }
}
