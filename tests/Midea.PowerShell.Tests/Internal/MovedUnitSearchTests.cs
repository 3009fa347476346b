using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.PowerShell.Tests;

/// <summary>
/// The parts of the search for a saved unit that moved that need no PowerShell: where it looks,
/// which failures start it, the error when it finds nothing, and the search itself against
/// simulated units. Units on 127.0.36.200-229 only (tests/MovedUnits.Tests.ps1 has 127.0.36.1-99).
/// </summary>
public class MovedUnitSearchTests
{
    // Only data, never contacted: SearchRange.Around computes a range and probes nothing; the
    // off-loopback addresses are documentation ranges (RFC 5737), routed nowhere.
    [Theory]
    [InlineData("127.0.36.17", "127.0.36.0/24")]
    [InlineData("192.0.2.254", "192.0.2.0/24")]
    [InlineData("198.51.100.0", "198.51.100.0/24")]
    public void The_default_range_is_the_24_around_the_old_address(string old, string range) =>
        Assert.Equal(range, SearchRange.Around(IPAddress.Parse(old)));

    [Fact]
    public void The_default_range_probes_every_host_of_the_24_but_the_old_address()
    {
        SearchRange range = SearchRange.For(null, IPAddress.Parse("127.0.36.17"));
        Assert.Equal("127.0.36.0/24", range.Text);
        Assert.Equal(253, range.Addresses.Count);
        Assert.DoesNotContain(IPAddress.Parse("127.0.36.17"), range.Addresses);
        Assert.DoesNotContain(IPAddress.Parse("127.0.36.0"), range.Addresses);
        Assert.DoesNotContain(IPAddress.Parse("127.0.36.255"), range.Addresses);
        Assert.All(range.Addresses, a => Assert.StartsWith("127.0.36.", a.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_given_replaces_the_default_and_still_leaves_out_the_old_address()
    {
        SearchRange range = SearchRange.For("127.0.36.60-65", IPAddress.Parse("127.0.36.62"));
        Assert.Equal("127.0.36.60-65", range.Text);
        Assert.Equal(new[] { "127.0.36.60", "127.0.36.61", "127.0.36.63", "127.0.36.64", "127.0.36.65" }, range.Addresses.Select(a => a.ToString()));
    }

    [Fact]
    public void A_range_that_cannot_be_used_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SearchRange.For("127.0.0.0/8", IPAddress.Loopback));
    }

    public static TheoryData<Exception, bool, bool, bool> Failures() => new()
    {
        // failure, connected, answered: looks?
        { new DeviceUnreachableException("refused"), false, false, true },
        { new DeviceTimeoutException("connect or handshake"), false, false, true },
        { new MideaProtocolException(ProtocolFault.WrongDevice, "another id"), true, false, true },
        // A refused V3 key may be another unit that took the address (MissedAsync asks it).
        { new AuthenticationFailedException("rejected"), true, false, true },
        // The unit was there: it accepted the connection (and the V3 key), or answered something.
        { new DeviceTimeoutException("a request"), true, false, false },
        { new DeviceUnreachableException("closed mid-read"), true, true, false },
        { new MideaProtocolException(ProtocolFault.WrongDevice, "after an answer"), true, true, false },
        // Answers, not silence: a move does not explain them.
        { new OutcomeUnknownException("sent, then lost"), false, false, false },
        { new AuthenticationFailedException("rejected after an answer"), true, true, false },
        { new MideaProtocolException(ProtocolFault.BadSign, "garbled"), true, false, false },
        { new NotSupportedByUnitException("refused before sending"), true, true, false },
        { new ArgumentException("bad token"), false, false, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_a_failure_to_reach_the_unit_starts_a_search(Exception failure, bool connected, bool answered, bool looks)
    {
        Assert.Equal(looks, MovedUnitSearch.IsReachFailure(failure, connected, answered));
    }

    [Fact]
    public void Not_found_keeps_the_type_and_fault_so_the_ErrorId_and_says_where_it_looked()
    {
        var refused = new DeviceUnreachableException("Connecting to 127.0.36.5:6444: ConnectionRefused.");
        Exception extended = MovedUnitSearch.NotFound(refused, 1473, "127.0.36.0/24");
        Assert.IsType<DeviceUnreachableException>(extended);
        Assert.Equal("Connecting to 127.0.36.5:6444: ConnectionRefused; unit 1473 was not found elsewhere in 127.0.36.0/24 either.", extended.Message);
        Assert.Same(refused, extended.InnerException);

        Exception timeout = MovedUnitSearch.NotFound(new DeviceTimeoutException("x"), 1, "r");
        Assert.IsType<DeviceTimeoutException>(timeout);
        var wrong = Assert.IsType<MideaProtocolException>(MovedUnitSearch.NotFound(new MideaProtocolException(ProtocolFault.WrongDevice, "x"), 1, "r"));
        Assert.Equal(ProtocolFault.WrongDevice, wrong.Fault);
    }

    [Fact]
    public async Task The_search_finds_the_saved_id_and_stops_when_it_answers()
    {
        using VirtualAirConditioner other = Start("127.0.36.201", 3620100);
        using VirtualAirConditioner unit = Start("127.0.36.202", 3620200);
        StoredDevice saved = Saved(unit, "127.0.36.200");
        var clock = Stopwatch.StartNew();
        DeviceEndpoint? found = await MovedUnitSearch.FindAsync(saved, SearchRange.For("127.0.36.200-209", IPAddress.Parse("127.0.36.200")), _ => { }, null, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal("127.0.36.202", found!.Address.ToString());
        Assert.Equal(3620200, found.DeviceId);
        Assert.Equal(3, found.ProtocolVersion);
        Assert.Equal(saved.Token, found.Token);
        Assert.Equal(saved.Key, found.Key);
        Assert.True(clock.Elapsed < RequestPolicy.MovedUnitSearch, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_search_takes_no_other_id_even_at_the_old_address()
    {
        using VirtualAirConditioner atOld = Start("127.0.36.210", 3621099);
        using VirtualAirConditioner other = Start("127.0.36.211", 3621199);
        var saved = new StoredDevice { Id = 3621000, Address = "127.0.36.210", ProtocolVersion = 3 };
        var lines = new System.Collections.Generic.List<string>();
        DeviceEndpoint? found = await MovedUnitSearch.FindAsync(saved, SearchRange.For("127.0.36.210-211", IPAddress.Parse("127.0.36.210")), lines.Add, lines.Add, CancellationToken.None);
        Assert.Null(found);
        Assert.Contains(lines, l => l.Contains("127.0.36.211 answered as unit 3621199, not 3621000", StringComparison.Ordinal));
        Assert.Contains("Unit 3621000 did not answer discovery in 127.0.36.210-211.", lines);
        // The old address is left out: the unit there was never asked.
        Assert.DoesNotContain(lines, l => l.Contains("127.0.36.210 answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contact_tells_a_refused_connection_from_a_unit_that_answered()
    {
        var refused = new UnitContact();
        using (var session = new DeviceSession(new DeviceEndpoint(IPAddress.Parse("127.0.36.220"), 6444, 3622000, 2), new RequestPolicy(TimeSpan.FromSeconds(1))))
        {
            refused.Begin(session);
            await Assert.ThrowsAsync<DeviceUnreachableException>(() => new AirConditioner(session).GetStateAsync(CancellationToken.None));
            refused.End(session);
        }
        Assert.False(refused.Connected);
        Assert.False(refused.Answered);

        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.36.221"), ProtocolVersion = 2, DeviceId = 3622100 });
        var answered = new UnitContact();
        using (var session = new DeviceSession(new DeviceEndpoint(unit.Address, 6444, 3622100, 2), new RequestPolicy(TimeSpan.FromSeconds(1))))
        {
            answered.Begin(session);
            await new AirConditioner(session).GetStateAsync(CancellationToken.None);
            answered.End(session);
        }
        Assert.True(answered.Connected);
        Assert.True(answered.Answered);
    }

    private static VirtualAirConditioner Start(string address, long id) =>
        VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), DeviceId = id });

    private static StoredDevice Saved(VirtualAirConditioner unit, string oldAddress) => new()
    {
        Id = unit.DeviceId,
        Address = oldAddress,
        ProtocolVersion = 3,
        Token = unit.Token,
        Key = unit.Key,
    };
}
