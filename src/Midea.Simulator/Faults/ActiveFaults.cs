using System;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.Simulator;

/// <summary>
/// A <see cref="FaultPlan"/> in force on one unit: a private copy of the plan plus what changes as
/// replies go by (the <see cref="FaultPlan.DropFirst"/> countdown and the seeded random source).
/// Shared by all sessions and the discovery loops of the unit; safe to use from several threads.
/// </summary>
internal sealed class ActiveFaults
{
    private readonly object _randomGate = new();
    private readonly Random _random;
    private int _dropsLeft;

    public ActiveFaults(FaultPlan? plan)
    {
        Plan = plan?.Clone() ?? FaultPlan.None;
        _dropsLeft = Plan.DropFirst;
        _random = Plan.Seed is int seed ? new Random(seed) : new Random();
    }

    /// <summary>The plan as assigned; never changed (the countdown lives here, not in it).</summary>
    public FaultPlan Plan { get; }

    /// <summary>The plan as callers see it: a copy whose <see cref="FaultPlan.DropFirst"/> is the drops still to come.</summary>
    public FaultPlan Snapshot()
    {
        FaultPlan copy = Plan.Clone();
        copy.DropFirst = Math.Max(0, Volatile.Read(ref _dropsLeft));
        return copy;
    }

    /// <summary>
    /// The steps every reply goes through, TCP or discovery: <see cref="FaultPlan.Silent"/>, then
    /// <see cref="FaultPlan.ResponseDelay"/>, then the drop rules. False when the reply is withheld.
    /// </summary>
    /// <exception cref="OperationCanceledException">The unit stopped during the delay.</exception>
    public async Task<bool> ReleaseAsync(CancellationToken stop)
    {
        if (Plan.Silent) return false;
        if (Plan.ResponseDelay > TimeSpan.Zero) await Task.Delay(Plan.ResponseDelay, stop).ConfigureAwait(false);
        return !TakeDrop();
    }

    /// <summary>Decides whether the reply at hand is withheld by <see cref="FaultPlan.DropFirst"/> or <see cref="FaultPlan.DropPercent"/>.</summary>
    public bool TakeDrop()
    {
        while (true)
        {
            int left = Volatile.Read(ref _dropsLeft);
            if (left <= 0) break;
            if (Interlocked.CompareExchange(ref _dropsLeft, left - 1, left) == left) return true;
        }
        double percent = Plan.DropPercent;
        if (percent <= 0) return false;
        if (percent >= 100) return true;
        lock (_randomGate) return _random.NextDouble() * 100 < percent;
    }

    /// <summary>Fills <paramref name="bytes"/> from <paramref name="offset"/> on with random bytes from the seeded source.</summary>
    public void Scramble(byte[] bytes, int offset)
    {
        var noise = new byte[bytes.Length - offset];
        lock (_randomGate) _random.NextBytes(noise);
        Buffer.BlockCopy(noise, 0, bytes, offset, noise.Length);
    }
}
