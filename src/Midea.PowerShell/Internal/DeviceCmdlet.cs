using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The device parameters shared by cmdlets that talk to one unit. Their names equal the
/// properties of MideaDevice, so Find-MideaDevice output binds by property name. Each record is
/// wired through the parts that do the work: <see cref="EndpointResolver"/> (which unit),
/// <see cref="SessionPool"/> (its session), <see cref="UnitScheduler"/> (slots and input order),
/// <see cref="PipelinePump"/> (worker output to the pipeline thread) and <see cref="UnitProgress"/>.
/// </summary>
public abstract class DeviceCmdlet : UnitCmdlet
{
    /// <summary>IP address or host name of the unit.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        HelpMessage = "IP address or host name of the unit.")]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string Address { get; set; } = "";

    /// <summary>Limit for connecting and for each request to the unit.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultRequestSeconds;

    /// <summary>Units worked on at once (a cmdlet's -ThrottleLimit); 1 for cmdlets that work one unit at a time.</summary>
    private protected virtual int Parallelism => 1;

    private readonly PipelinePump _pump;
    private readonly UnitProgress _progress;
    private readonly EndpointResolver _resolver;
    private UnitScheduler? _scheduler;

    /// <summary>Wires the parts: worker output goes through one pump, which also drives the unit counter bar.</summary>
    private protected DeviceCmdlet()
    {
        _progress = new UnitProgress(this);
        _pump = new PipelinePump(this, _progress.Report);
        _resolver = new EndpointResolver(_pump.Verbose, DebugLog);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the unit this record names and returns at once; up to
    /// -ThrottleLimit units are worked on together. <paramref name="onResult"/> runs later on the
    /// pipeline thread, in input order, so it may write output, warnings and errors. A failure is
    /// written as a non-terminating error for that unit. Sessions are kept across commands
    /// (<see cref="SessionPool"/>), so a unit named again reuses its connection and V3 handshake.
    /// </summary>
    internal void Submit<T>(Func<Appliance, CancellationToken, Task<T>> work, Action<T> onResult)
    {
        DeviceRequest request = Request();
        UnitScheduler scheduler = _scheduler ??= new UnitScheduler(this, _pump, _progress, Parallelism);
        MovedUnitSearch? moved = MovedUnits();
        scheduler.Submit(request.Address, () => moved is null
            ? RunAsync(scheduler, request, new UnitContact(), work)
            : moved.RunAsync(request, (r, contact) => RunAsync(scheduler, r, contact, work), scheduler.InSlotAsync, StopToken), onResult);
    }

    /// <summary>The search for a saved unit that moved, for the cmdlets that have -SearchRange (they override this); null for the others.</summary>
    private protected virtual MovedUnitSearch? MovedUnits() => null;

    /// <summary>A search in <paramref name="range"/> (null: the /24 around the unit's old address) that writes to this cmdlet's streams.</summary>
    private protected MovedUnitSearch NewMovedUnitSearch(string? range) => new(range, _pump.Verbose, DebugLog, _pump.Warning);

    /// <summary>The air conditioner behind <paramref name="appliance"/>; the cmdlets that take only air-conditioner fields refuse another family clearly.</summary>
    /// <exception cref="MideaProtocolException">Another appliance family (fault Unsupported); nothing was sent.</exception>
    internal static AirConditioner AirConditionerOf(Appliance appliance) => appliance as AirConditioner
        ?? throw new MideaProtocolException(ProtocolFault.Unsupported, $"{appliance.Session.Endpoint} is a {Appliance.TypeName(appliance.Session.Endpoint.ApplianceType)} unit; this command drives air conditioners.");

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        try
        {
            if (_scheduler != null) _scheduler.Drain(wait: true);
            else _pump.Flush();
        }
        finally
        {
            Release();
        }
        base.EndProcessing();
    }

    /// <summary>
    /// Closes the progress bar. Runs at the end of EndProcessing, and from Dispose when the pipeline
    /// was stopped (Ctrl+C, a downstream Select-Object -First) or failed first, so no bar is left
    /// open. The sessions stay in the pool for the next command.
    /// </summary>
    private protected override void Release()
    {
        _scheduler?.Dispose();
        _progress.Complete();
    }

    /// <summary>For cmdlets that work one unit at a time without <see cref="Submit"/>: counts it in the progress bar.</summary>
    private protected void UnitStarted()
    {
        _progress.Started();
        _progress.Active();
        _progress.Report();
    }

    /// <summary>The unit <see cref="UnitStarted"/> counted is done.</summary>
    private protected void UnitFinished(bool failed)
    {
        _progress.Idle();
        _progress.Finished(failed);
        _progress.Report();
    }

    /// <summary>Writes the queued verbose and debug lines (pipeline thread only).</summary>
    private protected void FlushLogs() => _pump.Flush();

    /// <summary>
    /// The log given to the protocol layer. It all goes to the debug stream (the full trace); the
    /// lines that mark a step a -Verbose reader follows (<see cref="TransportSteps"/>: connected,
    /// handshake accepted, reconnecting) go to the verbose stream as well.
    /// </summary>
    private protected void ProtocolLog(string line)
    {
        DebugLog(line);
        if (TransportSteps.IsStep(line)) _pump.Verbose(line);
    }

    /// <summary>The unit <paramref name="request"/> names, resolved on the pipeline thread (for cmdlets that do their own timing).</summary>
    /// <returns>The endpoint and where its credentials came from: Parameter, Store, or None.</returns>
    private protected (DeviceEndpoint Endpoint, string CredentialSource) ResolveEndpoint(DeviceRequest request)
    {
        try
        {
            return Await(cancel => _resolver.ResolveAsync(request, cancel), RequestPolicy.AskDeadline(request.Timeout), $"Discovery of {request.Address}");
        }
        finally
        {
            FlushLogs();
        }
    }

    /// <summary>What this record names, copied (the next record may change the parameters).</summary>
    private protected DeviceRequest Request() => new(Address, Port, Id, ProtocolVersion, Token, Key, TimeSpan.FromSeconds(TimeoutSeconds), DeviceType);

    /// <summary>One unit: its endpoint (in a slot), its turn with its session (outside the slots, so a unit named again does not starve the others), then the work (in a slot).</summary>
    private async Task<T> RunAsync<T>(UnitScheduler scheduler, DeviceRequest request, UnitContact contact, Func<Appliance, CancellationToken, Task<T>> work)
    {
        (DeviceEndpoint endpoint, _) = await scheduler.InSlotAsync(() => _resolver.ResolveAsync(request, StopToken)).ConfigureAwait(false);
        contact.Endpoint = endpoint;
        using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(endpoint, request.Timeout, ProtocolLog, _pump.Verbose, StopToken).ConfigureAwait(false);
        return await scheduler.InSlotAsync(async () =>
        {
            // The session holds each request and the whole operation to the policy's limits.
            var clock = Stopwatch.StartNew();
            contact.Begin(turn.Session);
            try
            {
                T result = await work(Appliance.Open(turn.Session, KnownCapabilities.Cache), StopToken).ConfigureAwait(false);
                _pump.Verbose($"{endpoint} answered; done in {clock.Elapsed.TotalMilliseconds:0.0} ms.");
                return result;
            }
            catch (MideaException ex) when (ex is DeviceTimeoutException or OutcomeUnknownException && StopToken.IsCancellationRequested)
            {
                // The session reports a stop as a cancellation; this covers a request's own time
                // limit that ran out in the same moment, which the stopped pipeline has no reader for.
                throw new OperationCanceledException(StopToken);
            }
            finally
            {
                contact.End(turn.Session);
            }
        }).ConfigureAwait(false);
    }
}
