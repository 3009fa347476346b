using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Appliances;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;
using Midea.Simulator;

namespace Midea.Protocol.Tests;

/// <summary>
/// A kept connection: pushes received while idle and while a request waits (never taken for its
/// answer), a connection the unit ends replaced before the next request, and the heartbeat
/// (127.0.9.120-129).
/// </summary>
public class PushTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static DeviceSession Session(VirtualAirConditioner unit) =>
        new(new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, unit.ProtocolVersion, unit.Token, unit.Key), new RequestPolicy(Timeout));

    [Theory]
    [InlineData("127.0.9.120", 3)]
    [InlineData("127.0.9.121", 2)]
    public async Task A_push_reaches_an_idle_session_and_the_next_read_shows_the_change(string address, int version)
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse(address), ProtocolVersion = version });
        using DeviceSession session = Session(unit);
        var pushed = new TaskCompletionSource<AaFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Pushed += frame => pushed.TrySetResult(frame);
        var ac = new AirConditioner(session);
        Assert.False((await ac.GetStateAsync(default)).Power);

        unit.RemoteControl(state => state.Power = true);
        AaFrame frame = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal((byte)FrameType.Notify, frame.FrameType);
        Assert.Equal(NotifyCodec.StateReportId, frame.Id);
        Assert.True(NotifyCodec.ParseStateReport(frame.Body)!.Power);
        Assert.True((await ac.GetStateAsync(default)).Power);
        Assert.Equal(1, unit.Connections);
    }

    [Fact]
    public async Task Pushed_frames_before_the_answer_are_raised_and_never_taken_for_it()
    {
        // A scripted V2 device: to GetState it first pushes an A0 (type 05) and a C0 of type 04
        // carrying another state, then answers with the C0 of type 03.
        var address = IPAddress.Parse("127.0.9.122");
        using var listener = new TcpListener(address, 6444);
        listener.Start();
        var pushedState = new AcState { Power = false, TargetTemperature = 30 };
        var answer = new AcState { Power = true, TargetTemperature = 21 };
        Task device = Task.Run(async () =>
        {
            using TcpClient peer = await listener.AcceptTcpClientAsync();
            NetworkStream stream = peer.GetStream();
            var buffer = new byte[512];
            Assert.True(await stream.ReadAsync(buffer.AsMemory()) > 0);
            byte[][] frames =
            {
                AaFrame.Encode(FrameType.Notify, NotifyCodec.EncodeStateReport(pushedState)),
                AaFrame.Encode(FrameType.Report, StateCodec.Encode(pushedState, 1)),
                AaFrame.Encode(FrameType.Query, StateCodec.Encode(answer, 1)),
            };
            foreach (byte[] frame in frames)
            {
                await stream.WriteAsync(V2Packet.Encode(V2Magic.Response, 1, frame).AsMemory());
                await Task.Delay(20);
            }
            Assert.Equal(0, await stream.ReadAsync(buffer.AsMemory()));
        });
        var pushes = new ConcurrentQueue<AaFrame>();
        using (var session = new DeviceSession(new DeviceEndpoint(address, 6444, 1, 2), new RequestPolicy(Timeout)))
        {
            session.Pushed += pushes.Enqueue;
            AcState state = await new AirConditioner(session).GetStateAsync(default);
            Assert.True(state.Power);
            Assert.Equal(21, state.TargetTemperature);
        }
        await device;
        listener.Stop();
        Assert.Equal(new byte[] { NotifyCodec.StateReportId, AcCommands.StateResponseId }, pushes.ToArray().Select(f => f.Id));
    }

    [Fact]
    public async Task A_connection_the_unit_ended_while_idle_is_replaced_before_a_change_is_sent()
    {
        var address = IPAddress.Parse("127.0.9.123");
        var first = VirtualAirConditioner.Start(new SimulatorOptions { Address = address, DeviceId = 9123 });
        using DeviceSession session = Session(first);
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.ConnectionLost += reason => lost.TrySetResult(reason);
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        first.Dispose();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(session.IsConnected);

        using VirtualAirConditioner again = VirtualAirConditioner.Start(new SimulatorOptions { Address = address, DeviceId = 9123, Token = first.Token, Key = first.Key });
        AcChangeResult result = await ac.ApplyAsync(new AcChange { Power = true }, default);
        Assert.True(result.Reported.Power);
        Assert.Equal(1, again.Connections);
        Assert.Equal(2, session.Connects);
    }

    [Fact]
    public async Task The_heartbeat_is_taken_silently_and_keeps_the_connection()
    {
        using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.9.124") });
        using DeviceSession session = Session(unit);
        var ac = new AirConditioner(session);
        await ac.GetStateAsync(default);
        await session.HeartbeatAsync(default);
        await session.HeartbeatAsync(default);
        await ac.GetStateAsync(default);
        Assert.Equal(2, unit.Heartbeats);
        Assert.Equal(1, unit.Connections);
        Assert.True(session.IsConnected);
    }
}
