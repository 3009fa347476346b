using System;
using System.Linq;
using Midea.PowerShell.Internal;
using Midea.Protocol.Cc;

namespace Midea.PowerShell.Tests;

/// <summary>The values of commercial units (0xCC) map between the public enums and the protocol's, every one both ways.</summary>
public class CommercialMappingTests
{
    [Fact]
    public void Every_protocol_value_has_a_public_one_that_maps_back()
    {
        foreach (CcMode mode in Enum.GetValues<CcMode>()) Assert.Equal(mode, CommercialMapping.ToProtocol(CommercialMapping.ToPublic(mode)));
        foreach (CcFanSpeed fan in Enum.GetValues<CcFanSpeed>()) Assert.Equal(fan, CommercialMapping.ToProtocol(CommercialMapping.ToPublic(fan)));
        foreach (CcSwingAngle angle in Enum.GetValues<CcSwingAngle>()) Assert.Equal(angle, CommercialMapping.ToProtocol(CommercialMapping.ToPublic(angle)));
        foreach (CcWindSense wind in Enum.GetValues<CcWindSense>()) Assert.Equal(wind, CommercialMapping.ToProtocol(CommercialMapping.ToPublic(wind)));
        foreach (CcPurifier purifier in Enum.GetValues<CcPurifier>()) Assert.Equal(purifier, CommercialMapping.ToProtocol(CommercialMapping.ToPublic(purifier)));
        foreach (CcAuxiliaryHeat aux in Enum.GetValues<CcAuxiliaryHeat>()) Assert.Equal(aux, CommercialMapping.ToProtocol(CommercialMapping.ToPublic(aux)));
    }

    [Fact]
    public void The_family_own_enums_keep_names_and_wire_numbers()
    {
        foreach (FanLevel level in Enum.GetValues<FanLevel>()) Assert.Equal(level.ToString(), CommercialMapping.ToProtocol(level).ToString());
        foreach (WindSense wind in Enum.GetValues<WindSense>()) Assert.Equal((int)wind, (int)CommercialMapping.ToProtocol(wind));
        foreach (PurifierMode purifier in Enum.GetValues<PurifierMode>()) Assert.Equal(purifier.ToString(), CommercialMapping.ToProtocol(purifier).ToString());
    }

    [Fact]
    public void A_shared_value_the_family_lacks_maps_to_nothing_so_the_cmdlet_can_refuse_it()
    {
        Assert.Null(CommercialMapping.ToProtocol(OperationalMode.SmartDry));
        Assert.Null(CommercialMapping.ToProtocol(AuxiliaryHeat.Only));
        // Everything else of the shared enums has a counterpart.
        Assert.All(Enum.GetValues<OperationalMode>().Where(m => m != OperationalMode.SmartDry), m => Assert.NotNull(CommercialMapping.ToProtocol(m)));
        Assert.All(Enum.GetValues<SwingAngle>(), a => Assert.NotNull(CommercialMapping.ToProtocol(a)));
        Assert.All(Enum.GetValues<AuxiliaryHeat>().Where(a => a != AuxiliaryHeat.Only), a => Assert.NotNull(CommercialMapping.ToProtocol(a)));
    }

    [Fact]
    public void Every_control_is_named_as_the_parameter_that_sets_it()
    {
        string[] parameters = typeof(MideaCommercialAcState).GetProperties().Select(p => p.Name).Append("AuxHeat").Append("SelfClean").ToArray();
        foreach (CcControl control in Enum.GetValues<CcControl>()) Assert.Contains(CommercialMapping.ParameterOf(control), parameters);
        Assert.Equal("FanLevel", CommercialMapping.ParameterOf(CcControl.FanSpeed));
    }

    [Fact]
    public void A_byte_no_value_names_is_shown_as_a_number_past_the_named_ones_never_as_another_setting()
    {
        Assert.False(Enum.IsDefined(CommercialMapping.ToPublic((CcMode)4)));
        Assert.Equal(104, (int)CommercialMapping.ToPublic((CcMode)4));
        Assert.False(Enum.IsDefined(CommercialMapping.ToPublic((CcSwingAngle)9)));
        Assert.False(Enum.IsDefined(CommercialMapping.ToPublic((CcAuxiliaryHeat)3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommercialMapping.ToProtocol((FanLevel)0));
    }
}
