using Midea.Protocol.Ac;

namespace Midea.Protocol.Tests;

/// <summary>Field-by-field comparison of two states, so a failure names the field.</summary>
internal static class StateAssert
{
    public static void Same(AcState expected, AcState actual)
    {
        Assert.Equal(expected.Power, actual.Power);
        Assert.Equal(expected.Mode, actual.Mode);
        Assert.Equal(expected.TargetTemperature, actual.TargetTemperature);
        Assert.Equal(expected.FanSpeed, actual.FanSpeed);
        Assert.Equal(expected.Swing, actual.Swing);
        Assert.Equal(expected.Eco, actual.Eco);
        Assert.Equal(expected.Turbo, actual.Turbo);
        Assert.Equal(expected.Sleep, actual.Sleep);
        Assert.Equal(expected.FreezeProtection, actual.FreezeProtection);
        Assert.Equal(expected.Display, actual.Display);
        Assert.Equal(expected.Fahrenheit, actual.Fahrenheit);
        Assert.Equal(expected.FollowMe, actual.FollowMe);
        Assert.Equal(expected.Purifier, actual.Purifier);
        Assert.Equal(expected.AuxHeat, actual.AuxHeat);
        Assert.Equal(expected.IndependentAuxHeat, actual.IndependentAuxHeat);
        Assert.Equal(expected.IndoorTemperature, actual.IndoorTemperature);
        Assert.Equal(expected.OutdoorTemperature, actual.OutdoorTemperature);
        Assert.Equal(expected.ErrorCode, actual.ErrorCode);
        Assert.Equal(expected.FilterAlert, actual.FilterAlert);
        Assert.Equal(expected.TargetHumidity, actual.TargetHumidity);
    }
}
