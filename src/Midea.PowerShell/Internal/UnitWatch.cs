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
/// (<see cref="RequestPolicy.ReconnectDelay"/>); a saved unit that cannot be reached is looked for
/// by its device id (<see cref="MovedUnitSearch"/>) when it goes offline and at each try at the cap.
/// Runs until cancelled.
/// </summary>
internal sealed class UnitWatch
{
    private readonly DeviceRequest _request;
    private readonly TimeSpan _interval;
    private readonly IReadOnlyCollection<string>? _only;
    private readonly MovedUnitSearch _moved;
    private readonly string? _searchRange;
    private readonly Action<MideaStateChange> _emit;
    private readonly Action<string> _verbose;
    private readonly Action<string> _log;
    private DeviceEndpoint _endpoint;
    private object? _last;
    private bool? _online;
    private int _failures;
    private int _pushed;
    private int _lost;
    // A move found and not yet recorded: the store learns it after the first read at the new address.
    private MovedUnit? _pending;

    /// <param name="request">What named the unit; its address is where a saved unit is looked for in the store.</param>
    /// <param name="endpoint">The unit as resolved.</param>
    /// <param name="interval">How often to read the state when nothing else made it read.</param>
    /// <param name="only">The properties compared; all when null.</param>
    /// <param name="moved">Looks for a saved unit that moved.</param>
    /// <param name="searchRange">-SearchRange as given; null for the /24 around the old address.</param>
    /// <param name="emit">Takes each change, offline and online object (any thread).</param>
    /// <param name="verbose">The steps a -Verbose reader follows.</param>
    /// <param name="log">The protocol trace.</param>
    public UnitWatch(DeviceRequest request, DeviceEndpoint endpoint, TimeSpan interval, IReadOnlyCollection<string>? only, MovedUnitSearch moved, string? searchRange,
        Action<MideaStateChange> emit, Action<string> verbose, Action<string> log)
    {
        _request = request;
        _endpoint = endpoint;
        _interval = interval;
        _only = only;
        _moved = moved;
        _searchRange = searchRange;
        _emit = emit;
        _verbose = verbose;
        _log = log;
    }

    /// <summary>Watches until <paramref name="cancel"/> fires, then lets the session go (closed unless another command uses it).</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        try
        {
            // A unit found at a new address is watched there, on a session of its own.
            while (await WatchAtAsync(cancel).ConfigureAwait(false) is (DeviceEndpoint there, MovedUnit missed))
            {
                _endpoint = there;
                _pending = missed;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The watch ends.
        }
    }

    /// <summary>Watches at <see cref="_endpoint"/>; returns where the unit moved to, or never returns until cancelled.</summary>
    private async Task<(DeviceEndpoint, MovedUnit)?> WatchAtAsync(CancellationToken cancel)
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
        DateTime nextRead = DateTime.UtcNow;
        DateTime lastTraffic = DateTime.UtcNow;
        try
        {
            while (true)
            {
                DateTime now = DateTime.UtcNow;
                DateTime beat = lastTraffic + RequestPolicy.HeartbeatInterval;
                DateTime due = _online == true && beat < nextRead ? beat : nextRead;
                if (due > now) await wake.WaitAsync(due - now, cancel).ConfigureAwait(false);
                cancel.ThrowIfCancellationRequested();
                bool pushed = Interlocked.Exchange(ref _pushed, 0) == 1;
                bool lost = Interlocked.Exchange(ref _lost, 0) == 1;
                now = DateTime.UtcNow;
                var contact = new UnitContact();
                try
                {
                    if (now >= nextRead || pushed || (lost && _online == true))
                    {
                        if (lost && _online == true) _verbose($"{_endpoint} ended the connection; connecting again to read the state.");
                        object state = await ReadAsync(contact, cancel).ConfigureAwait(false);
                        lastTraffic = DateTime.UtcNow;
                        nextRead = lastTraffic + _interval;
                        Observed(state, pushed);
                    }
                    else if (_online == true && now >= beat)
                    {
                        await HeartbeatAsync(cancel).ConfigureAwait(false);
                        lastTraffic = DateTime.UtcNow;
                    }
                }
                catch (Exception ex) when (MideaCmdlet.IsExpectedFailure(ex) && !cancel.IsCancellationRequested)
                {
                    _failures++;
                    if (await LookElsewhereAsync(ex, contact, cancel).ConfigureAwait(false) is { } moved) return moved;
                    TimeSpan wait = RequestPolicy.ReconnectDelay(_failures);
                    nextRead = DateTime.UtcNow + wait;
                    _verbose($"{_endpoint}: {ex.Message} Trying again in {wait.TotalSeconds:0.#} s.");
                    if (_online != false)
                    {
                        MideaStateChange change = Change(MideaWatchEvent.Offline, null);
                        change.Reason = $"{MideaCmdlet.Classify(ex).Id}: {ex.Message}";
                        _emit(change);
                    }
                    _online = false;
                }
            }
        }
        finally
        {
            hold.Pushed -= OnPushed;
            hold.Lost -= OnLost;
        }
    }

    /// <summary>A state was read: the unit is online, and any change from the last state is written.</summary>
    private void Observed(object state, bool pushed)
    {
        _failures = 0;
        if (_pending is MovedUnit missed)
        {
            _pending = null;
            _moved.Adopt(missed, _request with { Address = _endpoint.Address.ToString() });
        }
        if (_online == false) _emit(Change(MideaWatchEvent.Online, state));
        _online = true;
        if (_last != null)
        {
            MideaPropertyChange[] changes = StateDiff.Between(_last, state, _only);
            if (changes.Length > 0)
            {
                MideaStateChange change = Change(MideaWatchEvent.Changed, state);
                change.Source = pushed ? MideaChangeSource.Push : MideaChangeSource.Poll;
                change.Changes = changes;
                _emit(change);
            }
        }
        _last = state;
    }

    /// <summary>
    /// For a saved unit that could not be reached: its new address and the move to record, when a
    /// search finds it. It is looked for when it goes offline and then at each try at the backoff's
    /// cap, so a unit that is only switched off is not searched for every second.
    /// </summary>
    private async Task<(DeviceEndpoint, MovedUnit)?> LookElsewhereAsync(Exception failure, UnitContact contact, CancellationToken cancel)
    {
        bool due = _online != false || RequestPolicy.ReconnectDelay(_failures) >= RequestPolicy.ReconnectCap;
        if (!due || !MovedUnitSearch.IsReachFailure(failure, contact.Connected, contact.Answered)) return null;
        DeviceRequest here = _request with { Address = _endpoint.Address.ToString(), Id = _endpoint.DeviceId };
        if (await _moved.MissedAsync(here, contact, failure, cancel).ConfigureAwait(false) is not MovedUnit missed) return null;
        SearchRange range = SearchRange.For(_searchRange, missed.Old);
        _verbose($"{missed.Old} does not answer; looking for unit {missed.Unit.Id} in {range.Text} (up to {RequestPolicy.MovedUnitSearch.TotalSeconds:0.#} s).");
        DeviceEndpoint? found = await MovedUnitSearch.FindAsync(missed.Unit, range, _verbose, _log, cancel).ConfigureAwait(false);
        return found is null ? null : (found, missed);
    }

    /// <summary>The unit's state in its family's public type: one query either way.</summary>
    private async Task<object> ReadAsync(UnitContact contact, CancellationToken cancel)
    {
        using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(_endpoint, _request.Timeout, _log, _log, cancel).ConfigureAwait(false);
        contact.Begin(turn.Session);
        try
        {
            Appliance unit = Appliance.Open(turn.Session, KnownCapabilities.Cache);
            if (unit is CommercialAc commercial) return CommercialStateMapping.ToPublic((await commercial.ReadAsync(cancel).ConfigureAwait(false)).State, _endpoint);
            return StateMapping.ToPublic(await DeviceCmdlet.AirConditionerOf(unit).GetStateAsync(cancel).ConfigureAwait(false), _endpoint);
        }
        finally
        {
            contact.End(turn.Session);
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancel)
    {
        using SessionPool.SessionTurn turn = await SessionPool.Shared.TakeAsync(_endpoint, _request.Timeout, _log, _log, cancel).ConfigureAwait(false);
        _log($"Heartbeat to {_endpoint}.");
        await turn.Session.HeartbeatAsync(cancel).ConfigureAwait(false);
    }

    private MideaStateChange Change(MideaWatchEvent kind, object? state) => new()
    {
        Time = DateTimeOffset.Now,
        Address = _endpoint.Address.ToString(),
        Id = _endpoint.DeviceId,
        Event = kind,
        State = state,
    };
}
