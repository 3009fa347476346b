using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Midea.Protocol.Ac;

namespace Midea.PowerShell.Internal;

/// <summary>Refuses, before anything is sent, values the unit's capabilities rule out; the message names what the unit does support.</summary>
internal sealed class CapabilityCheck
{
    private readonly AcCapabilities _caps;
    private readonly string _address;

    public CapabilityCheck(AcCapabilities caps, string address)
    {
        _caps = caps;
        _address = address;
    }

    /// <exception cref="UnsupportedValueException"/>
    public void OneOf<T>(string parameter, T value, IEnumerable<T> supported)
    {
        T[] list = supported.ToArray();
        if (list.Contains(value)) return;
        string offered = list.Length == 0 ? "none" : string.Join(", ", list);
        throw new UnsupportedValueException($"{_address} does not support {parameter} {value}; it supports: {offered}.");
    }

    /// <exception cref="UnsupportedValueException"/>
    public void Feature(string parameter, bool supported)
    {
        if (!supported) throw new UnsupportedValueException($"{_address} does not report the {parameter} feature in its capabilities.");
    }

    /// <exception cref="UnsupportedValueException"/>
    public void Temperature(double celsius, TemperatureUnit unit, double given)
    {
        if (celsius >= _caps.MinTemperature && celsius <= _caps.MaxTemperature) return;
        string range = unit == TemperatureUnit.Fahrenheit
            ? string.Format(CultureInfo.InvariantCulture, "{0}-{1} °F", Fahrenheit.FromCelsius(_caps.MinTemperature), Fahrenheit.FromCelsius(_caps.MaxTemperature))
            : string.Format(CultureInfo.InvariantCulture, "{0}-{1} °C", _caps.MinTemperature, _caps.MaxTemperature);
        throw new UnsupportedValueException(string.Format(CultureInfo.InvariantCulture, "{0} does not support a target of {1} {2}; its range is {3}.",
            _address, given, unit == TemperatureUnit.Fahrenheit ? "°F" : "°C", range));
    }

    public AcCapabilities Capabilities => _caps;
}
