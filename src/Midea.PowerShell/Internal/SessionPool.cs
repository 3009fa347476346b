using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Open sessions with units, one <see cref="DeviceSession"/> per endpoint (address, port, id,
/// version, credentials and request limit), so a unit named again reuses its connection and V3
/// handshake; and one exchange at a time per unit, since a session carries one request at a time.
/// Its owner decides how long it lives and closes it: today each device cmdlet has one for its
/// invocation. Nothing in it depends on that owner, so a longer-lived owner (a runspace) can hold one.
/// </summary>
internal sealed class SessionPool
{
    private readonly Dictionary<string, Entry> _sessions = new();
    private readonly Action<string> _protocolLog;
    private readonly Action<string> _verbose;
    private bool _closed;

    /// <param name="protocolLog">Given to each session for its protocol trace.</param>
    /// <param name="verbose">Whether a session is opened or reused, for a -Verbose reader.</param>
    public SessionPool(Action<string> protocolLog, Action<string> verbose)
    {
        _protocolLog = protocolLog;
        _verbose = verbose;
    }

    /// <summary>
    /// The session with <paramref name="endpoint"/>, once no other caller is using it: a unit
    /// named twice waits for its own session, so its time limits start when its turn comes.
    /// Dispose the turn to let the next caller in.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired while waiting, or the pool is closed.</exception>
    public async Task<SessionTurn> TakeAsync(DeviceEndpoint endpoint, TimeSpan requestTimeout, CancellationToken cancel)
    {
        Entry entry = EntryFor(endpoint, requestTimeout);
        await entry.Turn.WaitAsync(cancel).ConfigureAwait(false);
        return new SessionTurn(entry);
    }

    /// <summary>Closes every session; a later <see cref="TakeAsync"/> fails. Safe to call more than once.</summary>
    public void Close()
    {
        lock (_sessions)
        {
            _closed = true;
            foreach (Entry entry in _sessions.Values) entry.Session.Dispose();
            _sessions.Clear();
        }
    }

    private Entry EntryFor(DeviceEndpoint endpoint, TimeSpan requestTimeout)
    {
        string key = $"{endpoint}/{endpoint.DeviceId}/{endpoint.ProtocolVersion}/{(endpoint.Token is null ? "" : Hex.Encode(endpoint.Token))}/{requestTimeout.Ticks}";
        lock (_sessions)
        {
            // A worker that outlived a stopped command must not open a session nobody will close.
            if (_closed) throw new OperationCanceledException("The sessions are closed.");
            if (_sessions.TryGetValue(key, out Entry? entry))
            {
                _verbose($"Reusing the session with {endpoint}.");
                return entry;
            }
            _verbose($"Connecting to {endpoint} (V{endpoint.ProtocolVersion}, id {endpoint.DeviceId}).");
            entry = new Entry(new DeviceSession(endpoint, new RequestPolicy(requestTimeout), _protocolLog));
            _sessions[key] = entry;
            return entry;
        }
    }

    /// <summary>One caller's turn with a session; disposing it lets the next caller in.</summary>
    internal sealed class SessionTurn : IDisposable
    {
        private Entry? _entry;

        internal SessionTurn(Entry entry) => _entry = entry;

        /// <summary>The session, for this turn only.</summary>
        public DeviceSession Session => (_entry ?? throw new ObjectDisposedException(nameof(SessionTurn))).Session;

        /// <inheritdoc/>
        public void Dispose() => Interlocked.Exchange(ref _entry, null)?.Turn.Release();
    }

    internal sealed class Entry
    {
        public Entry(DeviceSession session) => Session = session;

        public DeviceSession Session { get; }

        public SemaphoreSlim Turn { get; } = new(1, 1);
    }
}
