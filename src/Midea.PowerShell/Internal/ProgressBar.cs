using System.Diagnostics;
using System.Management.Automation;
using System.Threading;

namespace Midea.PowerShell.Internal;

/// <summary>
/// One cmdlet's progress bar. Call it only from the pipeline thread (Begin/Process/EndProcessing,
/// or Dispose, which PowerShell runs there too). A bar that was shown is closed with exactly one
/// Completed record, even when the pipeline is being stopped. Every record carries this bar's own
/// source id, so the Completed written while stopping (below) closes the same bar in the host.
/// </summary>
internal sealed class ProgressBar
{
    /// <summary>At most four updates a second: the console host redraws only every 200 ms anyway.</summary>
    public const int IntervalMs = 250;

    // The runtime numbers its own sources 1, 2, 3… (one per cmdlet instance); ours start far above.
    private static long s_lastSource = 0x4D69_6465_6100_0000;

    private readonly PSCmdlet _cmdlet;
    private readonly long _source = Interlocked.Increment(ref s_lastSource);
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastWriteMs;
    private string _status = "";
    private bool _completed;

    /// <summary>Creates the bar; nothing is written until <see cref="Update"/>.</summary>
    public ProgressBar(PSCmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
    }

    /// <summary>Whether any record was written.</summary>
    public bool Shown { get; private set; }

    /// <summary>Whether an update now keeps to the rate limit (the first one always does).</summary>
    public bool Due => !Shown || _clock.ElapsedMilliseconds - _lastWriteMs >= IntervalMs;

    /// <summary>Writes the bar's state; -1 for <paramref name="percent"/> when the total is not known.</summary>
    /// <remarks>A new record every time: hosts that keep records (PowerShell.Streams.Progress) hold the instance, so changing one already written would rewrite what was reported.</remarks>
    public void Update(string status, int percent = -1, string? currentOperation = null)
    {
        if (_completed) return;
        _status = status;
        Shown = true;
        _lastWriteMs = _clock.ElapsedMilliseconds;
        // ICommandRuntime.WriteProgress honours $ProgressPreference and -ProgressAction as
        // Cmdlet.WriteProgress does, and takes the source id.
        _cmdlet.CommandRuntime.WriteProgress(_source, new ProgressRecord(_activityId, _activity, status) { PercentComplete = percent, CurrentOperation = currentOperation });
    }

    /// <summary>Closes a bar that was shown, once; a bar never shown writes nothing.</summary>
    public void Complete(string? status = null)
    {
        if (!Shown || _completed) return;
        // Set first: if the write throws ($ProgressPreference = 'Stop'), Dispose must not try again.
        _completed = true;
        var record = new ProgressRecord(_activityId, _activity, status ?? _status) { RecordType = ProgressRecordType.Completed };
        try
        {
            _cmdlet.CommandRuntime.WriteProgress(_source, record);
        }
        catch (PipelineStoppedException)
        {
            // Once the pipeline is stopping (Ctrl+C, PowerShell.Stop()), PowerShell 7.6 refuses
            // every write, this one included, and a host that keeps records would keep the bar
            // open. The host's UI takes the record directly; that skips the runtime's preference
            // check, so it is made here. (A downstream Select-Object -First does not stop the
            // pipeline: the write above works then.)
            if (Displayed()) _cmdlet.Host.UI?.WriteProgress(_source, record);
        }
    }

    /// <summary>Whether -ProgressAction, else $ProgressPreference, lets progress through (Continue by default, as PowerShell has it).</summary>
    private bool Displayed()
    {
        object? value = _cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out object? given) ? given : _cmdlet.GetVariableValue("ProgressPreference");
        return !LanguagePrimitives.TryConvertTo(value, out ActionPreference preference)
            || preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }
}
