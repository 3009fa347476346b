using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>The one home of limits and retries (127.0.34.40-49).</summary>
public class RequestPolicyTests
{
    [Fact]
    public void The_operation_deadline_allows_every_request_its_full_time_and_the_backoff()
    {
        var policy = new RequestPolicy(TimeSpan.FromSeconds(2)) { FirstBackoff = TimeSpan.FromMilliseconds(100) };
        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.BackoffBefore(2));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.BackoffBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(2 * (1 + RequestPolicy.MostRequestsPerOperation)) + TimeSpan.FromMilliseconds(300), policy.OperationDeadline);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPolicy(TimeSpan.Zero));
    }

    [Fact]
    public void Broken_connections_and_garbled_bytes_are_asked_again_and_answers_and_timeouts_are_not()
    {
        Assert.True(RequestPolicy.IsRetryable(new DeviceUnreachableException("closed")));
        Assert.True(RequestPolicy.IsRetryable(new SocketException((int)SocketError.ConnectionReset)));
        Assert.True(RequestPolicy.IsRetryable(new MideaProtocolException(ProtocolFault.BadSign, "garbled")));
        Assert.False(RequestPolicy.IsRetryable(new MideaProtocolException(ProtocolFault.Unsupported, "V1")));
        Assert.False(RequestPolicy.IsRetryable(new AuthenticationFailedException("refused")));
        Assert.False(RequestPolicy.IsRetryable(new DeviceTimeoutException("silent")));
    }

    [Fact]
    public void A_change_counts_as_sent_once_written_unless_the_unit_answered_error()
    {
        Assert.False(RequestPolicy.MayHaveApplied(4, 4, new DeviceUnreachableException("refused")));
        Assert.True(RequestPolicy.MayHaveApplied(4, 5, new DeviceTimeoutException("silent")));
        Assert.False(RequestPolicy.MayHaveApplied(4, 5, new AuthenticationFailedException("ERROR")));
    }

    [Fact]
    public async Task An_operation_that_makes_more_requests_than_the_bound_fails_loudly_instead_of_running_out_of_time()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.34.40"), ProtocolVersion = 2 });
        using var session = new DeviceSession(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, 2), RequestPolicy.Default);
        AcProbe probe = AcProbe.On(session);
        await session.OperationAsync(async t =>
        {
            for (int i = 0; i < RequestPolicy.MostRequestsPerOperation; i++) await probe.GetStateAsync(t);
            return true;
        }, default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.OperationAsync(async t =>
        {
            for (int i = 0; i <= RequestPolicy.MostRequestsPerOperation; i++) await probe.GetStateAsync(t);
            return true;
        }, default));
    }
}
