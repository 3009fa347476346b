using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Midea.Protocol.Ac;

namespace Midea.Protocol.Appliances;

/// <summary>Refuses, before anything is sent, values the unit's capabilities rule out; each message names what the unit does support.</summary>
internal sealed class CapabilityGate
{
    private readonly string _address;

    public CapabilityGate(AcCapabilities capabilities, string address)
    {
        Capabilities = capabilities;
        _address = address;
    }

    public AcCapabilities Capabilities { get; }

    /// <exception cref="NotSupportedByUnitException"/>
    public void OneOf<T>(string field, T value, IEnumerable<T> supported) => OneOf(_address, field, value, supported);

    /// <exception cref="NotSupportedByUnitException"/>
    public void Feature(string field, bool supported) => Feature(_address, field, supported);

    // The wording of a refusal, shared by every appliance family (CommercialAc too).

    /// <summary>Refuses <paramref name="value"/> unless the unit at <paramref name="address"/> lists it, naming what it does list.</summary>
    /// <exception cref="NotSupportedByUnitException"/>
    public static void OneOf<T>(string address, string field, T value, IEnumerable<T> supported)
    {
        T[] list = supported.ToArray();
        if (list.Contains(value)) return;
        string offered = list.Length == 0 ? "none" : string.Join(", ", list);
        throw new NotSupportedByUnitException($"{address} does not support {field} {value}; it supports: {offered}.");
    }

    /// <summary>Refuses a feature the unit at <paramref name="address"/> does not report.</summary>
    /// <exception cref="NotSupportedByUnitException"/>
    public static void Feature(string address, string field, bool supported)
    {
        if (!supported) throw new NotSupportedByUnitException($"{address} does not report the {field} feature in its capabilities.");
    }

    /// <summary>The target in °C within the unit's range; the message speaks the unit the user gave.</summary>
    /// <exception cref="NotSupportedByUnitException"/>
    public void Temperature(double celsius, bool givenInFahrenheit, double given) =>
        Target(_address, celsius, givenInFahrenheit, given, Capabilities.MinTemperature, Capabilities.MaxTemperature);

    /// <summary>Refuses a target in °C outside the unit's range, in °C.</summary>
    /// <exception cref="NotSupportedByUnitException"/>
    public static void Celsius(string address, double celsius, double minimum, double maximum) => Target(address, celsius, false, celsius, minimum, maximum);

    /// <summary>Refuses a target outside <paramref name="minimum"/>..<paramref name="maximum"/> °C; the message speaks the unit the user gave.</summary>
    /// <exception cref="NotSupportedByUnitException"/>
    private static void Target(string address, double celsius, bool givenInFahrenheit, double given, double minimum, double maximum)
    {
        if (celsius >= minimum && celsius <= maximum) return;
        string range = givenInFahrenheit
            ? string.Format(CultureInfo.InvariantCulture, "{0}-{1} °F", Fahrenheit.FromCelsius(minimum), Fahrenheit.FromCelsius(maximum))
            : string.Format(CultureInfo.InvariantCulture, "{0}-{1} °C", minimum, maximum);
        throw new NotSupportedByUnitException(string.Format(CultureInfo.InvariantCulture, "{0} does not support a target of {1} {2}; its range is {3}.",
            address, given, givenInFahrenheit ? "°F" : "°C", range));
    }
}
