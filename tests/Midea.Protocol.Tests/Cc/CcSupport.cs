using System;
using System.Collections;
using System.Linq;
using CsCheck;
using Midea.Protocol.Cc;
using Xunit;

namespace Midea.Protocol.Tests;

/// <summary>CsCheck generators of 0xCC values the wire can carry.</summary>
internal static class CcGen
{
    /// <summary>−40 … 87.5 °C in halves, the range of the temperature byte.</summary>
    public static readonly Gen<double> Temperatures = Gen.Int[0, 255].Select(raw => raw / 2.0 - 40);

    private static Gen<T> Byte<T>() where T : Enum => Gen.Byte.Select(b => (T)Enum.ToObject(typeof(T), b));

    public static readonly Gen<CcState> States =
        Gen.Select(Gen.Bool.Array[8], Temperatures, Gen.Int[0, 0xFFFF], Gen.Int[1, 255], Gen.Int[0, 255], Gen.Int[0, 254], Gen.Byte.Array[8],
            (f, target, indoor, outdoor, humidity, indoorHumidity, e) => new CcState
            {
                Power = f[0],
                TargetTemperature = target,
                IndoorTemperature = indoor / 10.0,
                OutdoorTemperature = f[1] ? outdoor / 2.0 - 40 : null,
                Fahrenheit = f[2],
                TargetHumidity = humidity,
                IndoorHumidity = f[3] ? indoorHumidity : null,
                Mode = (CcMode)e[0],
                FanSpeed = (CcFanSpeed)e[1],
                VerticalSwingAngle = (CcSwingAngle)e[2],
                HorizontalSwingAngle = (CcSwingAngle)e[3],
                WindSense = (CcWindSense)e[4],
                Eco = f[4],
                Silent = f[5],
                Sleep = f[6],
                Purifier = (CcPurifier)e[5],
                Beep = f[7],
                Display = !f[7] ^ f[0],
                AuxiliaryHeat = (CcAuxiliaryHeat)e[6],
            });

    private static readonly CcMode[] ModeSlots = { CcMode.Fan, CcMode.Cool, CcMode.Heat, CcMode.Auto, CcMode.Dry };
    private static readonly CcAuxiliaryHeat[] AuxModes = { CcAuxiliaryHeat.Auto, CcAuxiliaryHeat.On, CcAuxiliaryHeat.Off, CcAuxiliaryHeat.Separate };

    /// <summary>Capabilities; modes in slot order, as the answer lists them.</summary>
    public static readonly Gen<CcCapabilities> Capabilities =
        Gen.Select(Gen.Bool.Array[13], Temperatures, Temperatures, Gen.Bool.Array[5], Gen.Int[0, 4], Gen.Int[0, 3],
            (f, min, max, modes, auxCount, auxStart) => new CcCapabilities
            {
                MinimumTargetTemperature = min,
                MaximumTargetTemperature = max,
                Humidity = f[0],
                Modes = ModeSlots.Where((_, i) => modes[i]).ToArray(),
                FanSpeed = f[1],
                VerticalSwingAngle = f[2],
                HorizontalSwingAngle = f[3],
                WindSense = f[4],
                Co2Level = f[5],
                Eco = f[6],
                Silent = f[7],
                Sleep = f[8],
                SelfClean = f[9],
                Purifier = f[10],
                PurifierAuto = f[11],
                FilterLevel = f[12],
                AuxiliaryHeatModes = Enumerable.Range(0, auxCount).Select(i => AuxModes[(auxStart + i) % AuxModes.Length]).ToArray(),
            });

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct => Gen.Frequency((1, Gen.Const((T?)null)), (2, gen.Select(v => (T?)v)));

    /// <summary>Changes naming at least one field.</summary>
    public static readonly Gen<CcChanges> Changes =
        Gen.Select(Gen.Select(Maybe(Gen.Bool), Maybe(Temperatures), Maybe(Gen.Bool), Maybe(Gen.Int[0, 255]), Maybe(Byte<CcMode>()), Maybe(Byte<CcFanSpeed>())),
            Gen.Select(Maybe(Byte<CcSwingAngle>()), Maybe(Byte<CcSwingAngle>()), Maybe(Byte<CcWindSense>()), Maybe(Gen.Bool), Maybe(Gen.Bool), Maybe(Gen.Bool)),
            Gen.Select(Maybe(Gen.Bool), Maybe(Byte<CcPurifier>()), Maybe(Gen.Bool), Maybe(Gen.Bool), Maybe(Byte<CcAuxiliaryHeat>())),
            (a, b, c) => new CcChanges
            {
                Power = a.Item1, TargetTemperature = a.Item2, Fahrenheit = a.Item3, TargetHumidity = a.Item4, Mode = a.Item5, FanSpeed = a.Item6,
                VerticalSwingAngle = b.Item1, HorizontalSwingAngle = b.Item2, WindSense = b.Item3, Eco = b.Item4, Silent = b.Item5, Sleep = b.Item6,
                SelfClean = c.Item1, Purifier = c.Item2, Beep = c.Item3, Display = c.Item4, AuxiliaryHeat = c.Item5,
            }).Where(c => c.Named.Count > 0);
}

/// <summary>Compares 0xCC values property by property, so a new property cannot be forgotten here.</summary>
internal static class CcAssert
{
    public static void Same<T>(T expected, T actual)
    {
        foreach (var p in typeof(T).GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            object? e = p.GetValue(expected), a = p.GetValue(actual);
            if (e is IEnumerable le && a is IEnumerable la && e is not string)
                Assert.True(le.Cast<object>().SequenceEqual(la.Cast<object>(), new ItemComparer()), $"{typeof(T).Name}.{p.Name} differs");
            else
                Assert.True(Equals(e, a), $"{typeof(T).Name}.{p.Name}: expected {e ?? "null"}, got {a ?? "null"}");
        }
    }

    private sealed class ItemComparer : System.Collections.Generic.IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => x is ValueTuple<ushort, byte[]> tx && y is ValueTuple<ushort, byte[]> ty
            ? tx.Item1 == ty.Item1 && tx.Item2.SequenceEqual(ty.Item2)
            : object.Equals(x, y);

        public int GetHashCode(object obj) => 0;
    }
}
