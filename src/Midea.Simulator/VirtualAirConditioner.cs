using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol;
using Midea.Protocol.Ac;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Provisioning;

namespace Midea.Simulator;

/// <summary>
/// A simulated air conditioner on one loopback address: answers discovery on the UDP ports and
/// serves the LAN protocol (V2 or V3) on TCP, keeping a state that SetState changes. Many run
/// side by side in one process, each on its own address. A test can also use the unit's IR
/// remote (<see cref="RemoteControl(Action{AcState})"/>, which pushes the new state), move it to another address
/// (<see cref="MoveTo"/>) and limit its connections (<see cref="MaxConnections"/>).
/// </summary>
public sealed class VirtualAirConditioner : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<Socket> _sockets = new();
    private readonly List<Task> _loops = new();
    // The open connections, for pushes and for dropping them on a move; locked on itself.
    private readonly HashSet<DeviceSession> _sessions = new();
    private readonly CommandHandler _handler;
    // Set when the unit is a 0xCC: then it, not _handler, answers AA frames.
    private readonly CcCommandHandler? _ccHandler;
    private readonly SimulatorOptions _options;
    private readonly byte[] _token;
    private readonly byte[] _key;
    private volatile IPAddress _address;
    private volatile byte[]? _localKey;
    private volatile string? _networkSsid;
    private volatile bool _apMode;
    private volatile ActiveFaults _faults;
    private long _connections;
    private long _requests;
    private long _repliesSent;
    private long _repliesDropped;
    private long _refusedConnections;
    private long _handshakes;
    private long _pushesSent;
    private long _heartbeats;
    private int _openSessions;
    private volatile int _maxConnections;
    private int _disposed;
    private int _provisioned;
    private int _flooding;

    private VirtualAirConditioner(SimulatorOptions options)
    {
        if (options.ProtocolVersion is not (2 or 3)) throw new ArgumentException("The simulator speaks protocol version 2 or 3.", nameof(options));
        if (options.MaxConnections < 0) throw new ArgumentException("MaxConnections is 0 (no limit) or more.", nameof(options));
        RequireLoopback(options.Address);
        if (options.HomeAddress != null) RequireLoopback(options.HomeAddress);
        _options = options;
        _address = options.Address;
        Port = options.TcpPort;
        ProtocolVersion = options.ProtocolVersion;
        byte[] ip = Address.GetAddressBytes();
        DeviceId = options.DeviceId ?? 0x860000000000L | (long)ip[1] << 16 | (long)ip[2] << 8 | ip[3];
        // Locally administered MAC (02:...) so it can never collide with a real module's.
        Mac = new byte[] { 0x02, 0x4d, 0x44, ip[1], ip[2], ip[3] };
        string macHex = Hex.Encode(Mac).ToUpperInvariant();
        Name = "net_ac_" + macHex.Substring(8);
        SerialNumber = "000000P0000000Q1" + macHex + "0000";
        _token = options.Token ?? Crypto.RandomBytes(Handshake.TokenSize);
        _key = options.Key ?? Crypto.RandomBytes(Handshake.KeySize);
        if (_token.Length != Handshake.TokenSize || _key.Length != Handshake.KeySize)
            throw new ArgumentException("A token is 64 bytes and a key 32 bytes.", nameof(options));
        _apMode = options.ApMode;
        _maxConnections = options.MaxConnections;
        _faults = new ActiveFaults(options.Faults);
        if (_apMode) _localKey = LocalKey.Derive(Name, System.Text.Encoding.UTF8.GetBytes(options.ApPassword ?? ""), Mac);
        else if (options.NetworkSsid != null) JoinedNetwork(options.NetworkSsid, options.NetworkPassphrase ?? Array.Empty<byte>());
        var climate = new ClimateModel(options.IndoorTemperature, options.OutdoorTemperature);
        _handler = new CommandHandler(new AcState { TargetHumidity = 40, FreezeProtection = false }, climate, options.CapabilityProfile);
        CapabilityProfile = options.CapabilityProfile;
        DeviceType = options.DeviceType;
        if (DeviceType == DeviceType.CommercialAc)
            _ccHandler = new CcCommandHandler(new CcState { IndoorTemperature = options.IndoorTemperature }, CcCommandHandler.DefaultCapabilities());
    }

    /// <summary>Which appliance the unit is: its discovery replies and AA frames carry that type.</summary>
    public DeviceType DeviceType { get; }

    /// <summary>Bound address: the AP address, then the home address once the unit has joined a network.</summary>
    public IPAddress Address => _address;
    /// <summary>True while the unit runs its own access point and waits to be provisioned.</summary>
    public bool ApMode => _apMode;
    /// <summary>The network the unit has joined, or null.</summary>
    public string? NetworkSsid => _networkSsid;
    /// <summary>Password of the unit's access point (simulation data, not a real secret).</summary>
    public string ApPassword => _options.ApPassword;
    /// <summary>Which features the unit reports.</summary>
    public CapabilityProfile CapabilityProfile { get; }
    /// <summary>Times the unit accepted Wi-Fi settings.</summary>
    public int Provisioned => Volatile.Read(ref _provisioned);
    /// <summary>TCP port.</summary>
    public int Port { get; }
    /// <summary>2 or 3.</summary>
    public int ProtocolVersion { get; }
    /// <summary>48-bit device id.</summary>
    public long DeviceId { get; }
    /// <summary>Module MAC.</summary>
    public byte[] Mac { get; }
    /// <summary>Name / SoftAP SSID, net_ac_XXXX.</summary>
    public string Name { get; }
    /// <summary>Serial number; characters 16..27 are the MAC, as on real units.</summary>
    public string SerialNumber { get; }
    /// <summary>The V3 token this unit accepts (test credentials).</summary>
    public byte[] Token => (byte[])_token.Clone();
    /// <summary>The V3 key paired with <see cref="Token"/>.</summary>
    public byte[] Key => (byte[])_key.Clone();
    /// <summary>TCP connections accepted and served so far; those closed at once for <see cref="MaxConnections"/> are <see cref="RefusedConnections"/> instead.</summary>
    public long Connections => Interlocked.Read(ref _connections);
    /// <summary>TCP connections accepted and closed at once, nothing sent, because <see cref="MaxConnections"/> were open.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);
    /// <summary>V3 handshakes the unit accepted (a token it knows); refused ones are not counted.</summary>
    public long Handshakes => Interlocked.Read(ref _handshakes);
    /// <summary>Pushed packets written (<see cref="RemoteControl(Action{AcState})"/>), one per open connection and push; counted just before the write.</summary>
    public long PushesSent => Interlocked.Read(ref _pushesSent);
    /// <summary>Heartbeat packets received (V2 message type 0x1001, protocol.md §2.5); each is accepted without an answer.</summary>
    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    /// <summary>
    /// Most TCP connections open at once; 0 (the default) means no limit. A connection beyond the
    /// limit is accepted and closed at once, with nothing sent, the way a busy unit does; it counts
    /// in <see cref="RefusedConnections"/>. A change applies to the next connection; open ones stay.
    /// Whether real units limit connections, and to how many, is not known (protocol.md §8).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxConnections
    {
        get => _maxConnections;
        set => _maxConnections = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "MaxConnections is 0 (no limit) or more.");
    }
    /// <summary>AA frames received and decoded so far (answered or not).</summary>
    public long Requests => Interlocked.Read(ref _requests);
    /// <summary>True until stopped.</summary>
    public bool Running => _disposed == 0;

    /// <summary>
    /// The faults the unit injects into its replies (see <see cref="FaultPlan"/>); none by default.
    /// Assigning takes effect from the next reply on every connection, without a restart: the unit
    /// keeps a copy (later changes to the assigned object do nothing until it is assigned again),
    /// restarts the <see cref="FaultPlan.DropFirst"/> countdown and reseeds the random source.
    /// Null means none. Reading returns a copy whose <see cref="FaultPlan.DropFirst"/> is the
    /// number of drops still to come.
    /// </summary>
    public FaultPlan Faults
    {
        get => _faults.Snapshot();
        set => _faults = new ActiveFaults(value);
    }

    /// <summary>
    /// Replies that put bytes on the wire, TCP and discovery, including those a fault mangled
    /// (<see cref="FaultPlan.Garbage"/>, <see cref="FaultPlan.Truncate"/>, <see cref="FaultPlan.CloseMidResponse"/>).
    /// Counted just before the write. With <see cref="RepliesDropped"/> it makes every reply the unit owed.
    /// </summary>
    public long RepliesSent => Interlocked.Read(ref _repliesSent);
    /// <summary>Replies withheld by <see cref="FaultPlan.Silent"/>, <see cref="FaultPlan.DropFirst"/> or <see cref="FaultPlan.DropPercent"/>, TCP and discovery.</summary>
    public long RepliesDropped => Interlocked.Read(ref _repliesDropped);
    /// <summary>TCP sessions open right now; back to 0 once every client has closed its connection (or the unit stopped).</summary>
    public int OpenSessions => Volatile.Read(ref _openSessions);

    /// <summary>The fault plan in force, with its countdown and random source.</summary>
    internal ActiveFaults ActiveFaults => _faults;

    internal void CountReply(bool sent)
    {
        if (sent) Interlocked.Increment(ref _repliesSent);
        else Interlocked.Increment(ref _repliesDropped);
    }

    internal void CountHandshake() => Interlocked.Increment(ref _handshakes);

    internal void CountPush() => Interlocked.Increment(ref _pushesSent);

    internal void CountHeartbeat() => Interlocked.Increment(ref _heartbeats);

    /// <summary>Binds the sockets and starts answering.</summary>
    /// <exception cref="SocketException">An address or port is in use or cannot be bound.</exception>
    public static VirtualAirConditioner Start(SimulatorOptions options)
    {
        var unit = new VirtualAirConditioner(options);
        try
        {
            lock (unit._gate) unit.Rebind(unit._address);
        }
        catch
        {
            unit.Dispose();
            throw;
        }
        return unit;
    }

    /// <summary>The current state, sensors included (of an air conditioner; a 0xCC unit has <see cref="CcState"/>).</summary>
    public AcState State => _handler.Snapshot();

    /// <summary>The current state of a 0xCC unit.</summary>
    /// <exception cref="InvalidOperationException">The unit is not a 0xCC.</exception>
    public CcState CcState => RequireCc().Snapshot();

    /// <summary>What a 0xCC unit says it can do in its answers.</summary>
    /// <exception cref="InvalidOperationException">The unit is not a 0xCC.</exception>
    public CcCapabilities CcCapabilities => RequireCc().Capabilities;

    /// <summary>
    /// Changes a 0xCC unit's state as its remote would: <paramref name="changes"/> is applied like a
    /// client's control, then the unit pushes a report (frame type 0x04, the query answer's layout,
    /// protocol.md §9.3) on every open connection, as <see cref="RemoteControl(Action{AcState})"/>
    /// does. Assumed: that a 0xCC unit reports after a change by its remote is msmart-ng's reading
    /// of the captured reports, not an observed sequence (protocol.md §9.6).
    /// </summary>
    /// <returns>The new state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The unit is not a 0xCC.</exception>
    public CcState RemoteControl(CcChanges changes)
    {
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        (CcState state, byte[] report) = RequireCc().RemoteControl(changes);
        Push(report);
        return state;
    }

    private CcCommandHandler RequireCc() => _ccHandler ?? throw new InvalidOperationException($"{this} is an air conditioner, not a 0xCC unit.");

    private void Push(byte[] frame)
    {
        DeviceSession[] open;
        lock (_sessions) open = _sessions.ToArray();
        Task.WaitAll(open.Select(session => session.PushAsync(frame)).ToArray(), PushWait);
    }

    /// <summary>
    /// Changes the state as someone using the IR remote would: <paramref name="change"/> edits a
    /// copy, which goes through the rules a client's SetState goes through (a mode the unit lacks
    /// is ignored; what SetState does not carry, such as the display, stays). Then the unit pushes
    /// the new state on every open connection: one type 0x05 frame with an A0 body (protocol.md
    /// §5.10), as a device packet like a reply; on V3 only to connections past their handshake.
    /// Pushes are not subject to <see cref="Faults"/>: those are faults of replies. This returns
    /// once every push is written or its connection found gone, or after <see cref="PushWait"/>.
    /// Whether a real unit pushes after a use of its remote, and whether it also pushes a C0, is
    /// not established (protocol.md §5.10).
    /// </summary>
    /// <returns>The new state, sensors included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    public AcState RemoteControl(Action<AcState> change)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        if (_ccHandler != null) throw new InvalidOperationException($"{this} is a 0xCC unit: use RemoteControl(CcChanges).");
        AcState state = _handler.RemoteControl(change);
        Push(_handler.StateReport(state));
        return state;
    }

    /// <summary>How long <see cref="RemoteControl(Action{AcState})"/> waits for its pushes to be written; a slower one goes on in the background.</summary>
    public static readonly TimeSpan PushWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Moves the running unit to another loopback address, like a unit that got a new DHCP lease:
    /// it keeps its id, token, key, MAC, name, state and faults, drops its open connections, and
    /// from now on answers discovery and TCP on <paramref name="address"/> only, naming it in its
    /// discovery replies. The new address is bound before the old one is let go, so when it is
    /// taken the unit stays where it was. Moving to its own address changes nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not a loopback address.</exception>
    /// <exception cref="SocketException">A port on <paramref name="address"/> is taken; the unit stays where it was.</exception>
    /// <exception cref="ObjectDisposedException">The unit was stopped.</exception>
    public void MoveTo(IPAddress address)
    {
        if (address is null) throw new ArgumentNullException(nameof(address));
        RequireLoopback(address);
        lock (_gate)
        {
            if (_disposed != 0) throw new ObjectDisposedException(ToString());
            if (address.Equals(_address)) return;
            Rebind(address);
        }
        DeviceSession[] open;
        lock (_sessions) open = _sessions.ToArray();
        foreach (DeviceSession session in open) session.Close();
    }

    /// <summary>
    /// Puts the simulated room at these temperatures in °C (null keeps one), so a test can make a
    /// room hot or cold at once; afterwards it moves toward the target or the outdoor temperature as usual.
    /// </summary>
    public void SetRoom(double? indoorCelsius, double? outdoorCelsius) => _handler.SetRoom(indoorCelsius, outdoorCelsius);

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} V{1} {2}:{3}", Name, ProtocolVersion, Address, Port);

    /// <summary>Stops answering and releases the ports.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        Task[] loops;
        lock (_gate)
        {
            CloseSockets();
            loops = _loops.ToArray();
        }
        try
        {
            Task.WaitAll(loops, TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Loops end by their sockets closing; how they ended does not matter here.
        }
        _stop.Dispose();
    }

    internal byte[]? Handle(byte[] frame)
    {
        byte[]? reply = _ccHandler != null ? _ccHandler.Handle(frame) : _handler.Handle(frame);
        Interlocked.Increment(ref _requests);
        return reply;
    }

    /// <summary>The key for a token: the unit's own pair, or one minted from the network (or AP) it knows.</summary>
    internal byte[]? KeyFor(byte[] token)
    {
        if (Crypto.FixedTimeEquals(token, _token)) return _key;
        byte[]? local = _localKey;
        return local is null ? null : LocalKey.Verify(local, token);
    }

    /// <summary>
    /// Checks Wi-Fi settings received in AP mode: prefix (any 14 bytes), then a payload that must
    /// decode and be valid. Null when refused, else the settings to join after acknowledging.
    /// </summary>
    internal WifiSettings? AcceptSettings(byte[] commandData)
    {
        if (!_apMode || commandData.Length <= ProvisioningOptions.PrefixSize) return null;
        try
        {
            WifiSettings settings = ProvisioningPayload.Decode(commandData.AsSpan(ProvisioningOptions.PrefixSize));
            ProvisioningPayload.Validate(settings);
            return settings;
        }
        catch (Exception ex) when (ex is MideaProtocolException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Accepted settings: leave AP mode at once (before the acknowledgement goes out), then after
    /// the join delay appear on the home address with the same id and MAC, keyed to the joined network.
    /// </summary>
    internal void Join(WifiSettings settings)
    {
        lock (_gate)
        {
            if (!_apMode || _disposed != 0) return;
            _apMode = false;
            Interlocked.Increment(ref _provisioned);
            CloseSockets();
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(_options.JoinDelay, _stop.Token).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_disposed != 0) return;
                    JoinedNetwork(settings.Ssid, settings.Passphrase);
                    Rebind(_options.HomeAddress ?? _address);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped while "joining".
            }
            catch (SocketException)
            {
                // The home address is taken: like a unit that never got a lease, it stays invisible.
            }
        });
    }

    private void JoinedNetwork(string ssid, byte[] passphrase)
    {
        _networkSsid = ssid;
        _localKey = LocalKey.Derive(ssid, passphrase, Mac);
    }

    private void CloseSockets()
    {
        foreach (Socket socket in _sockets) socket.Dispose();
        _sockets.Clear();
    }

    /// <summary>
    /// The one check that keeps simulated units off real networks. The message is shown to users as
    /// it is, so it carries no .NET parameter name ("(Parameter 'address')" names nothing they typed).
    /// </summary>
    internal static void RequireLoopback(IPAddress address)
    {
        byte[] bytes = address.GetAddressBytes();
        if (bytes.Length != 4 || bytes[0] != 127)
            throw new ArgumentException($"The simulator binds loopback addresses only (127.0.0.0/8); {address} is not one.");
    }

    /// <summary>
    /// Serves on <paramref name="address"/>: binds its sockets first, so an address that is taken
    /// leaves the unit as it was, then lets the old ones go. Starting, joining a network and moving
    /// all come here. Callers hold <see cref="_gate"/>.
    /// </summary>
    /// <exception cref="SocketException">A port on <paramref name="address"/> cannot be bound.</exception>
    private void Rebind(IPAddress address)
    {
        List<Socket> bound = Bind(address);
        CloseSockets();
        _address = address;
        byte[] reply = DiscoveryReply(address, DeviceId);
        foreach (Socket socket in bound)
        {
            _sockets.Add(socket);
            _loops.Add(socket.SocketType == SocketType.Stream ? Task.Run(() => AcceptLoop(socket, address)) : Task.Run(() => DiscoveryLoop(socket, reply)));
        }
    }

    /// <summary>The TCP listener and the discovery sockets on <paramref name="address"/>; all of them or, on failure, none.</summary>
    private List<Socket> Bind(IPAddress address)
    {
        var bound = new List<Socket>();
        try
        {
            var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            bound.Add(listener);
            // Lets a restarted unit rebind while old connections sit in TIME_WAIT; on Windows the
            // same option would allow two listeners on one port, so it is left off there.
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(address, Port));
            listener.Listen(64);
            foreach (int port in _options.DiscoveryPorts)
            {
                var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                bound.Add(udp);
                udp.Bind(new IPEndPoint(address, port));
            }
            return bound;
        }
        catch
        {
            foreach (Socket socket in bound) socket.Dispose();
            throw;
        }
    }

    private byte[] DiscoveryReply(IPAddress address, long deviceId) => Discovery.EncodeReply(new DiscoveryInfo
    {
        ProtocolVersion = ProtocolVersion,
        DeviceId = deviceId,
        Address = address,
        Port = Port,
        SerialNumber = SerialNumber,
        Name = Name,
        ApplianceType = _ccHandler != null ? AaFrame.CommercialAirConditioner : AaFrame.AirConditioner,
        // 0xCC: the subtype is not known from any capture; 0 is assumed (protocol.md §9.6). An air
        // conditioner names the subtype its appliance answer gives (§5.11).
        Subtype = _ccHandler != null ? 0 : UnitIdentity.For(CapabilityProfile).Subtype,
        Mac = Mac,
    });

    /// <summary>
    /// <see cref="FaultPlan.DiscoveryFlood"/>: replies naming ever new device ids (or garbage) to
    /// <paramref name="client"/> until the flood's time is up or the unit stops; one flood at a time.
    /// </summary>
    private async Task FloodAsync(Socket udp, EndPoint client, ActiveFaults faults, CancellationToken stop)
    {
        if (Interlocked.Exchange(ref _flooding, 1) == 1) return;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            IPAddress address = _address;
            for (long n = 1; clock.Elapsed < faults.Plan.DiscoveryFlood && !stop.IsCancellationRequested; n++)
            {
                byte[] datagram;
                if (faults.Plan.DiscoveryFloodGarbage)
                {
                    datagram = new byte[120];
                    faults.Scramble(datagram, 0);
                }
                else
                {
                    long id = (DeviceId + n) & 0xFFFF_FFFF_FFFF;
                    datagram = DiscoveryReply(address, id == 0 ? 1 : id);
                }
                CountReply(sent: true);
                await udp.SendToAsync(new ArraySegment<byte>(datagram), SocketFlags.None, client).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _flooding, 0);
        }
    }

    private async Task AcceptLoop(Socket listener, IPAddress address)
    {
        CancellationToken stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Socket client = await listener.AcceptAsync().ConfigureAwait(false);
                int limit = _maxConnections;
                if (limit > 0 && Volatile.Read(ref _openSessions) >= limit)
                {
                    // A busy unit: the connection is accepted and closed at once (FIN), nothing sent.
                    Interlocked.Increment(ref _refusedConnections);
                    client.Dispose();
                    continue;
                }
                client.NoDelay = true;
                Interlocked.Increment(ref _connections);
                Interlocked.Increment(ref _openSessions);
                var session = new DeviceSession(client, this, stop);
                lock (_sessions) _sessions.Add(session);
                // Accepted on an address the unit has just left: MoveTo may have missed it.
                if (!address.Equals(_address)) session.Close();
                _ = Task.Run(() => RunSessionAsync(session));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RunSessionAsync(DeviceSession session)
    {
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            lock (_sessions) _sessions.Remove(session);
            session.Dispose();
            Interlocked.Decrement(ref _openSessions);
        }
    }

    private async Task DiscoveryLoop(Socket udp, byte[] reply)
    {
        CancellationToken stop = _stop.Token;
        var buffer = new byte[2048];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                SocketReceiveFromResult received = await udp.ReceiveFromAsync(new ArraySegment<byte>(buffer), SocketFlags.None, new IPEndPoint(IPAddress.Any, 0)).ConfigureAwait(false);
                if (Discovery.IsProbe(new ReadOnlySpan<byte>(buffer, 0, received.ReceivedBytes)))
                {
                    ActiveFaults faults = _faults;
                    if (faults.Plan.IsNone)
                    {
                        CountReply(sent: true);
                        await udp.SendToAsync(new ArraySegment<byte>(reply), SocketFlags.None, received.RemoteEndPoint).ConfigureAwait(false);
                    }
                    else
                    {
                        // Off the loop, so a delayed reply does not hold up the next probe.
                        _ = ReplyWithFaultsAsync(udp, reply, received.RemoteEndPoint, faults, stop);
                    }
                }
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                // A client vanished between probe and reply (ICMP on some platforms); keep serving.
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>A discovery reply under a fault plan: only silence, delay and drops apply to it (see <see cref="FaultPlan"/>), then any flood.</summary>
    private async Task ReplyWithFaultsAsync(Socket udp, byte[] reply, EndPoint client, ActiveFaults faults, CancellationToken stop)
    {
        Socket? spoof = null;
        try
        {
            bool send = await faults.ReleaseAsync(stop).ConfigureAwait(false);
            CountReply(send);
            if (!send) return;
            if (faults.Plan.DiscoveryReplyFrom is IPAddress from)
            {
                // Answers from an address the probe did not go to, on a socket of its own.
                spoof = new Socket(from.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                spoof.Bind(new IPEndPoint(from, 0));
                udp = spoof;
            }
            await udp.SendToAsync(new ArraySegment<byte>(reply), SocketFlags.None, client).ConfigureAwait(false);
            if (faults.Plan.DiscoveryFlood > TimeSpan.Zero) await FloodAsync(udp, client, faults, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The unit stopped during the delay, or the client vanished: a lost datagram either way.
        }
        finally
        {
            spoof?.Dispose();
        }
    }
}
