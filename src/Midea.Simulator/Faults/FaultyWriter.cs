using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.Simulator;

/// <summary>
/// Writes the replies of one TCP session through the unit's current <see cref="FaultPlan"/>:
/// decides per reply whether it goes out, which bytes go out, and how they are written. Pushes go
/// through here too, past the plan; one packet is written at a time, so a push never lands inside
/// a reply (protocol.md §2.6).
/// </summary>
internal sealed class FaultyWriter : IDisposable
{
    /// <summary>
    /// Least time between the end of a reply and a push: msmart's V2 transport takes one TCP read
    /// for one packet, so two packets in one read would lose the second (protocol.md §2.6).
    /// </summary>
    internal static readonly TimeSpan PushGap = TimeSpan.FromMilliseconds(50);

    /// <summary>Bytes <see cref="FaultPlan.Truncate"/> leaves off.</summary>
    internal const int TruncatedBytes = 8;
    /// <summary>Bytes <see cref="FaultPlan.Garbage"/> keeps: marker and length field of both framings.</summary>
    internal const int FramingPrefix = 6;
    /// <summary>Gap between bytes with <see cref="FaultPlan.SlowDrip"/>.</summary>
    internal static readonly TimeSpan DripInterval = TimeSpan.FromMilliseconds(2);

    private readonly Socket _socket;
    private readonly VirtualAirConditioner _unit;
    private readonly CancellationToken _stop;
    // Held for the writes of one packet: a reply (however slowly it drips) or a push.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Stopwatch _sinceReply = new();

    public FaultyWriter(Socket socket, VirtualAirConditioner unit, CancellationToken stop)
    {
        _socket = socket;
        _unit = unit;
        _stop = stop;
    }

    /// <summary>
    /// Ends the writer with its connection, once the session's loop is over. A push caught writing
    /// then fails with ObjectDisposedException; one still waiting for its turn ends when the unit stops.
    /// </summary>
    public void Dispose() => _writing.Dispose();

    /// <summary>Sends one reply, or what the plan makes of it.</summary>
    /// <returns>False when the connection must now close (<see cref="FaultPlan.CloseMidResponse"/>).</returns>
    /// <exception cref="OperationCanceledException">The unit stopped during a delay.</exception>
    /// <exception cref="SocketException">The client went away.</exception>
    public async Task<bool> SendAsync(byte[] reply)
    {
        // One plan for the whole reply, even if another is assigned meanwhile.
        ActiveFaults faults = _unit.ActiveFaults;
        if (!await faults.ReleaseAsync(_stop).ConfigureAwait(false))
        {
            _unit.CountReply(sent: false);
            return true;
        }
        FaultPlan plan = faults.Plan;
        byte[] bytes = Shape(reply, plan, faults);
        // Counted before the write, so a client that has its answer also sees the count.
        _unit.CountReply(sent: true);
        await _writing.WaitAsync(_stop).ConfigureAwait(false);
        try
        {
            if (plan.SlowDrip) await DripAsync(bytes).ConfigureAwait(false);
            else await WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            _sinceReply.Restart();
            if (!plan.CloseMidResponse) return true;
            // FIN after the half packet, before any push could follow it; the session then disposes the socket.
            _socket.Shutdown(SocketShutdown.Send);
            return false;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Sends a packet the unit pushes unasked, whole and past the fault plan: the plan's faults are
    /// faults of replies, and a push answers nothing. It waits <see cref="PushGap"/> after a reply.
    /// </summary>
    /// <exception cref="OperationCanceledException">The unit stopped.</exception>
    /// <exception cref="SocketException">The client went away.</exception>
    /// <exception cref="ObjectDisposedException">The connection was closed.</exception>
    public async Task PushAsync(byte[] packet)
    {
        await _writing.WaitAsync(_stop).ConfigureAwait(false);
        try
        {
            TimeSpan wait = _sinceReply.IsRunning ? PushGap - _sinceReply.Elapsed : TimeSpan.Zero;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _stop).ConfigureAwait(false);
            _unit.CountPush();
            await WriteAsync(packet, 0, packet.Length).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    private static byte[] Shape(byte[] reply, FaultPlan plan, ActiveFaults faults)
    {
        int length = reply.Length;
        if (plan.Truncate) length = Math.Max(1, length - TruncatedBytes);
        if (plan.CloseMidResponse) length = Math.Max(1, length / 2);
        if (length == reply.Length && !plan.Garbage) return reply;
        var bytes = new byte[length];
        Buffer.BlockCopy(reply, 0, bytes, 0, length);
        if (plan.Garbage && length > FramingPrefix) faults.Scramble(bytes, FramingPrefix);
        return bytes;
    }

    /// <summary>
    /// One send per byte, byte i due <see cref="DripInterval"/> × i after the first. Paced by the
    /// clock rather than by a delay per byte, so a coarse system timer (often 4 to 15 ms) does not
    /// stretch the reply: a late timer releases the bytes that are due, each in its own send.
    /// </summary>
    private async Task DripAsync(byte[] bytes)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < bytes.Length; i++)
        {
            TimeSpan wait = TimeSpan.FromTicks(DripInterval.Ticks * i) - clock.Elapsed;
            if (wait >= TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, _stop).ConfigureAwait(false);
            await WriteAsync(bytes, i, 1).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(byte[] bytes, int offset, int count)
    {
        // One send call for the whole packet (protocol.md §2.6); the loop only covers partial sends.
        int end = offset + count;
        while (offset < end)
        {
            offset += await _socket.SendAsync(new ArraySegment<byte>(bytes, offset, end - offset), SocketFlags.None).ConfigureAwait(false);
        }
    }
}
