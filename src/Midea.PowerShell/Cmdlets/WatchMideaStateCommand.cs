using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Watches units and writes an object each time one's state changes (pushed by the unit, or found
/// by a regular read), when one goes offline, and when it comes back. Runs until Ctrl+C,
/// -Duration or -Count; its sessions are closed when it ends.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "MideaState", HelpUri = "https://github.com/midea-powershell/Midea#watch-mideastate")]
[OutputType(typeof(MideaStateChange))]
public sealed class WatchMideaStateCommand : UnitCmdlet
{
    private readonly List<DeviceRequest> _requests = new();
    private readonly PipelinePump _pump;
    private readonly EndpointResolver _resolver;
    private CancellationTokenSource? _done;
    private int _written;

    /// <summary>Wires the pump that carries the units' output to the pipeline thread.</summary>
    public WatchMideaStateCommand()
    {
        _pump = new PipelinePump(this);
        _resolver = new EndpointResolver(_pump.Verbose, DebugLog);
    }

    /// <summary>IP address or host name of a unit; the units of the device store when none is given or piped.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string? Address { get; set; }

    /// <summary>Seconds between regular reads of each unit's state.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int IntervalSeconds { get; set; } = RequestPolicy.DefaultWatchIntervalSeconds;

    /// <summary>How long to watch; until Ctrl+C or -Count when not given.</summary>
    [Parameter]
    public TimeSpan Duration { get; set; }

    /// <summary>Stop after writing this many objects.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>Only these MideaState properties are compared; all settings and readings when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(WatchedPropertyCompleter))]
    public string[]? Property { get; set; }

    /// <summary>Where to look for a saved unit that no longer answers at its address (a Find-MideaDevice target); the /24 around that address when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSearchRange]
    public string? SearchRange { get; set; }

    /// <summary>Limit for connecting and for each request to a unit.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultRequestSeconds;

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Duration)) && Duration <= TimeSpan.Zero)
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Duration must be positive."), "InvalidArgument", ErrorCategory.InvalidArgument, Duration));
        string[] unknown = Property?.Where(p => !StateDiff.Names.Contains(p, StringComparer.OrdinalIgnoreCase)).ToArray() ?? Array.Empty<string>();
        if (unknown.Length > 0)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Property {string.Join(", ", unknown)}: not a state property a watch compares. These are: {string.Join(", ", StateDiff.Names)}."),
                "InvalidArgument", ErrorCategory.InvalidArgument, Property));
        }
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (Address is null) return;
        _requests.Add(new DeviceRequest(Address, Port, Id, ProtocolVersion, Token, Key, TimeSpan.FromSeconds(TimeoutSeconds), DeviceType));
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (_requests.Count == 0)
        {
            if (MyInvocation.ExpectingInput) return;
            try
            {
                foreach (StoredDevice device in DeviceStore.Load(WriteVerbose))
                    _requests.Add(new DeviceRequest(device.Address, device.Port, device.Id, device.ProtocolVersion, null, null, TimeSpan.FromSeconds(TimeoutSeconds), device.Type));
            }
            catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
            {
                ThrowTerminatingError(StoreErrors.Record(ex, null));
            }
            if (_requests.Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("No unit to watch: give -Address, pipe units in (Find-MideaDevice, Get-MideaDevice), or save units with Save-MideaDevice."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, null));
            }
        }
        _done = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        if (Duration > TimeSpan.Zero) _done.CancelAfter(Duration);
        WriteVerbose($"Watching {_requests.Count} unit(s): a read every {IntervalSeconds} s, at once when a unit pushes a change" +
            (Duration > TimeSpan.Zero ? $", for {Duration}" : "") + (Count > 0 ? $", until {Count} object(s) are written" : "") + ".");
        _pump.Run(WatchAllAsync, RequestPolicy.DefaultWatchGrace);
    }

    /// <inheritdoc/>
    private protected override void Release() => _done?.Dispose();

    private async Task WatchAllAsync(CancellationToken stop)
    {
        CancellationToken done = _done!.Token;
        TimeSpan interval = TimeSpan.FromSeconds(IntervalSeconds);
        IReadOnlyCollection<string>? only = Property;
        IEnumerable<Task> watches = _requests.Select(request => WatchOneAsync(request, interval, only, done));
        await Task.WhenAll(watches.ToList()).ConfigureAwait(false);
    }

    private async Task WatchOneAsync(DeviceRequest request, TimeSpan interval, IReadOnlyCollection<string>? only, CancellationToken done)
    {
        DeviceEndpoint endpoint;
        try
        {
            (endpoint, _) = await _resolver.ResolveAsync(request, done).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsExpectedFailure(ex) && !done.IsCancellationRequested)
        {
            // Without its id and version (or its credentials) the unit cannot be watched at all.
            _pump.Post(() => WriteDeviceError(ex, request.Address));
            return;
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            return;
        }
        var moved = new MovedUnitSearch(SearchRange, _pump.Verbose, DebugLog, _pump.Warning);
        await new UnitWatch(request, endpoint, interval, only, moved, SearchRange, Emit, _pump.Verbose, ProtocolLog).RunAsync(done).ConfigureAwait(false);
    }

    private void Emit(MideaStateChange change) => _pump.Post(() =>
    {
        if (_done is null || _done.IsCancellationRequested) return;
        WriteObject(change);
        if (Count > 0 && ++_written >= Count) _done.Cancel();
    });

    private void ProtocolLog(string line)
    {
        DebugLog(line);
        if (TransportSteps.IsStep(line)) _pump.Verbose(line);
    }
}
