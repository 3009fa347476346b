using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Appliances;
using Midea.Protocol.Transport;
using Midea.Simulator;

// Two measurements (loopback only, 127.0.8.250):
//   latency: one GetState on an open V3 connection to an in-process simulated unit, median and
//            95th percentile of many, against the same on V2 (baseline, no second encryption layer);
//   codec:   BenchmarkDotNet on the client's encode and decode of one GetState exchange.
if (args.Contains("--latency") || !args.Contains("--codec")) Latency.Run();
if (args.Contains("--codec") || !args.Contains("--latency")) BenchmarkRunner.Run<Midea.Bench.CodecBenchmarks>(args: args.Where(a => !a.StartsWith("--l", StringComparison.Ordinal) && !a.StartsWith("--c", StringComparison.Ordinal)).ToArray());

internal static class Latency
{
    public static void Run()
    {
        foreach (int version in new[] { 2, 3 })
        {
            using VirtualAirConditioner unit = VirtualAirConditioner.Start(new SimulatorOptions { Address = IPAddress.Parse("127.0.8.250"), ProtocolVersion = version });
            var endpoint = new DeviceEndpoint(unit.Address, unit.Port, unit.DeviceId, version, unit.Token, unit.Key);
            using var session = new DeviceSession(endpoint, RequestPolicy.Default);
            var client = new AirConditioner(session);
            for (int i = 0; i < 500; i++) client.GetStateAsync(default).GetAwaiter().GetResult();
            var samples = new double[5000];
            for (int i = 0; i < samples.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                client.GetStateAsync(default).GetAwaiter().GetResult();
                samples[i] = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
            }
            Array.Sort(samples);
            Console.WriteLine($"V{version} GetState on an open connection: median {samples[samples.Length / 2]:0.000} ms, p95 {samples[samples.Length * 95 / 100]:0.000} ms, n={samples.Length}");
        }
    }
}

namespace Midea.Bench
{
/// <summary>The client's side of one GetState exchange on V3, without any socket.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CodecBenchmarks
{
    private readonly byte[] _linkKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private byte[] _reply = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        byte[] frame = AaFrame.Encode(FrameType.Query, StateCodec.Encode(new AcState { Power = true, IndoorTemperature = 24.5 }, 1), 3);
        byte[] v2 = V2Packet.Encode(V2Magic.Response, 1, frame, V2Packet.Timestamp(DateTime.UtcNow), V2Packet.DeviceReserved(3));
        _reply = V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedResponse, 1, v2);
    }

    [Benchmark(Description = "Encode a V3 GetState request")]
    public byte[] EncodeRequest()
    {
        byte[] v2 = V2Packet.Encode(V2Magic.Request, 1, AcCommands.GetState(1), V2Packet.Timestamp(DateTime.UtcNow));
        return V3Packet.EncodeEncrypted(_linkKey, V3PacketType.EncryptedRequest, 1, v2);
    }

    [Benchmark(Description = "Decode a V3 C0 reply to a state")]
    public AcState DecodeReply()
    {
        byte[] v2 = V3Packet.DecodeEncrypted(_linkKey, _reply).Data;
        return StateCodec.Parse(AaFrame.Decode(V2Packet.Decode(v2).Payload).Body);
    }
}
}
