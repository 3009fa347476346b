using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// The sessions kept open with units across commands, one per unit address and port, shared by
/// every command and runspace of the process: many units accept one TCP connection or very few, so
/// two commands (a watch and a get) must not each open their own. A session is used by one caller
/// at a time (a turn). It closes after <see cref="IdleTimeout"/> unused, and its connection is
/// replaced after <see cref="Lifetime"/>; <see cref="CloseAsync"/> ends sessions on demand, and all
/// close when the module is removed or the process exits (docs/architecture.md §1.4).
/// </summary>
internal sealed class SessionPool
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private Timer? _sweeper;

    /// <summary>The process's pool.</summary>
    public static SessionPool Shared { get; } = new();

    /// <summary>How long a session may sit unused before it closes; zero closes it at the end of each command.</summary>
    public static TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(RequestPolicy.DefaultSessionIdleSeconds);

    /// <summary>How long one connection may live; the next turn after it opens a new one.</summary>
    public static TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(RequestPolicy.DefaultSessionLifetimeSeconds);

    /// <summary>The units with a kept session, and whether each is connected now.</summary>
    public IReadOnlyList<(DeviceEndpoint Endpoint, bool Connected)> Sessions
    {
        get
        {
            lock (_entries)
            {
                return _entries.Values.Where(e => e.Session != null)
                    .Select(e => (e.Session!.Endpoint, e.Session.IsConnected)).ToList();
            }
        }
    }

    /// <summary>
    /// The session with <paramref name="endpoint"/>, once no other caller is using it: its time
    /// limits start when its turn comes. A session kept for other credentials, another id or
    /// another request limit is closed and replaced, so a unit still sees one connection. Dispose
    /// the turn to let the next caller in.
    /// </summary>
    /// <param name="endpoint">The unit; its address and port pick the session.</param>
    /// <param name="requestTimeout">The caller's limit per request.</param>
    /// <param name="log">The protocol trace of this turn's caller.</param>
    /// <param name="verbose">Whether the session is opened, reused or replaced, for a -Verbose reader.</param>
    /// <param name="cancel">Stops the wait for the turn.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired while waiting.</exception>
    public async Task<SessionTurn> TakeAsync(DeviceEndpoint endpoint, TimeSpan requestTimeout, Action<string> log, Action<string> verbose, CancellationToken cancel)
    {
        Entry entry = Enter(endpoint);
        try
        {
            await entry.Turn.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch
        {
            Leave(entry, released: false);
            throw;
        }
        try
        {
            entry.Prepare(endpoint, requestTimeout, verbose);
        }
        catch
        {
            Leave(entry, released: true);
            throw;
        }
        entry.Session!.Log = log;
        return new SessionTurn(this, entry);
    }

    /// <summary>
    /// Keeps the session with <paramref name="endpoint"/>'s unit from closing when idle, and passes
    /// on what its connections report, until the hold is disposed (a watch holds its units). When
    /// the last hold ends and no command uses the session, it is closed.
    /// </summary>
    public SessionHold Hold(DeviceEndpoint endpoint)
    {
        Entry entry = Enter(endpoint);
        lock (_entries)
        {
            entry.Users--;
            entry.Holders++;
        }
        return new SessionHold(this, entry);
    }

    /// <summary>
    /// Closes the sessions with the units at <paramref name="address"/> (every session when null),
    /// each once its current user is done.
    /// </summary>
    /// <returns>The units whose sessions were closed.</returns>
    public async Task<IReadOnlyList<DeviceEndpoint>> CloseAsync(IPAddress? address, CancellationToken cancel)
    {
        List<Entry> chosen;
        lock (_entries) chosen = _entries.Values.Where(e => address is null || e.Address.Equals(address)).ToList();
        var closed = new List<DeviceEndpoint>();
        foreach (Entry entry in chosen)
        {
            await entry.Turn.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                if (entry.Session is { } session) closed.Add(session.Endpoint);
                entry.CloseSession();
            }
            finally
            {
                entry.Turn.Release();
            }
        }
        lock (_entries)
        {
            foreach (Entry entry in chosen)
            {
                if (entry.Users == 0 && entry.Holders == 0) _entries.Remove(entry.Key);
            }
        }
        return closed;
    }

    /// <summary>Closes every connection at once, in use or not (the module is removed or the process ends).</summary>
    public void CloseAll()
    {
        lock (_entries)
        {
            foreach (Entry entry in _entries.Values) entry.Session?.Dispose();
        }
    }

    private Entry Enter(DeviceEndpoint endpoint)
    {
        string key = $"{endpoint.Address}:{endpoint.Port}";
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out Entry? entry))
            {
                entry = new Entry(key, endpoint.Address);
                _entries[key] = entry;
            }
            entry.Users++;
            _sweeper ??= new Timer(_ => Sweep(), null, RequestPolicy.SessionSweep, RequestPolicy.SessionSweep);
            return entry;
        }
    }

    private void Leave(Entry entry, bool released)
    {
        if (released)
        {
            if (entry.Session != null) entry.Session.Log = null;
            entry.LastUsed = DateTime.UtcNow;
            entry.Turn.Release();
        }
        lock (_entries) entry.Users--;
        if (IdleTimeout <= TimeSpan.Zero) Sweep();
    }

    /// <summary>A hold ends: the session closes now unless another command uses, awaits or holds it.</summary>
    private void Unhold(Entry entry)
    {
        lock (_entries)
        {
            entry.Holders--;
            entry.LastUsed = DateTime.UtcNow;
            if (entry.Users > 0 || entry.Holders > 0) return;
            _entries.Remove(entry.Key);
            entry.CloseSession();
        }
    }

    /// <summary>Closes the sessions nobody uses, holds or waits for that have been idle long enough.</summary>
    private void Sweep()
    {
        DateTime now = DateTime.UtcNow;
        lock (_entries)
        {
            foreach (Entry entry in _entries.Values.ToList())
            {
                if (entry.Users > 0 || entry.Holders > 0 || now - entry.LastUsed < IdleTimeout) continue;
                _entries.Remove(entry.Key);
                entry.CloseSession();
            }
            if (_entries.Count == 0)
            {
                _sweeper?.Dispose();
                _sweeper = null;
            }
        }
    }

    /// <summary>One caller's turn with a session; disposing it lets the next caller in.</summary>
    internal sealed class SessionTurn : IDisposable
    {
        private readonly SessionPool _pool;
        private Entry? _entry;

        internal SessionTurn(SessionPool pool, Entry entry)
        {
            _pool = pool;
            _entry = entry;
        }

        /// <summary>The session, for this turn only.</summary>
        public DeviceSession Session => (_entry ?? throw new ObjectDisposedException(nameof(SessionTurn))).Session!;

        /// <inheritdoc/>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _entry, null) is Entry entry) _pool.Leave(entry, released: true);
        }
    }

    /// <summary>A hold on a unit's session (<see cref="Hold"/>): what its connections push or lose, whichever connection is open.</summary>
    internal sealed class SessionHold : IDisposable
    {
        private readonly SessionPool _pool;
        private Entry? _entry;

        internal SessionHold(SessionPool pool, Entry entry)
        {
            _pool = pool;
            _entry = entry;
            entry.Pushed += OnPushed;
            entry.Lost += OnLost;
        }

        /// <summary>A frame the unit pushed; raised on a connection's reader thread.</summary>
        public event Action<UnitPush>? Pushed;

        /// <summary>The unit ended the open connection; raised on a connection's reader thread.</summary>
        public event Action<Exception>? Lost;

        /// <inheritdoc/>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _entry, null) is not Entry entry) return;
            entry.Pushed -= OnPushed;
            entry.Lost -= OnLost;
            _pool.Unhold(entry);
        }

        private void OnPushed(UnitPush push) => Pushed?.Invoke(push);

        private void OnLost(Exception reason) => Lost?.Invoke(reason);
    }

    internal sealed class Entry
    {
        private TimeSpan _requestTimeout;
        private IDisposable? _pushes;

        public Entry(string key, IPAddress address)
        {
            Key = key;
            Address = address;
        }

        public string Key { get; }

        public IPAddress Address { get; }

        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Callers that wait for or hold a turn (guarded by the pool's lock).</summary>
        public int Users;

        /// <summary>Holds that keep the session from closing when idle (guarded by the pool's lock).</summary>
        public int Holders;

        public DateTime LastUsed { get; set; } = DateTime.UtcNow;

        /// <summary>Null until the first turn, and after the session was closed.</summary>
        public DeviceSession? Session { get; private set; }

        public event Action<UnitPush>? Pushed;

        public event Action<Exception>? Lost;

        /// <summary>During a turn: the session for <paramref name="endpoint"/>, kept, replaced or new; a connection past its lifetime is closed.</summary>
        public void Prepare(DeviceEndpoint endpoint, TimeSpan requestTimeout, Action<string> verbose)
        {
            if (Session != null && !(Same(Session.Endpoint, endpoint) && requestTimeout == _requestTimeout))
            {
                verbose($"Closing the kept session with {Session.Endpoint}: this command names the unit with another id, version, credentials or time limit.");
                CloseSession();
            }
            if (Session is null)
            {
                verbose($"Connecting to {endpoint} (V{endpoint.ProtocolVersion}, id {endpoint.DeviceId}).");
                Session = new DeviceSession(endpoint, new RequestPolicy(requestTimeout));
                _pushes = UnitPush.Listen(Session, OnPushed);
                Session.ConnectionLost += OnLost;
                _requestTimeout = requestTimeout;
                return;
            }
            if (Session.ConnectedAt is DateTime since && DateTime.UtcNow - since >= Lifetime)
            {
                verbose($"The connection to {endpoint} has been open longer than the session lifetime ({Lifetime.TotalSeconds:0} s); connecting again.");
                Session.Dispose();
            }
            else if (Session.IsConnected)
            {
                verbose($"Reusing the open session with {endpoint}.");
            }
        }

        public void CloseSession()
        {
            if (Session is null) return;
            _pushes?.Dispose();
            _pushes = null;
            Session.ConnectionLost -= OnLost;
            Session.Dispose();
            Session = null;
        }

        private static bool Same(DeviceEndpoint a, DeviceEndpoint b) =>
            a.DeviceId == b.DeviceId && a.ProtocolVersion == b.ProtocolVersion && a.ApplianceType == b.ApplianceType
            && SameBytes(a.Token, b.Token) && SameBytes(a.Key, b.Key);

        private static bool SameBytes(byte[]? a, byte[]? b)
        {
            if (a is null || b is null) return a is null && b is null;
            if (a.Length != b.Length) return false;
            // Every byte is looked at, so the time taken says nothing about where secrets differ.
            int difference = 0;
            for (int i = 0; i < a.Length; i++) difference |= a[i] ^ b[i];
            return difference == 0;
        }

        private void OnPushed(UnitPush push) => Pushed?.Invoke(push);

        private void OnLost(Exception reason) => Lost?.Invoke(reason);
    }
}
