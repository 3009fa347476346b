using System;
using System.Management.Automation;
using System.Threading;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The progress bar of a cmdlet that works on units one pipeline record at a time: it counts units
/// done (and failed), in flight and queued. <see cref="Started"/>, <see cref="Report"/> and
/// <see cref="Complete"/> belong to the pipeline thread; the other counters are changed by the
/// workers, hence Interlocked.
/// </summary>
internal sealed class UnitProgress
{
    private readonly PSCmdlet _cmdlet;
    private int _started;
    private int _active;
    private int _finished;
    private int _failed;
    private ProgressBar? _bar;

    public UnitProgress(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>A unit came down the pipeline (pipeline thread).</summary>
    public void Started() => _started++;

    /// <summary>A unit is being worked on (any thread).</summary>
    public void Active() => Interlocked.Increment(ref _active);

    /// <summary>A unit is no longer being worked on, for now or for good (any thread).</summary>
    public void Idle() => Interlocked.Decrement(ref _active);

    /// <summary>A unit is done (any thread).</summary>
    public void Finished(bool failed)
    {
        if (failed) Interlocked.Increment(ref _failed);
        Interlocked.Increment(ref _finished);
    }

    /// <summary>
    /// Shows how the run goes, at most four times a second. A pipeline does not say how many units
    /// will come, so the bar counts units (done, in flight, queued) and PercentComplete stays -1
    /// (unknown) rather than inventing a total. One unit shows no bar: it usually takes
    /// milliseconds, a bar that flashes for it is noise, and nothing in a pipeline says a second
    /// is coming until it does, so the bar appears with the second unit.
    /// </summary>
    public void Report()
    {
        if (_started < 2) return;
        string name = _cmdlet.MyInvocation.MyCommand.Name;
        _bar ??= new ProgressBar(_cmdlet, ActivityIdOf(name), name);
        if (_bar.Due) _bar.Update(Status());
    }

    /// <summary>Closes the bar, if it was shown, with the final counts; also when the pipeline is being stopped.</summary>
    public void Complete() => _bar?.Complete(Status());

    private string Status()
    {
        int finished = Volatile.Read(ref _finished), active = Volatile.Read(ref _active), failed = Volatile.Read(ref _failed);
        int queued = Math.Max(0, _started - finished - active);
        return $"{finished} unit(s) done{(failed > 0 ? $" ({failed} failed)" : "")}, {active} in flight{(queued > 0 ? $", {queued} queued" : "")}";
    }

    // One id per cmdlet, the same in every process (string.GetHashCode is not), so a reader of the
    // progress stream tells Get-MideaState's bar from Set-MideaState's when both run in one pipeline.
    private static int ActivityIdOf(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name) hash = (hash ^ c) * 16777619;
        return (int)(hash & 0x7FFFFFFF);
    }
}
