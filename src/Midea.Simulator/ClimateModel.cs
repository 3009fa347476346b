using System;
using System.Diagnostics;
using Midea.Protocol.Ac;

namespace Midea.Simulator;

/// <summary>
/// A crude room: while the unit runs in a mode that can reach the target, the indoor temperature
/// moves toward it; otherwise it drifts toward the outdoor temperature. Enough for scripts to see
/// sensors change, not a thermal model.
/// </summary>
internal sealed class ClimateModel
{
    private const double ConditioningPerSecond = 0.05;
    private const double DriftPerSecond = 0.01;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lastSeconds;

    public ClimateModel(double indoor, double outdoor)
    {
        Indoor = indoor;
        Outdoor = outdoor;
    }

    public double Indoor { get; private set; }
    public double Outdoor { get; private set; }

    /// <summary>
    /// Puts the room at the given temperatures (null keeps one), after advancing it to now, so the
    /// time before the change runs under the old values. From here the room moves as before.
    /// </summary>
    public void Set(AcState state, double? indoor, double? outdoor)
    {
        Apply(state);
        if (indoor is double i) Indoor = i;
        if (outdoor is double o) Outdoor = o;
        Apply(state);
    }

    /// <summary>Advances the room to now under <paramref name="state"/> and writes the sensors into it.</summary>
    public void Apply(AcState state)
    {
        double now = _clock.Elapsed.TotalSeconds;
        double elapsed = now - _lastSeconds;
        _lastSeconds = now;
        bool cools = state.Power && state.Mode is OperationalMode.Cool or OperationalMode.Auto or OperationalMode.Dry or OperationalMode.SmartDry && Indoor > state.TargetTemperature;
        bool heats = state.Power && state.Mode is OperationalMode.Heat or OperationalMode.Auto && Indoor < state.TargetTemperature;
        if (cools || heats) Indoor = Toward(Indoor, state.TargetTemperature, ConditioningPerSecond * elapsed);
        else Indoor = Toward(Indoor, Outdoor, DriftPerSecond * elapsed);
        state.IndoorTemperature = Math.Round(Indoor, 1);
        state.OutdoorTemperature = Outdoor;
    }

    private static double Toward(double from, double to, double step) =>
        from < to ? Math.Min(to, from + step) : Math.Max(to, from - step);
}
