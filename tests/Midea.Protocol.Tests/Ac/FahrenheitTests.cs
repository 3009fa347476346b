using System;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Tests;

public class FahrenheitTests
{
    [Fact]
    public void Every_whole_fahrenheit_target_survives_the_trip_through_half_celsius()
    {
        for (int f = 60; f <= 86; f++)
        {
            double c = Fahrenheit.ToCelsius(f);
            Assert.Equal(0, c * 2 % 1);
            Assert.Equal(f, Fahrenheit.FromCelsius(c));
        }
    }

    [Fact]
    public void Half_celsius_values_show_as_the_nearest_whole_fahrenheit()
    {
        for (double c = 16; c <= 30; c += 0.5)
        {
            double f = Fahrenheit.FromCelsius(c);
            Assert.Equal(0, f % 1);
            Assert.True(Math.Abs(f - (c * 9 / 5 + 32)) <= 0.5, $"{c} °C shows as {f} °F");
        }
    }

    [Theory]
    [InlineData(32, 0)]
    [InlineData(61, 16)]
    [InlineData(68, 20)]
    [InlineData(72, 22)]
    [InlineData(75, 24)]
    [InlineData(86, 30)]
    public void Known_points(double fahrenheit, double celsius) => Assert.Equal(celsius, Fahrenheit.ToCelsius(fahrenheit));
}
