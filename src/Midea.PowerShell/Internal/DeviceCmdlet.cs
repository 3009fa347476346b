using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The device parameters shared by cmdlets that talk to one unit. Their names equal the
/// properties of MideaDevice, so Find-MideaDevice output binds by property name.
/// </summary>
public abstract class DeviceCmdlet : MideaCmdlet
{
    /// <summary>IP address or host name of the unit.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        HelpMessage = "IP address or host name of the unit.")]
    [Alias("IPAddress", "Ip", "Host")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string Address { get; set; } = "";

    /// <summary>TCP port of the unit.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 6444;

    /// <summary>Device id; discovered when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DeviceId")]
    public long Id { get; set; }

    /// <summary>Protocol version; discovered when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("2", "3")]
    public int ProtocolVersion { get; set; }

    /// <summary>V3 token: 128 hex digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    /// <summary>V3 key: 64 hex digits.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SecureStringTransformation]
    public SecureString? Key { get; set; }

    /// <summary>Limit for connecting and for each request to the unit.</summary>
    [Parameter]
    [ValidateRange(1, 120)]
    public int TimeoutSeconds { get; set; } = RequestPolicy.DefaultRequestSeconds;

    /// <summary>Units worked on at once (a cmdlet's -ThrottleLimit); 1 for cmdlets that work one unit at a time.</summary>
    private protected virtual int Parallelism => 1;

    private int Window => Math.Max(256, 32 * Parallelism);
    private readonly Queue<PendingUnit> _pending = new();
    private readonly ConcurrentQueue<string> _verbose = new();
    private readonly EndpointResolver _resolver;
    private readonly SessionPool _sessions;
    private SemaphoreSlim? _throttle;

    private readonly UnitProgress _progress;

    /// <summary>Wires the parts that do the work for each record.</summary>
    private protected DeviceCmdlet()
    {
        _progress = new UnitProgress(this);
        _resolver = new EndpointResolver(_verbose.Enqueue, DebugLog);
        _sessions = new SessionPool(ProtocolLog, _verbose.Enqueue);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the unit this record names and returns at once; up to
    /// -ThrottleLimit units are worked on together. <paramref name="onResult"/> runs later on the
    /// pipeline thread, in input order, so it may write output, warnings and errors. A failure is
    /// written as a non-terminating error for that unit. Sessions stay open for the rest of the
    /// pipeline, so a unit named again reuses its connection and V3 handshake.
    /// </summary>
    internal void Submit<T>(Func<Appliance, CancellationToken, Task<T>> work, Action<T> onResult) where T : class
    {
        DeviceRequest request = Request();
        _throttle ??= new SemaphoreSlim(Parallelism);
        _progress.Started();
        Task<object> task = RunAsync(request, work);
        _pending.Enqueue(new PendingUnit(request.Address, task, result => onResult((T)result)));
        // With a throttle of 1 each unit finishes before the next record, as a plain cmdlet would.
        // Otherwise results wait for the slowest earlier unit (input order), so the window is wide
        // enough that one unit timing out does not hold the others back.
        Drain(wait: Parallelism == 1 || _pending.Count >= Window);
    }

    /// <summary>The air conditioner behind <paramref name="appliance"/>; the cmdlets that take only air-conditioner fields refuse another family clearly.</summary>
    /// <exception cref="MideaProtocolException">Another appliance family (fault Unsupported); nothing was sent.</exception>
    private protected static AirConditioner AirConditionerOf(Appliance appliance) => appliance as AirConditioner
        ?? throw new MideaProtocolException(ProtocolFault.Unsupported, $"{appliance.Session.Endpoint} is a {Appliance.TypeName(appliance.Session.Endpoint.ApplianceType)} unit; this command drives air conditioners.");

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        try
        {
            Drain(wait: true);
        }
        finally
        {
            Release();
        }
        base.EndProcessing();
    }

    /// <summary>
    /// Closes the progress bar and the sessions. Runs at the end of EndProcessing, and from Dispose
    /// when the pipeline was stopped (Ctrl+C, a downstream Select-Object -First) or failed first,
    /// so no bar is left open.
    /// </summary>
    private protected override void Release()
    {
        _sessions.Close();
        _progress.Complete();
    }

    /// <summary>Writes the results of finished units, in input order; with <paramref name="wait"/>, waits for all.</summary>
    private void Drain(bool wait)
    {
        while (_pending.Count > 0)
        {
            PendingUnit head = _pending.Peek();
            while (wait && !head.Task.IsCompleted)
            {
                // Wake now and then while a slow unit holds the head of the queue, so verbose
                // lines and progress from the others keep coming.
                Task.WaitAny(new Task[] { head.Task }, ProgressBar.IntervalMs);
                if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
                FlushLogs();
                _progress.Report();
            }
            if (!head.Task.IsCompleted) break;
            object? result = null;
            Exception? failure = null;
            try
            {
                result = head.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (IsExpectedFailure(ex))
            {
                failure = ex;
            }
            _pending.Dequeue();
            FlushLogs();
            if (failure != null) WriteDeviceError(failure, head.Address);
            else head.OnResult(result!);
        }
        FlushLogs();
        _progress.Report();
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
    private protected void FlushLogs()
    {
        while (_verbose.TryDequeue(out string? line)) WriteVerbose(line);
        FlushDebug();
    }

    private async Task<object> RunAsync<T>(DeviceRequest request, Func<Appliance, CancellationToken, Task<T>> work) where T : class
    {
        bool failed = true;
        try
        {
            (DeviceEndpoint endpoint, _) = await ThrottledAsync(() => _resolver.ResolveAsync(request, StopToken)).ConfigureAwait(false);
            // One exchange at a time per unit: a unit named again waits for its own session without
            // holding a throttle slot, so a slow unit does not starve the others, and its time limit
            // starts when its turn comes.
            using SessionPool.SessionTurn turn = await _sessions.TakeAsync(endpoint, request.Timeout, StopToken).ConfigureAwait(false);
            object outcome = await ThrottledAsync(async () =>
            {
                // The session holds each request and the whole operation to the policy's limits.
                var clock = Stopwatch.StartNew();
                try
                {
                    T result = await work(Appliance.Open(turn.Session, KnownCapabilities.Cache), StopToken).ConfigureAwait(false);
                    _verbose.Enqueue($"{endpoint} answered; done in {clock.Elapsed.TotalMilliseconds:0.0} ms.");
                    return (object)result;
                }
                catch (MideaException ex) when (ex is DeviceTimeoutException or OutcomeUnknownException && StopToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(StopToken);
                }
            }).ConfigureAwait(false);
            failed = false;
            return outcome;
        }
        finally
        {
            _progress.Finished(failed);
        }
    }

    /// <summary>Runs <paramref name="step"/> in one of the -ThrottleLimit slots, counted as in flight.</summary>
    private async Task<TResult> ThrottledAsync<TResult>(Func<Task<TResult>> step)
    {
        await _throttle!.WaitAsync(StopToken).ConfigureAwait(false);
        _progress.Active();
        try
        {
            return await step().ConfigureAwait(false);
        }
        finally
        {
            _progress.Idle();
            _throttle.Release();
        }
    }

    /// <summary>
    /// The log given to the protocol layer. It all goes to the debug stream (the full trace); the
    /// lines that mark a step a -Verbose reader follows (<see cref="TransportSteps"/>: connected,
    /// handshake accepted, reconnecting) go to the verbose stream as well.
    /// </summary>
    private protected void ProtocolLog(string line)
    {
        DebugLog(line);
        if (TransportSteps.IsStep(line)) _verbose.Enqueue(line);
    }

    /// <summary>The unit this record names, resolved on the pipeline thread (for cmdlets that do their own timing).</summary>
    /// <returns>The endpoint and where its credentials came from: Parameter, Store, or None.</returns>
    private protected (DeviceEndpoint Endpoint, string CredentialSource) ResolveEndpoint()
    {
        DeviceRequest request = Request();
        try
        {
            return Await(cancel => _resolver.ResolveAsync(request, cancel), RequestPolicy.DiscoveryDeadline(request.Timeout), $"Discovery of {Address}");
        }
        finally
        {
            FlushLogs();
        }
    }

    private DeviceRequest Request() => new(Address, Port, Id, ProtocolVersion, Token, Key, TimeSpan.FromSeconds(TimeoutSeconds));

    private sealed record PendingUnit(string Address, Task<object> Task, Action<object> OnResult);
}
