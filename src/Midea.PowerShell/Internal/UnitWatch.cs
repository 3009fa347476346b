using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Watches one unit for Watch-MideaState: holds its kept session (<see cref="SessionPool.Hold"/>),
/// reads the state at once when the unit pushes a status frame or ends the connection, and every
/// interval otherwise; sends a heartbeat on a quiet connection; and reports each change, and the
/// unit going offline and coming back. An offline unit is tried again with a capped backoff
/// (<see cref="RequestPolicy.ReconnectDelay"/>). Runs until cancelled.
/// </summary>
internal sealed class UnitWatch
{
    private readonly DeviceEndpoint _endpoint;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _interval;
    private readonly IReadOnlyCollection<string>? _only;
    private readonly Action<MideaStateChange> _emit;
    private readonly Action<string> _verbose;
    private readonly Action<string> _log;
    private int _pushed;
    private int _lost;

    /// <param name="endpoint">The unit.</param>
    /// <param name="requestTimeout">The limit per request (-TimeoutSeconds).</param>
    /// <param name="interval">How often to read the state when nothing else made it read.</param>
    /// <param name="only">The properties compared; all when null.</param>
    /// <param name="emit">Takes each change, offline and online object (any thread).</param>
    /// <param name="verbose">The steps a -Verbose reader follows.</param>
    /// <param name="log">The protocol trace.</param>
    public UnitWatch(DeviceEndpoint endpoint, TimeSpan requestTimeout, TimeSpan interval, IReadOnlyCollection<string>? only,
        Action<MideaStateChange> emit, Action<string> verbose, Action<string> log)
    {
        _endpoint = endpoint;
        _requestTimeout = requestTimeout;
        _interval = interval;
        _only = only;
        _emit = emit;
        _verbose = verbose;
        _log = log;
    }

    /// <summary>Watches until <paramref name="cancel"/> fires, then lets the session go (closed unless another command uses it).</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        using var wake = new SemaphoreSlim(0);
        using SessionPool.SessionHold hold = SessionPool.Shared.Hold(_endpoint);
        void OnPushed(UnitPush push)
        {
            _verbose($"{_endpoint} pushed {push.Description}; reading the state.");
            Interlocked.Exchange(ref _pushed, 1);
            wake.Release();
        }
        void OnLost(Exception reason)
        {
            Interlocked.Exchange(ref _lost, 1);
            wake.Release();
        }
        hold.Pushed += OnPushed;
        hold.Lost += OnLost;
        MideaState? last = null;
        bool? online = null;
        int failures = 0;
        DateTime nextRead = DateTime.UtcNow;
        DateTime lastTraffic = DateTime.UtcNow;
        try
        {
            while (true)
            {
                DateTime now = DateTime.UtcNow;
                DateTime due = online == true && lastTraffic + RequestPolicy.HeartbeatInterval < nextRead ? lastTraffic + RequestPolicy.HeartbeatInterval : nextRead;
                if (due > now) await wake.WaitAsync(due - now, cancel).ConfigureAwait(false);
                cancel.ThrowIfCancellationRequested();
                bool pushed = Interlocked.Exchange(ref _pushed, 0) == 1;
                bool lost = Interlocked.Exchange(ref _lost, 0) == 1;
                now = DateTime.UtcNow;
                try
                {
                    if (now >= nextRead || pushed || (lost && online == true))
                    {
                        if (lost && online == true) _verbose($"{_endpoint} ended the connection; connecting again to read the state.");
                        MideaState state = await ReadAsync(cancel).ConfigureAwait(false);
                        lastTraffic = DateTime.UtcNow;
                        nextRead = lastTraffic + _interval;
                        failures = 0;
                        if (online == false) _emit(Change(MideaWatchEvent.Online, state));
                        online = true;
                        if (last != null)
                        {
                            MideaPropertyChange[] changes = StateDiff.Between(last, state, _only);
                            if (changes.Length > 0)
                            {
                                MideaStateChange change = Change(MideaWatchEvent.Changed, state);
                                change.Source = pushed ? MideaChangeSource.Push : MideaChangeSource.Poll;
                                change.Changes = changes;
                                _emit(change);
                            }
                        }
                        last = state;
                    }
                    else if (online == true && now >= lastTraffic + RequestPolicy.HeartbeatInterval)
                    {
                        await HeartbeatAsync(cancel).ConfigureAwait(false);
                        lastTraffic = DateTime.UtcNow;
                    }
                }
                catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex) && !cancel.IsCancellationRequested)
                {
                    failures++;
                    TimeSpan wait = RequestPolicy.ReconnectDelay(failures);
                    nextRead = DateTime.UtcNow + wait;
                    _verbose($"{_endpoint}: {ex.Message} Trying again in {wait.TotalSeconds:0.#} s.");
                    if (online != false)
                    {
                        MideaStateChange change = Change(MideaWatchEvent.Offline, null);
                        change.Reason = $"{MideaCmdlet.Classify(ex).Id}: {ex.Message}";
                        _emit(change);
                    }
                    online = false;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The watch ends.
        }
        finally
        {
            hold.Pushed -= OnPushed;
            hold.Lost -= OnLost;
        }
    }

    private async Task<MideaState> ReadAsync(CancellationToken cancel)
    {
        using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(_endpoint, _requestTimeout, _log, _log, cancel).ConfigureAwait(false);
        if (Appliance.Open(turn.Session, KnownCapabilities.Cache) is not AirConditioner unit)
            throw new Protocol.MideaProtocolException(Protocol.ProtocolFault.Unsupported, $"{_endpoint} is a {Appliance.TypeName(_endpoint.ApplianceType)} unit; Watch-MideaState watches air conditioners.");
        return StateMapping.ToPublic(await unit.GetStateAsync(cancel).ConfigureAwait(false), _endpoint);
    }

    private async Task HeartbeatAsync(CancellationToken cancel)
    {
        using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(_endpoint, _requestTimeout, _log, _log, cancel).ConfigureAwait(false);
        _log($"Heartbeat to {_endpoint}.");
        await turn.Session.HeartbeatAsync(cancel).ConfigureAwait(false);
    }

    private MideaStateChange Change(MideaWatchEvent kind, MideaState? state) => new()
    {
        Time = DateTimeOffset.Now,
        Address = _endpoint.Address.ToString(),
        Id = _endpoint.DeviceId,
        Event = kind,
        State = state,
    };
}
