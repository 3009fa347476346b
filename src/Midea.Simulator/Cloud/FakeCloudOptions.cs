using System;
using System.Collections.Generic;
using Midea.Protocol.Codec;

namespace Midea.Simulator.Cloud;

/// <summary>One unit the fake cloud holds a token for.</summary>
public sealed class FakeCloudDevice
{
    internal FakeCloudDevice(long deviceId, byte[] token, byte[] key, bool bigEndian, string? owner)
    {
        DeviceId = deviceId;
        TokenBytes = (byte[])token.Clone();
        KeyBytes = (byte[])key.Clone();
        BigEndian = bigEndian;
        Owner = owner;
        UdpId = Udpid.Compute(deviceId, bigEndian);
    }

    /// <summary>The appliance id.</summary>
    public long DeviceId { get; }

    /// <summary>The byte order of the id whose udpid the token is filed under.</summary>
    public bool BigEndian { get; }

    /// <summary>The udpid the token is filed under.</summary>
    public string UdpId { get; }

    /// <summary>The account that owns the unit on SmartHome; null: every account does.</summary>
    public string? Owner { get; }

    internal byte[] TokenBytes { get; }

    internal byte[] KeyBytes { get; }
}

/// <summary>Accounts, registered units and injected faults of a <see cref="FakeCloud"/>. May be changed while it runs.</summary>
public sealed class FakeCloudOptions
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);
    private readonly List<FakeCloudDevice> _devices = new();

    /// <summary>Adds (or replaces) an account with its plain password.</summary>
    /// <returns>These options, for chaining.</returns>
    public FakeCloudOptions AddAccount(string account, string password)
    {
        if (string.IsNullOrEmpty(account)) throw new ArgumentException("The account is empty.", nameof(account));
        if (password is null) throw new ArgumentNullException(nameof(password));
        lock (_gate) _accounts[account] = password;
        return this;
    }

    /// <summary>
    /// Files a unit's token and key under the udpid of exactly one byte order of its id, so a client has to
    /// find it the way msmart does (little-endian first, then big-endian).
    /// </summary>
    /// <param name="deviceId">The 48-bit appliance id.</param>
    /// <param name="token">The 64-byte V3 token.</param>
    /// <param name="key">The 32-byte V3 key.</param>
    /// <param name="bigEndian">Which byte order's udpid holds the pair.</param>
    /// <param name="owner">The account that owns the unit on SmartHome (others get 3201); null: every account.</param>
    /// <returns>These options, for chaining.</returns>
    public FakeCloudOptions Register(long deviceId, byte[] token, byte[] key, bool bigEndian, string? owner = null)
    {
        if (token is null || token.Length != 64) throw new ArgumentException("A V3 token has 64 bytes.", nameof(token));
        if (key is null || key.Length != 32) throw new ArgumentException("A V3 key has 32 bytes.", nameof(key));
        if (deviceId < 0 || deviceId > 0xFFFF_FFFF_FFFFL) throw new ArgumentOutOfRangeException(nameof(deviceId), deviceId, "An appliance id has 6 bytes.");
        lock (_gate)
        {
            _devices.RemoveAll(d => d.DeviceId == deviceId);
            _devices.Add(new FakeCloudDevice(deviceId, token, key, bigEndian, owner));
        }
        return this;
    }

    /// <summary>The registered units.</summary>
    public IReadOnlyList<FakeCloudDevice> Devices
    {
        get
        {
            lock (_gate) return _devices.ToArray();
        }
    }

    /// <summary>NetHome Plus getToken answers 9999 "system error", as the real one does since 2026 (login still works).</summary>
    public bool NetHomeTokenServiceDown { get; set; }

    /// <summary>SmartHome getToken answers 3004 "value is illegal" without <c>applianceCodes</c> (true, as the real one).</summary>
    public bool RequireApplianceCodes { get; set; } = true;

    /// <summary>
    /// getToken for a udpid that holds no registered pair answers a made-up pair for it (true; a unit refuses
    /// it, as with a wrong byte order on the real cloud) instead of a list without that udpid (false).
    /// </summary>
    public bool IssueTokensForUnknownUdpids { get; set; } = true;

    /// <summary>The first this many requests are answered only after <see cref="StallTime"/> (to test client timeouts).</summary>
    public int StallFirstRequests { get; set; }

    /// <summary>How long a stalled request waits before it is answered.</summary>
    public TimeSpan StallTime { get; set; } = TimeSpan.FromSeconds(30);

    internal bool TryGetPassword(string account, out string password)
    {
        lock (_gate)
        {
            if (_accounts.TryGetValue(account, out string? found))
            {
                password = found;
                return true;
            }
        }
        password = string.Empty;
        return false;
    }
}
