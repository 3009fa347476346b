using System;
using System.Globalization;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Appliances;

/// <summary>
/// A status frame a unit sent on its own (protocol.md §5.10), as the appliance layer reads it. A
/// caller that watches a unit takes it as a sign that the state changed and reads the state: what
/// a push carries is known only from other projects' code, and not every unit pushes.
/// </summary>
public sealed class UnitPush
{
    private UnitPush(string description) => Description = description;

    /// <summary>What the frame is, for a -Verbose reader.</summary>
    public string Description { get; }

    /// <summary>Calls <paramref name="onPush"/> (on the connection's reader thread) for each frame the unit of <paramref name="session"/> pushes, until the result is disposed.</summary>
    public static IDisposable Listen(DeviceSession session, Action<UnitPush> onPush)
    {
        if (session is null) throw new ArgumentNullException(nameof(session));
        if (onPush is null) throw new ArgumentNullException(nameof(onPush));
        void Handler(AaFrame frame) => onPush(Read(frame));
        session.Pushed += Handler;
        return new Subscription(() => session.Pushed -= Handler);
    }

    private static UnitPush Read(AaFrame frame)
    {
        // What the peers read from A0 and A1 bodies (protocol.md §5.10); anything else is only named.
        if (frame.ApplianceType == AirConditioner.ApplianceType && NotifyCodec.ParseStateReport(frame.Body) is AcStateReport state)
        {
            return new(string.Format(CultureInfo.InvariantCulture, "a state report (A0): power {0}, {1}, target {2:0.0} °C",
                state.Power ? "on" : "off", state.Mode, state.TargetTemperature));
        }
        if (frame.ApplianceType == AirConditioner.ApplianceType && NotifyCodec.ParseSensorReport(frame.Body) is AcSensorReport sensors)
        {
            return new(string.Format(CultureInfo.InvariantCulture, "a sensor report (A1): indoor {0} °C, outdoor {1} °C",
                sensors.IndoorTemperature?.ToString("0.0", CultureInfo.InvariantCulture) ?? "none", sensors.OutdoorTemperature?.ToString("0.0", CultureInfo.InvariantCulture) ?? "none"));
        }
        return new($"a frame {frame.Id:x2} of type {frame.FrameType:x2}");
    }

    private sealed class Subscription : IDisposable
    {
        private Action? _end;

        public Subscription(Action end) => _end = end;

        public void Dispose() => System.Threading.Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
