using System.Linq;
using System.Reflection;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using static Midea.Protocol.Tests.Vectors;

namespace Midea.Protocol.Tests;

/// <summary>The capability → property mapping (protocol.md §5.8, "Which capability backs which property") on captured capabilities.</summary>
public class PropertyBackingTests
{
    // Capability bodies of protocol.md §7.4 (K05/K06 as the body pair K15, K13 as its body, K17).
    private const string K15a = "b50a12020101430001011402010115020101160201001a020101100201011f020103250207203c203c203c05400001000100";
    private const string K15b = "b5051e020101130201012202010019020100390001010000";
    private const string K13Body = "b5081f0201002c020101160201043900010151000101e300010113020101cd0001030002";
    private const string K17a = "b50912020101180001001402010115020101160201001a020101100201011f020103250207203c203c203c050100";
    private const string K17b = "b5091e0201011302010122020100190201003900010142000101090001010a000101300001010000";

    private static AcCapabilities Caps(params string[] bodies) =>
        AcCapabilities.FromPages(bodies.Select(b => CapabilityCodec.ParsePage(B(b))).ToArray());

    [Fact]
    public void Every_property_id_the_module_names_has_a_row_in_the_mapping()
    {
        ushort[] named = typeof(PropertyId).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(ushort))
            .Select(f => (ushort)f.GetValue(null)!)
            .ToArray();
        Assert.Equal(named.OrderBy(i => i), AcCapabilities.MappedProperties.OrderBy(i => i));
    }

    [Fact]
    public void A_breeze_control_unit_backs_breezeless_too_as_the_captured_one_answers_it()
    {
        // K05/K06 list 0x0043 and no 0x0018, yet that unit's replies carry 0x18 (P07, P09, P10).
        AcCapabilities caps = Caps(K15a, K15b);
        Assert.False(caps.Breezeless);
        Assert.Contains(PropertyId.Breezeless, caps.BackedProperties);
        Assert.Contains(PropertyId.BreezeControl, caps.BackedProperties);
        Assert.DoesNotContain(PropertyId.BreezeAway, caps.BackedProperties);
        // msmart still polls 0x43 alone for breeze.
        Assert.DoesNotContain(PropertyId.Breezeless, caps.PolledProperties);
        // Humidity manual-set backs the indoor humidity reading (P01 comes from the same unit); anion backs 0x21E.
        Assert.Contains(PropertyId.IndoorHumidity, caps.BackedProperties);
        Assert.Contains(PropertyId.Anion, caps.BackedProperties);
        Assert.DoesNotContain(PropertyId.Sound, caps.BackedProperties);
    }

    [Fact]
    public void The_portasplit_capture_backs_its_properties_and_the_buzzer_pair()
    {
        AcCapabilities caps = Caps(K13Body);
        Assert.Equal(new[] { PropertyId.IEco, PropertyId.OutSilent, PropertyId.SelfClean, PropertyId.Buzzer, PropertyId.Sound }, caps.BackedProperties);
        Assert.Equal(new[] { PropertyId.IEco, PropertyId.OutSilent, PropertyId.SelfClean }, caps.PolledProperties);
    }

    [Fact]
    public void A_breeze_away_unit_backs_0x42_and_neither_other_breeze_id()
    {
        // P08 is the answer of such a unit: 0x42 with a value, 0x43 and 0x18 with none.
        AcCapabilities caps = Caps(K17a, K17b);
        Assert.Contains(PropertyId.BreezeAway, caps.BackedProperties);
        Assert.DoesNotContain(PropertyId.BreezeControl, caps.BackedProperties);
        Assert.DoesNotContain(PropertyId.Breezeless, caps.BackedProperties);
    }

    [Fact]
    public void Polled_properties_are_the_backed_ones_msmart_polls_in_its_order()
    {
        AcCapabilities caps = Caps(K15a, K15b);
        Assert.All(caps.PolledProperties, id => Assert.Contains(id, caps.BackedProperties));
        Assert.Equal(new ushort[] { 0x43, 0x39 }, caps.PolledProperties);
    }

    [Fact]
    public void Assumed_capabilities_back_nothing()
    {
        Assert.Empty(AcCapabilities.Assumed.BackedProperties);
        Assert.Empty(AcCapabilities.Assumed.PolledProperties);
    }
}
