using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Threading;
using Midea.Protocol.Codec;
using Midea.Simulator;

// Runs simulated units in their own process until Ctrl+C or SIGTERM, printing one line per
// unit with its identity and (test) credentials so another program can connect to it.
const string Usage = "usage: midea-simulator [--address 127.0.0.2] [--count 1] [--protocol 2|3] [--device-id N] [--token HEX --key HEX] [--ap-mode [--home-address 127.0.0.12] [--join-delay SECONDS] [--ap-password TEXT]]";

var address = IPAddress.Parse("127.0.0.2");
int count = 1, protocol = 3;
long? deviceId = null;
byte[]? token = null, key = null;
bool apMode = false;
IPAddress? home = null;
double joinDelay = 2;
string apPassword = "12345678";
try
{
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--ap-mode")
        {
            apMode = true;
            continue;
        }
        string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i++])
        {
            case "--address": address = IPAddress.Parse(value); break;
            case "--count": count = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--protocol": protocol = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--device-id": deviceId = long.Parse(value, CultureInfo.InvariantCulture); break;
            case "--token": token = Hex.Decode(value); break;
            case "--key": key = Hex.Decode(value); break;
            case "--home-address": home = IPAddress.Parse(value); break;
            case "--join-delay": joinDelay = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--ap-password": apPassword = value; break;
            default: throw new ArgumentException($"Unknown option {args[i - 1]}.");
        }
    }
    if (count > 1 && deviceId != null) throw new ArgumentException("--device-id names one unit; do not combine it with --count.");
    if (!apMode && home != null) throw new ArgumentException("--home-address applies to --ap-mode units only.");
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

IReadOnlyList<VirtualAirConditioner> units;
try
{
    var homes = home is null ? new List<IPAddress>() : new List<IPAddress>(SimulatorFleet.Consecutive(home, count));
    int next = 0;
    units = SimulatorFleet.Start(address, count, o =>
    {
        o.ApMode = apMode;
        o.HomeAddress = homes.Count == 0 ? null : homes[next++];
        o.JoinDelay = TimeSpan.FromSeconds(joinDelay);
        o.ApPassword = apPassword;
        o.ProtocolVersion = protocol;
        o.DeviceId = deviceId;
        o.Token = token;
        o.Key = key;
    });
}
catch (Exception ex) when (ex is ArgumentException or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine($"Cannot start: {ex.Message}");
    return 1;
}

foreach (VirtualAirConditioner unit in units)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"address={unit.Address} port={unit.Port} id={unit.DeviceId} protocol={unit.ProtocolVersion} ap-mode={unit.ApMode} name={unit.Name} mac={Hex.Encode(unit.Mac)} token={Hex.Encode(unit.Token)} key={Hex.Encode(unit.Key)}"));
}
Console.WriteLine("running; Ctrl+C stops");

using var stopped = new ManualResetEventSlim();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.Set(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.Set();
stopped.Wait();
foreach (VirtualAirConditioner unit in units) unit.Dispose();
return 0;
