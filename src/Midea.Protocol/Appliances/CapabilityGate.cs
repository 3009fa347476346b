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
    public void OneOf<T>(string field, T value, IEnumerable<T> supported)
    {
        T[] list = supported.ToArray();
        if (list.Contains(value)) return;
        string offered = list.Length == 0 ? "none" : string.Join(", ", list);
        throw new NotSupportedByUnitException($"{_address} does not support {field} {value}; it supports: {offered}.");
    }

    /// <exception cref="NotSupportedByUnitException"/>
    public void Feature(string field, bool supported)
    {
        if (!supported) throw new NotSupportedByUnitException($"{_address} does not report the {field} feature in its capabilities.");
    }

    /// <summary>The target in °C within the unit's range; the message speaks the unit the user gave.</summary>
    /// <exception cref="NotSupportedByUnitException"/>
    public void Temperature(double celsius, bool givenInFahrenheit, double given)
    {
        AcCapabilities caps = Capabilities;
        if (celsius >= caps.MinTemperature && celsius <= caps.MaxTemperature) return;
        string range = givenInFahrenheit
            ? string.Format(CultureInfo.InvariantCulture, "{0}-{1} °F", Fahrenheit.FromCelsius(caps.MinTemperature), Fahrenheit.FromCelsius(caps.MaxTemperature))
            : string.Format(CultureInfo.InvariantCulture, "{0}-{1} °C", caps.MinTemperature, caps.MaxTemperature);
        throw new NotSupportedByUnitException(string.Format(CultureInfo.InvariantCulture, "{0} does not support a target of {1} {2}; its range is {3}.",
            _address, given, givenInFahrenheit ? "°F" : "°C", range));
    }
}
