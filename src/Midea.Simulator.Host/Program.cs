using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Threading;
using Midea.Protocol.Codec;
using Midea.Simulator;
using Midea.Simulator.Cloud;

// Runs simulated units in their own process until Ctrl+C or SIGTERM, printing one line per
// unit with its identity and (test) credentials so another program can connect to it.
const string Usage = "usage: midea-simulator [--address 127.0.0.2] [--count 1] [--protocol 2|3] [--device-type ac|cc] [--device-id N] [--token HEX --key HEX] [--ap-mode [--home-address 127.0.0.12] [--join-delay SECONDS] [--ap-password TEXT]] [--cloud-port N] [--cloud-account USER:PASSWORD]... [--cloud-byte-order le|be] [--cloud-down]";

// Asking for help is not a mistake: the usage alone, on stdout, and success. Checked before the
// options are parsed, so "--help" is never read as an option missing its value.
if (Array.Exists(args, a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(Usage);
    return 0;
}

var address = IPAddress.Parse("127.0.0.2");
int count = 1, protocol = 3;
var deviceType = DeviceType.AirConditioner;
long? deviceId = null;
byte[]? token = null, key = null;
bool apMode = false;
IPAddress? home = null;
double joinDelay = 2;
string apPassword = "12345678";
// The fake vendor cloud (both NetHome Plus and SmartHome) runs when any --cloud-* option is given.
bool cloud = false, cloudDown = false, cloudBigEndian = true;
int cloudPort = 0;
var cloudAccounts = new List<KeyValuePair<string, string>>();
try
{
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--ap-mode")
        {
            apMode = true;
            continue;
        }
        if (args[i] == "--cloud-down")
        {
            cloud = cloudDown = true;
            continue;
        }
        string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i++])
        {
            case "--address": address = IPAddress.Parse(value); break;
            case "--count": count = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--protocol": protocol = int.Parse(value, CultureInfo.InvariantCulture); break;
            case "--device-type":
                // Named as its discovery reply names the type (protocol.md §9.8); the printed line repeats it.
                deviceType = value switch
                {
                    "ac" => DeviceType.AirConditioner,
                    "cc" => DeviceType.CommercialAc,
                    _ => throw new ArgumentException("--device-type is ac or cc."),
                };
                break;
            case "--device-id": deviceId = long.Parse(value, CultureInfo.InvariantCulture); break;
            case "--token": token = Hex.Decode(value); break;
            case "--key": key = Hex.Decode(value); break;
            case "--home-address": home = IPAddress.Parse(value); break;
            case "--join-delay": joinDelay = double.Parse(value, CultureInfo.InvariantCulture); break;
            case "--ap-password": apPassword = value; break;
            case "--cloud-port":
                cloud = true;
                cloudPort = int.Parse(value, CultureInfo.InvariantCulture);
                if (cloudPort is < 0 or > 65535) throw new ArgumentException("--cloud-port is 0..65535 (0 picks a free port).");
                break;
            case "--cloud-account":
                cloud = true;
                int colon = value.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0) throw new ArgumentException("--cloud-account takes USER:PASSWORD.");
                cloudAccounts.Add(new KeyValuePair<string, string>(value[..colon], value[(colon + 1)..]));
                break;
            case "--cloud-byte-order":
                cloud = true;
                cloudBigEndian = value switch
                {
                    "be" => true,
                    "le" => false,
                    _ => throw new ArgumentException("--cloud-byte-order is le or be."),
                };
                break;
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
        o.DeviceType = deviceType;
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

FakeCloud? fakeCloud = null;
if (cloud)
{
    // Every V3 unit's own pair is filed under one byte order of its id; the first account owns them on SmartHome.
    try
    {
        var cloudOptions = new FakeCloudOptions { NetHomeTokenServiceDown = cloudDown };
        foreach (KeyValuePair<string, string> account in cloudAccounts) cloudOptions.AddAccount(account.Key, account.Value);
        string? owner = cloudAccounts.Count > 0 ? cloudAccounts[0].Key : null;
        foreach (VirtualAirConditioner unit in units)
        {
            if (unit.ProtocolVersion == 3) cloudOptions.Register(unit.DeviceId, unit.Token, unit.Key, cloudBigEndian, owner);
        }
        fakeCloud = FakeCloud.Start(address, cloudPort, cloudOptions);
    }
    catch (Exception ex) when (ex is ArgumentException or HttpListenerException or System.Net.Sockets.SocketException)
    {
        foreach (VirtualAirConditioner unit in units) unit.Dispose();
        Console.Error.WriteLine($"Cannot start the fake cloud: {ex.Message}");
        return 1;
    }
}

foreach (VirtualAirConditioner unit in units)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"address={unit.Address} port={unit.Port} id={unit.DeviceId} protocol={unit.ProtocolVersion} device-type={(unit.DeviceType == DeviceType.CommercialAc ? "cc" : "ac")} ap-mode={unit.ApMode} name={unit.Name} mac={Hex.Encode(unit.Mac)} token={Hex.Encode(unit.Token)} key={Hex.Encode(unit.Key)}"));
}
if (fakeCloud is not null) Console.WriteLine($"cloud={fakeCloud.BaseUri}");
Console.WriteLine("running; Ctrl+C stops");

using var stopped = new ManualResetEventSlim();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.Set(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopped.Set();
stopped.Wait();
fakeCloud?.Dispose();
foreach (VirtualAirConditioner unit in units) unit.Dispose();
return 0;
