using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Runs one command's units on worker threads, at most a given number in the slots at once, and
/// hands each unit's result (or failure) to the pipeline thread in input order, through the
/// cmdlet's <see cref="PipelinePump"/>. Counts units for <see cref="UnitProgress"/>.
/// </summary>
internal sealed class UnitScheduler : IDisposable
{
    private readonly MideaCmdlet _cmdlet;
    private readonly PipelinePump _pump;
    private readonly UnitProgress _progress;
    private readonly int _parallelism;
    private readonly SemaphoreSlim _slots;
    private readonly Queue<PendingUnit> _pending = new();

    /// <param name="cmdlet">Whose stop is watched and whose error stream takes a unit's failure.</param>
    /// <param name="pump">Carries the workers' output to the pipeline thread.</param>
    /// <param name="progress">Counts the units.</param>
    /// <param name="parallelism">Units worked on at once (-ThrottleLimit); with 1, each unit finishes before the next record.</param>
    public UnitScheduler(MideaCmdlet cmdlet, PipelinePump pump, UnitProgress progress, int parallelism)
    {
        _cmdlet = cmdlet;
        _pump = pump;
        _progress = progress;
        _parallelism = parallelism;
        _slots = new SemaphoreSlim(parallelism);
    }

    // How many finished units may wait behind a slow one before the pipeline thread waits for it.
    private int Window => Math.Max(256, 32 * _parallelism);

    /// <summary>
    /// Starts <paramref name="work"/> for <paramref name="unit"/> and returns: the work takes its
    /// slots itself (<see cref="InSlotAsync"/>). <paramref name="onResult"/> runs later on the
    /// pipeline thread, in input order; a failure is written as a non-terminating error that names
    /// <paramref name="unit"/>.
    /// </summary>
    public void Submit<T>(string unit, Func<Task<T>> work, Action<T> onResult)
    {
        _progress.Started();
        Task<T> task = CountedAsync(work);
        _pending.Enqueue(new PendingUnit(unit, task, () => onResult(task.GetAwaiter().GetResult())));
        // With one slot each unit finishes before the next record, as a plain cmdlet would.
        // Otherwise results wait for the slowest earlier unit (input order), so the window is wide
        // enough that one unit timing out does not hold the others back.
        Drain(wait: _parallelism == 1 || _pending.Count >= Window);
    }

    /// <summary>Writes the results of finished units, in input order; with <paramref name="wait"/>, waits for all (pipeline thread).</summary>
    /// <exception cref="PipelineStoppedException">The pipeline is being stopped.</exception>
    public void Drain(bool wait)
    {
        while (_pending.Count > 0)
        {
            PendingUnit head = _pending.Peek();
            // While a slow unit holds the head of the queue, the others' verbose lines and progress keep coming.
            if (wait) _pump.PumpUntil(head.Task);
            if (!head.Task.IsCompleted) break;
            Exception? failure = null;
            try
            {
                head.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cmdlet.StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex))
            {
                failure = ex;
            }
            _pending.Dequeue();
            _pump.Flush();
            if (failure != null) _cmdlet.WriteDeviceError(failure, head.Unit);
            else head.WriteResult();
        }
        _pump.Flush();
    }

    /// <summary>Runs <paramref name="step"/> in one of the slots, counted as in flight.</summary>
    public async Task<TResult> InSlotAsync<TResult>(Func<Task<TResult>> step)
    {
        await _slots.WaitAsync(_cmdlet.StopToken).ConfigureAwait(false);
        _progress.Active();
        try
        {
            return await step().ConfigureAwait(false);
        }
        finally
        {
            _progress.Idle();
            _slots.Release();
        }
    }

    /// <summary>
    /// Frees the slots once every unit has been written. After a stop, units still winding down
    /// use them, so they are left to the collector (a semaphore holds nothing else until its
    /// wait handle is asked for, which is never).
    /// </summary>
    public void Dispose()
    {
        if (_pending.Count == 0) _slots.Dispose();
    }

    private async Task<T> CountedAsync<T>(Func<Task<T>> work)
    {
        bool failed = true;
        try
        {
            T result = await work().ConfigureAwait(false);
            failed = false;
            return result;
        }
        finally
        {
            _progress.Finished(failed);
        }
    }

    private sealed record PendingUnit(string Unit, Task Task, Action WriteResult);
}
