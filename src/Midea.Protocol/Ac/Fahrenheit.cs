using System;

namespace Midea.Protocol.Ac;

/// <summary>
/// °F ↔ °C for the target temperature. Units always take °C in 0.5 steps (protocol.md §5.4), while
/// a °F display shows whole degrees, so every whole °F must map to one half °C and back again.
/// </summary>
public static class Fahrenheit
{
    /// <summary>The nearest half °C to <paramref name="fahrenheit"/>.</summary>
    public static double ToCelsius(double fahrenheit) =>
        Math.Round((fahrenheit - 32) * 5 / 9 * 2, MidpointRounding.AwayFromZero) / 2;

    /// <summary>The nearest whole °F to <paramref name="celsius"/>.</summary>
    public static double FromCelsius(double celsius) =>
        Math.Round(celsius * 9 / 5 + 32, MidpointRounding.AwayFromZero);
}
