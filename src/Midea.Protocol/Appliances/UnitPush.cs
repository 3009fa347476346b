using System;
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

    private static UnitPush Read(AaFrame frame) => new($"a frame {frame.Id:x2} of type {frame.FrameType:x2}");

    private sealed class Subscription : IDisposable
    {
        private Action? _end;

        public Subscription(Action end) => _end = end;

        public void Dispose() => System.Threading.Interlocked.Exchange(ref _end, null)?.Invoke();
    }
}
