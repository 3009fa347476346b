using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Carries what worker threads produce (results, verbose lines, warnings) to the pipeline thread,
/// the only thread that may write to PowerShell's streams. Workers <see cref="Post"/> from any
/// thread; the pipeline thread writes the posts in the order they came, each after the debug lines
/// queued before it, and between them calls the progress callback, which decides whether its bar
/// is due. A stop of the pipeline (Ctrl+C) ends the wait at once as a
/// <see cref="PipelineStoppedException"/>. One pump per cmdlet instance.
/// </summary>
internal sealed class PipelinePump
{
    private readonly MideaCmdlet _cmdlet;
    private readonly Action? _progress;
    // Guarded by itself; also the monitor the pipeline thread waits on.
    private readonly Queue<Action> _posted = new();

    /// <param name="cmdlet">The cmdlet whose streams are written and whose stop is watched.</param>
    /// <param name="progress">Called on the pipeline thread after each round of writes and at least every <see cref="ProgressBar.IntervalMs"/> while waiting.</param>
    public PipelinePump(MideaCmdlet cmdlet, Action? progress = null)
    {
        _cmdlet = cmdlet;
        _progress = progress;
    }

    /// <summary>Queues <paramref name="write"/> to run on the pipeline thread (any thread), and wakes it.</summary>
    public void Post(Action write) => Enqueue(write, wake: true);

    /// <summary>
    /// Queues a verbose line (any thread). It does not wake the pipeline thread: lines are written
    /// with the next post, when the awaited work ends, or at the next progress tick, so a chatty
    /// unit costs no thread switch per line.
    /// </summary>
    public void Verbose(string line) => Enqueue(() => _cmdlet.WriteVerbose(line), wake: false);

    /// <summary>Queues a warning (any thread); written like a verbose line.</summary>
    public void Warning(string line) => Enqueue(() => _cmdlet.WriteWarning(line), wake: false);

    private void Enqueue(Action write, bool wake)
    {
        lock (_posted)
        {
            _posted.Enqueue(write);
            if (wake) Monitor.PulseAll(_posted);
        }
    }

    /// <summary>Writes what has been posted so far, then reports progress (pipeline thread).</summary>
    public void Flush()
    {
        while (TakePosted() is Action write)
        {
            _cmdlet.FlushDebug();
            write();
        }
        _cmdlet.FlushDebug();
        _progress?.Invoke();
    }

    /// <summary>Writes posts as they come until <paramref name="task"/> has ended, and what it posted before ending (pipeline thread).</summary>
    /// <exception cref="PipelineStoppedException">The pipeline is being stopped.</exception>
    public void PumpUntil(Task task)
    {
        CancellationToken stop = _cmdlet.StopToken;
        if (stop.IsCancellationRequested) throw new PipelineStoppedException();
        if (task.IsCompleted)
        {
            Flush();
            return;
        }
        using CancellationTokenRegistration onStop = stop.Register(Wake);
        _ = task.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            // Read before writing: whatever the task posted before it ended is written below.
            bool ended = task.IsCompleted;
            Flush();
            if (ended) return;
            lock (_posted)
            {
                if (_posted.Count == 0 && !task.IsCompleted && !stop.IsCancellationRequested) Monitor.Wait(_posted, ProgressBar.IntervalMs);
            }
            if (stop.IsCancellationRequested) throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool and writes what it posts until it ends; its
    /// failure is rethrown here. When the pipeline ends first (Ctrl+C, a downstream
    /// Select-Object -First, a write that failed), the work is cancelled and given up to
    /// <paramref name="grace"/> to finish what must not be left half done.
    /// </summary>
    /// <exception cref="PipelineStoppedException">The pipeline is being stopped.</exception>
    public void Run(Func<CancellationToken, Task> work, TimeSpan grace)
    {
        CancellationToken stop = _cmdlet.StopToken;
        Task task = Task.Run(() => work(stop));
        try
        {
            PumpUntil(task);
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            if (!task.IsCompleted)
            {
                _cmdlet.CancelWork();
                // Its outcome no longer has a reader; observed so a late failure is not reported as unobserved.
                _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                try
                {
                    task.Wait(grace);
                }
                catch (AggregateException)
                {
                    // Cancelled as asked.
                }
            }
        }
    }

    private Action? TakePosted()
    {
        lock (_posted) return _posted.Count > 0 ? _posted.Dequeue() : null;
    }

    private void Wake()
    {
        lock (_posted) Monitor.PulseAll(_posted);
    }
}
