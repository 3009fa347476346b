using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace Midea.Protocol.Transport;

/// <summary>Turns user-written targets (IP, host name, CIDR range, first-last range) into IPv4 addresses to probe.</summary>
public static class DiscoveryTargets
{
    /// <summary>Largest range expanded (a /16); bigger sweeps are almost always a typo.</summary>
    public const int MaxRangeSize = 65536;

    /// <summary>The limited broadcast address.</summary>
    public static readonly IPAddress Broadcast = IPAddress.Broadcast;

    /// <summary>
    /// Expands one target. A CIDR range yields its host addresses (network and broadcast addresses
    /// excluded below /31); a first-last range (127.0.0.1-127.0.0.50, or 127.0.0.1-50) yields
    /// exactly the addresses between, so a sweep of units only can end as soon as all have answered.
    /// </summary>
    /// <exception cref="ArgumentException">The target is not an IPv4 address, a resolvable name or a range of at most 65536 addresses.</exception>
    public static IReadOnlyList<IPAddress> Expand(string target)
    {
        if (string.IsNullOrWhiteSpace(target)) throw Invalid("An empty target was given.");
        target = target.Trim();
        int slash = target.IndexOf('/');
        if (slash >= 0) return ExpandRange(target, slash);
        int dash = target.IndexOf('-');
        if (dash > 0 && IPAddress.TryParse(target.Substring(0, dash), out IPAddress? start) && start.AddressFamily == AddressFamily.InterNetwork)
            return ExpandSpan(target, start, target.Substring(dash + 1));
        if (IPAddress.TryParse(target, out IPAddress? address))
        {
            if (address.AddressFamily != AddressFamily.InterNetwork) throw Invalid($"'{target}' is not IPv4; Midea units speak IPv4 only.");
            return new[] { address };
        }
        IPAddress[] resolved;
        try
        {
            resolved = Dns.GetHostAddresses(target);
        }
        catch (SocketException ex)
        {
            throw Invalid($"'{target}' is neither an IPv4 address, a CIDR range nor a name that resolves ({ex.SocketErrorCode}).", ex);
        }
        IPAddress[] v4 = resolved.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToArray();
        if (v4.Length == 0) throw Invalid($"'{target}' has no IPv4 address.");
        return new[] { v4[0] };
    }

    /// <summary>
    /// A target the user typed that cannot be used. No parameter name is given: .NET would append
    /// "(Parameter 'target')" to the message, which names no parameter of any cmdlet; the message
    /// quotes the target itself instead.
    /// </summary>
    private static ArgumentException Invalid(string message, Exception? inner = null) => new(message, inner);

    private static List<IPAddress> ExpandSpan(string target, IPAddress start, string end)
    {
        uint first = ToUInt(start);
        uint last;
        if (IPAddress.TryParse(end, out IPAddress? stop) && stop.AddressFamily == AddressFamily.InterNetwork && end.Contains('.')) last = ToUInt(stop);
        else if (byte.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out byte octet)) last = (first & 0xFFFFFF00) | octet;
        else throw Invalid($"'{target}' is not a range such as 127.0.0.1-127.0.0.50 or 127.0.0.1-50.");
        if (last < first) throw Invalid($"'{target}' ends before it starts.");
        if (last - first + 1L > MaxRangeSize) throw Invalid($"'{target}' holds {last - first + 1L} addresses; ranges up to {MaxRangeSize} are swept.");
        var addresses = new List<IPAddress>((int)(last - first + 1));
        for (ulong v = first; v <= last; v++) addresses.Add(FromUInt((uint)v));
        return addresses;
    }

    private static uint ToUInt(IPAddress address)
    {
        byte[] b = address.GetAddressBytes();
        return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
    }

    private static IPAddress FromUInt(uint v) => new(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v });

    private static List<IPAddress> ExpandRange(string target, int slash)
    {
        if (!IPAddress.TryParse(target.Substring(0, slash), out IPAddress? network) || network.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(target.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int prefix) || prefix > 32)
            throw Invalid($"'{target}' is not an IPv4 CIDR range such as 127.0.0.0/28.");
        long size = 1L << (32 - prefix);
        if (size > MaxRangeSize) throw Invalid($"'{target}' holds {size} addresses; ranges up to /16 ({MaxRangeSize}) are swept.");
        byte[] bytes = network.GetAddressBytes();
        uint value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        uint first = value & (prefix == 0 ? 0 : uint.MaxValue << (32 - prefix));
        uint last = first + (uint)(size - 1);
        if (size > 2)
        {
            first++;
            last--;
        }
        var addresses = new List<IPAddress>((int)(last - first + 1));
        for (uint v = first; v <= last && v >= first; v++)
        {
            addresses.Add(new IPAddress(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v }));
        }
        return addresses;
    }
}
