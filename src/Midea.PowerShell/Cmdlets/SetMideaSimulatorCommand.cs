using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Midea.PowerShell.Internal;
using Midea.Simulator;

namespace Midea.PowerShell.Cmdlets;

/// <summary>
/// Makes simulated units misbehave on demand, to test how scripts cope: delayed, dropped, cut,
/// garbled, truncated or slowly dripped replies, ERROR on authentication, total silence, replies that
/// name another unit or another data group, or a flood of discovery replies. The
/// switches given replace the unit's current faults; -Clear removes them all. Each other parameter
/// set changes one thing and leaves the faults alone: -IndoorTemperature and -OutdoorTemperature
/// the simulated room, -RemoteControl the state as the IR remote would (the unit pushes it to open
/// connections), -MoveTo the unit's address, -MaxConnections how many connections it serves at once.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MideaSimulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = "Faults",
    HelpUri = "https://github.com/midea-powershell/Midea#set-mideasimulator")]
[OutputType(typeof(MideaSimulator))]
public sealed class SetMideaSimulatorCommand : MideaCmdlet
{
    /// <summary>Address of the simulated unit; every running simulator when not given.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IPAddress", "Ip")]
    [ArgumentCompleter(typeof(AddressCompleter))]
    public string[]? Address { get; set; }

    /// <summary>Milliseconds added before every reply.</summary>
    [Parameter(ParameterSetName = "Faults")]
    [ValidateRange(0, 600000)]
    public int ResponseDelayMs { get; set; }

    /// <summary>The next N replies are not sent.</summary>
    [Parameter(ParameterSetName = "Faults")]
    [ValidateRange(0, int.MaxValue)]
    public int DropFirst { get; set; }

    /// <summary>Each reply is dropped with this probability, in percent.</summary>
    [Parameter(ParameterSetName = "Faults")]
    [ValidateRange(0.0, 100.0)]
    public double DropPercent { get; set; }

    /// <summary>Send half a reply, then close the connection.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter CloseMidResponse { get; set; }

    /// <summary>Send random bytes instead of the reply.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter Garbage { get; set; }

    /// <summary>Send the reply without its last bytes.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter Truncate { get; set; }

    /// <summary>Send replies one byte at a time.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter SlowDrip { get; set; }

    /// <summary>Answer every V3 handshake with ERROR.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter AuthError { get; set; }

    /// <summary>Accept connections but answer nothing, not even discovery.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter Silent { get; set; }

    /// <summary>Replies name this device id instead of the unit's own, as a unit answering for another would.</summary>
    [Parameter(ParameterSetName = "Faults")]
    [ValidateRange(0L, 0xFFFF_FFFF_FFFFL)]
    public long ForeignDeviceId { get; set; }

    /// <summary>Answer every data-group query with another group.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter WrongDataGroup { get; set; }

    /// <summary>Send discovery replies from this loopback address instead of the unit's own.</summary>
    [Parameter(ParameterSetName = "Faults")]
    [ValidateNotNullOrEmpty]
    public string? DiscoveryReplyFrom { get; set; }

    /// <summary>After each discovery reply, flood the prober with replies naming new device ids for this many milliseconds.</summary>
    [Parameter(ParameterSetName = "Faults")]
    [ValidateRange(0, 60000)]
    public int DiscoveryFloodMs { get; set; }

    /// <summary>Make the -DiscoveryFloodMs flood undecodable datagrams instead.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public SwitchParameter DiscoveryFloodGarbage { get; set; }

    /// <summary>Seed for -DropPercent, so a run can be repeated exactly.</summary>
    [Parameter(ParameterSetName = "Faults")]
    public int Seed { get; set; }

    /// <summary>Remove every fault.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Clear")]
    public SwitchParameter Clear { get; set; }

    /// <summary>Room temperature in °C that the unit's indoor sensor reads from now on (it then moves as usual).</summary>
    [Parameter(ParameterSetName = "Room")]
    [ValidateRange(-25.0, 100.0)]
    public double IndoorTemperature { get; set; }

    /// <summary>Outdoor temperature in °C: what the outdoor sensor reads, and where an idle room drifts.</summary>
    [Parameter(ParameterSetName = "Room")]
    [ValidateRange(-25.0, 100.0)]
    public double OutdoorTemperature { get; set; }

    /// <summary>
    /// Use the unit's IR remote: keys are state property names with their new values. For an air
    /// conditioner MideaState's (Power, Mode, TargetTemperature, FanSpeed, SwingMode, Eco, Turbo,
    /// Sleep, Purifier, AuxHeat, FreezeProtection); for a 0xCC unit MideaCommercialAcState's (Power,
    /// Mode, TargetTemperature, FanLevel, VerticalSwingAngle, HorizontalSwingAngle, Eco, Silent,
    /// Sleep, Purifier, AuxHeatMode). A key one family lacks is refused for a unit of that family.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = "Remote")]
    [ValidateNotNull]
    public System.Collections.Hashtable? RemoteControl { get; set; }

    /// <summary>Move the unit to this loopback address, as a unit that got a new DHCP lease.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Move")]
    [ValidateNotNullOrEmpty]
    public string? MoveTo { get; set; }

    /// <summary>Most TCP connections the unit serves at once; 0 means no limit.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Limit")]
    [ValidateRange(0, 1000)]
    public int MaxConnections { get; set; }

    /// <summary>Write the simulators afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // The units -RemoteControl reaches, gathered over the whole pipeline.
    private readonly List<VirtualAirConditioner> _remoteUnits = new();

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var units = SimulatorRegistry.Units().Where(u => Address is null || Address.Contains(u.Address.ToString())).ToList();
        foreach (string missing in (Address ?? Array.Empty<string>()).Where(a => units.All(u => u.Address.ToString() != a)))
        {
            WriteError(new ErrorRecord(new ArgumentException($"No simulated unit runs at {missing} in this session."), "SimulatorNotFound", ErrorCategory.ObjectNotFound, missing));
        }
        switch (ParameterSetName)
        {
            case "Room":
                SetRoom(units);
                return;
            case "Remote":
                // Used in EndProcessing, once every piped unit is known: see UseRemote.
                _remoteUnits.AddRange(units.Where(u => !_remoteUnits.Contains(u)));
                return;
            case "Move":
                Move(units);
                return;
            case "Limit":
                Limit(units);
                return;
        }
        FaultPlan plan = Plan();
        foreach (VirtualAirConditioner unit in units)
        {
            if (!ShouldProcess(unit.Address.ToString(), plan.IsNone ? "Clear the simulated faults" : $"Simulate faults: {plan}")) continue;
            unit.Faults = plan;
            WriteVerbose($"{unit}: faults now {(plan.IsNone ? "none" : plan.ToString())}.");
            if (PassThru) WriteObject(new MideaSimulator(unit));
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (ParameterSetName == "Remote") UseRemote(_remoteUnits);
    }

    // The room is separate from the faults, so setting it leaves the unit's faults as they are.
    private void SetRoom(List<VirtualAirConditioner> units)
    {
        double? indoor = MyInvocation.BoundParameters.ContainsKey(nameof(IndoorTemperature)) ? IndoorTemperature : null;
        double? outdoor = MyInvocation.BoundParameters.ContainsKey(nameof(OutdoorTemperature)) ? OutdoorTemperature : null;
        string change = string.Join(", ", new[]
        {
            indoor is double i ? string.Format(CultureInfo.InvariantCulture, "indoor {0} °C", i) : null,
            outdoor is double o ? string.Format(CultureInfo.InvariantCulture, "outdoor {0} °C", o) : null,
        }.Where(part => part is not null));
        foreach (VirtualAirConditioner unit in units)
        {
            if (!ShouldProcess(unit.Address.ToString(), $"Set the simulated room: {change}")) continue;
            unit.SetRoom(indoor, outdoor);
            WriteVerbose($"{unit}: room now {change}.");
            if (PassThru) WriteObject(new MideaSimulator(unit));
        }
    }

    private void UseRemote(List<VirtualAirConditioner> units)
    {
        // Every unit's reading first, piped ones included: a key or value that one of them refuses
        // (a key of the other family among them) must leave them all as they were, not half changed.
        var uses = new List<(VirtualAirConditioner Unit, Action Use, string Description)>();
        try
        {
            foreach (VirtualAirConditioner unit in units)
            {
                (Action use, string description) = RemoteControlKeys.Read(RemoteControl!, unit);
                uses.Add((unit, use, description));
            }
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, RemoteControl));
            return;
        }
        foreach ((VirtualAirConditioner unit, Action use, string description) in uses)
        {
            if (!ShouldProcess(unit.Address.ToString(), $"Use the remote control: {description}")) continue;
            long pushes = unit.PushesSent;
            use();
            WriteVerbose($"{unit}: remote control used ({description}); the new state went to {unit.PushesSent - pushes} open connection(s).");
            if (PassThru) WriteObject(new MideaSimulator(unit));
        }
    }

    // One unit moves at a time: two units on one address cannot be.
    private void Move(List<VirtualAirConditioner> units)
    {
        if (!System.Net.IPAddress.TryParse(MoveTo, out System.Net.IPAddress? to))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-MoveTo takes a loopback address (127.x.y.z), not '{MoveTo}'."), "InvalidArgument", ErrorCategory.InvalidArgument, MoveTo));
            return;
        }
        if (units.Count != 1)
        {
            if (Address is null || units.Count > 1)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-MoveTo moves one unit; name it with -Address ({units.Count} simulated units match)."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, MoveTo));
            }
            return;
        }
        VirtualAirConditioner unit = units[0];
        string from = unit.Address.ToString();
        if (!ShouldProcess(from, $"Move the simulated unit to {to}")) return;
        try
        {
            unit.MoveTo(to);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "InvalidArgument", ErrorCategory.InvalidArgument, MoveTo));
            return;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"Cannot move the simulated unit at {from} to {to}: {ex.Message} (is another simulator or program using that address?) It stays at {from}.", ex),
                "AddressInUse", ErrorCategory.ResourceUnavailable, MoveTo));
            return;
        }
        WriteVerbose($"{unit}: moved from {from}; its open connections were dropped.");
        if (PassThru) WriteObject(new MideaSimulator(unit));
    }

    private void Limit(List<VirtualAirConditioner> units)
    {
        string change = MaxConnections == 0 ? "Serve any number of connections" : $"Serve at most {MaxConnections} connection(s) at once";
        foreach (VirtualAirConditioner unit in units)
        {
            if (!ShouldProcess(unit.Address.ToString(), change)) continue;
            unit.MaxConnections = MaxConnections;
            WriteVerbose($"{unit}: {change.ToLowerInvariant()}.");
            if (PassThru) WriteObject(new MideaSimulator(unit));
        }
    }

    private FaultPlan Plan()
    {
        if (Clear) return FaultPlan.None;
        var plan = new FaultPlan
        {
            ResponseDelay = TimeSpan.FromMilliseconds(ResponseDelayMs),
            DropFirst = DropFirst,
            DropPercent = DropPercent,
            CloseMidResponse = CloseMidResponse,
            Garbage = Garbage,
            Truncate = Truncate,
            SlowDrip = SlowDrip,
            AuthError = AuthError,
            Silent = Silent,
            ForeignDeviceId = ForeignDeviceId,
            WrongDataGroup = WrongDataGroup,
            DiscoveryFlood = TimeSpan.FromMilliseconds(DiscoveryFloodMs),
            DiscoveryFloodGarbage = DiscoveryFloodGarbage,
        };
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Seed))) plan.Seed = Seed;
        if (DiscoveryReplyFrom != null)
        {
            // Loopback only: the simulator never sends from, or to, a real network.
            if (!System.Net.IPAddress.TryParse(DiscoveryReplyFrom, out System.Net.IPAddress? from) || !System.Net.IPAddress.IsLoopback(from))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-DiscoveryReplyFrom takes a loopback address (127.x.y.z), not '{DiscoveryReplyFrom}'."),
                    "InvalidArgument", ErrorCategory.InvalidArgument, DiscoveryReplyFrom));
            }
            plan.DiscoveryReplyFrom = from;
        }
        return plan;
    }
}
