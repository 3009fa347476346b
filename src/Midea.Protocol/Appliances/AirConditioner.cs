using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Ac;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Appliances;

/// <summary>
/// An air conditioner (appliance type 0xAC): what a read asks and how its parts may fail, which
/// energy format to trust, what a change may ask of this unit and how it splits into SetState and
/// B0 properties (the buzzer entry, the breeze fallback, °F). Each public call is one operation of
/// the session (<see cref="DeviceSession.OperationAsync"/>).
/// </summary>
public sealed class AirConditioner : Appliance
{
    /// <summary>The appliance type byte of air conditioners, in discovery replies and AA frame headers.</summary>
    public const byte ApplianceType = AaFrame.AirConditioner;

    // Data group 4 carries the energy counters (protocol.md §5.9).
    private const int EnergyGroup = 4;

    private readonly CapabilityCache? _cache;

    /// <summary>Drives the air conditioner of <paramref name="session"/>.</summary>
    /// <param name="session">The session with the unit, which every call goes through.</param>
    /// <param name="capabilities">Capabilities already read, shared across sessions; null to always ask.</param>
    public AirConditioner(DeviceSession session, CapabilityCache? capabilities = null) : base(session) => _cache = capabilities;

    /// <summary>The state (GetState → C0), which neither wakes nor beeps the unit.</summary>
    public Task<AcState> GetStateAsync(CancellationToken cancel) => Session.OperationAsync(ReadStateAsync, cancel);

    /// <inheritdoc/>
    public override Task ProbeAsync(CancellationToken cancel) => GetStateAsync(cancel);

    /// <summary>The capabilities: from the cache unless <paramref name="fresh"/>, else page 1 and page 2 when page 1 says there is one; remembered.</summary>
    public Task<AcCapabilities> GetCapabilitiesAsync(bool fresh, CancellationToken cancel) =>
        Session.OperationAsync(async t =>
        {
            AcCapabilities? known = fresh ? null : _cache?.Find(Session.Endpoint.DeviceId);
            if (known != null) return known;
            var pages = new List<CapabilityPage>();
            for (int page = 1; page <= 2; page++)
            {
                int number = page;
                // Notifications (B5 of type 05) are not taken for the answer.
                AaFrame reply = await Session.RequestAsync(id => CapabilityCodec.Request(number, id), CapabilityCodec.Id, FrameType.Query, RequestKind.Read, t).ConfigureAwait(false);
                pages.Add(CapabilityCodec.ParsePage(reply.Body));
                if (!pages[pages.Count - 1].MorePages) break;
            }
            AcCapabilities caps = AcCapabilities.FromPages(pages.ToArray());
            _cache?.Remember(Session.Endpoint.DeviceId, caps);
            return caps;
        }, cancel);

    /// <summary>
    /// What the unit says of itself in its answer to the appliance query (frame type 0xA0,
    /// protocol.md §5.11): its message-protocol version and subtype. A call of its own, so the
    /// capability cache and every other read never pay for it. Asked once, with midea-local's
    /// bytes, and waited for at most <see cref="RequestPolicy.ApplianceInfoLimit"/>: the answer only
    /// informs, and a unit that stays silent must cost one short wait. The unit's failure is never
    /// thrown: a unit that stays silent, answers something else or cannot be reached gives no info
    /// and the reason, in words for a warning. Only the caller stopping throws.
    /// </summary>
    /// <returns>The answer read, or null and why there is none.</returns>
    public Task<(ApplianceInfo? Info, string? Missing)> GetApplianceInfoAsync(CancellationToken cancel) =>
        Session.OperationAsync(async t =>
        {
            TimeSpan wait = Session.Policy.ApplianceInfoLimit;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(t);
            limit.CancelAfter(wait);
            try
            {
                // ReadOnce: silence is an answer here, and asking again only waits longer.
                AaFrame answer = await Session.RequestAsync(_ => ApplianceInfoCodec.Request(ApplianceType), ApplianceInfoCodec.AnswerId, FrameType.QueryAppliance, RequestKind.ReadOnce, limit.Token).ConfigureAwait(false);
                return ((ApplianceInfo?)ApplianceInfoCodec.Parse(answer), (string?)null);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !t.IsCancellationRequested)
            {
                return (null, $"{Address}: the unit did not answer the appliance query within {wait.TotalSeconds:0.#} s.");
            }
            catch (MideaException ex) when (!t.IsCancellationRequested)
            {
                return (null, $"{Address}: no answer to the appliance query: {Reason(ex)}.");
            }
        }, cancel);

    /// <summary>
    /// The state and the <paramref name="parts"/> asked for. The state is what was asked for and the
    /// parts are extras: a part that does not answer, answers with something else, or does not decode
    /// is left out with a warning that says what came back; it never costs the state.
    /// </summary>
    /// <param name="parts">The parts to read besides the state; None reads the state alone.</param>
    /// <param name="energyFormat">How to read the energy counters; Auto lets the capabilities decide, and asks only a unit that reports energy.</param>
    /// <param name="cancel">Stops the read.</param>
    public Task<AcReading> ReadAsync(AcParts parts, EnergyFormat energyFormat, CancellationToken cancel) =>
        Session.OperationAsync(async t =>
        {
            var reading = new AcReading(await ReadStateAsync(t).ConfigureAwait(false));
            if (parts == AcParts.None) return reading;
            List<string> warnings = reading.WarningList;
            AcCapabilities? caps = await OptionalAsync("the capabilities", () => GetCapabilitiesAsync(parts.HasFlag(AcParts.Capabilities), t), warnings, t).ConfigureAwait(false);
            if (parts.HasFlag(AcParts.Capabilities)) reading.Capabilities = caps;
            if (parts.HasFlag(AcParts.Properties))
            {
                if (caps is null) warnings.Add($"{Address}: without the capabilities it is not known which properties the unit has, so they are left out.");
                else reading.Properties = await OptionalAsync("the properties", () => ReadPropertiesAsync(caps, t), warnings, t).ConfigureAwait(false);
            }
            if (parts.HasFlag(AcParts.Energy)) reading.Energy = await ReadEnergyAsync(caps, energyFormat, warnings, t).ConfigureAwait(false);
            if (parts.HasFlag(AcParts.Diagnostics)) reading.Diagnostics = await ReadDiagnosticsAsync(caps, warnings, t).ConfigureAwait(false);
            return reading;
        }, cancel);

    /// <summary>
    /// Changes the fields <paramref name="change"/> names. The capabilities are read (or taken from
    /// the cache) and every field is checked against them before anything is sent. State fields go
    /// by SetState, which takes every field at once: the state is read, changed and sent back.
    /// Feature fields go by B0, each with its own result. Nothing is ever sent twice.
    /// </summary>
    /// <exception cref="NotSupportedByUnitException">A field the unit cannot take; nothing was sent.</exception>
    /// <exception cref="OutcomeUnknownException">A change was sent, then the answer did not come.</exception>
    public Task<AcChangeResult> ApplyAsync(AcChange change, CancellationToken cancel)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        change.Validate();
        return Session.OperationAsync(async t =>
        {
            var gate = new CapabilityGate(await GetCapabilitiesAsync(false, t).ConfigureAwait(false), Address);
            double? celsius = TargetCelsius(gate, change);
            CheckState(gate, change);
            List<(string Field, PropertyValue Value)> properties = BuildProperties(gate, change);

            AcState? reported = null;
            if (change.ChangesState)
            {
                AcState current = await ReadStateAsync(t).ConfigureAwait(false);
                AcState desired = Apply(current.Clone(), change, celsius);
                reported = await RequestStateAsync(id => AcCommands.SetState(desired, change.Beep, id), RequestKind.Change, t).ConfigureAwait(false);
            }
            IReadOnlyList<PropertyValue> answers = Array.Empty<PropertyValue>();
            if (properties.Count > 0)
            {
                // The buzzer entry rides along with every B0, as the vendor app sends it.
                var values = properties.Select(p => p.Value).Append(PropertyValues.Buzzer(change.Beep)).ToList();
                AaFrame reply;
                try
                {
                    reply = await Session.RequestAsync(id => PropertyCodec.SetRequest(values, id), PropertyCodec.SetId, FrameType.Set, RequestKind.Change, t).ConfigureAwait(false);
                }
                catch (OutcomeUnknownException ex) when (reported != null)
                {
                    // Two changes, one known: the unit answered SetState, so only the properties are in doubt.
                    throw new OutcomeUnknownException(
                        $"{Session.Endpoint}: the state fields were applied (the unit answered SetState); the feature properties "
                        + $"({string.Join(", ", properties.Select(p => p.Field).Distinct())}) were sent and may or may not have been applied; "
                        + $"read them with Get-MideaState -IncludeProperties. After sending: {Cause(ex)}.", ex.InnerException);
                }
                answers = PropertyCodec.ParseReply(reply.Body);
            }
            reported ??= await ReadStateAsync(t).ConfigureAwait(false);
            if (properties.Count == 0) return new AcChangeResult(reported, null, Array.Empty<AcPropertyResult>());
            // Refused entries echo the value asked for, not one the unit holds, so only applied ones are decoded.
            AcProperties applied = AcProperties.Decode(answers.Where(a => !a.Failed));
            var results = properties.Select(p =>
            {
                PropertyValue? answer = answers.FirstOrDefault(a => a.Id == p.Value.Id);
                return new AcPropertyResult(p.Field, answer is { Failed: false }, answer?.Result ?? 0xFF);
            }).ToArray();
            return new AcChangeResult(reported, applied, results);
        }, cancel);
    }

    /// <summary>
    /// Turns the display on or off, or flips it (<paramref name="on"/> null). The protocol only
    /// toggles, so on and off read the state first and toggle only when needed.
    /// </summary>
    /// <returns>The state the unit reports, and whether a toggle was sent.</returns>
    /// <exception cref="NotSupportedByUnitException">The unit reports no display control; nothing was sent.</exception>
    public Task<(AcState State, bool Toggled)> SetDisplayAsync(bool? on, bool beep, CancellationToken cancel) =>
        Session.OperationAsync(async t =>
        {
            AcCapabilities caps = await GetCapabilitiesAsync(false, t).ConfigureAwait(false);
            new CapabilityGate(caps, Address).Feature("display control", caps.DisplayControl);
            if (on is { } wanted)
            {
                AcState current = await ReadStateAsync(t).ConfigureAwait(false);
                if (current.Display == wanted) return (current, false);
            }
            return (await RequestStateAsync(id => AcCommands.ToggleDisplay(beep, id), RequestKind.Change, t).ConfigureAwait(false), true);
        }, cancel);

    private Task<AcState> ReadStateAsync(CancellationToken cancel) => RequestStateAsync(AcCommands.GetState, RequestKind.Read, cancel);

    private async Task<AcState> RequestStateAsync(Func<byte, byte[]> frame, RequestKind kind, CancellationToken cancel)
    {
        AaFrame reply = await Session.RequestAsync(frame, AcCommands.StateResponseId, null, kind, cancel).ConfigureAwait(false);
        return StateCodec.Parse(reply.Body);
    }

    /// <summary>The properties the capabilities back (what msmart polls); empty when there are none.</summary>
    private async Task<AcProperties> ReadPropertiesAsync(AcCapabilities caps, CancellationToken cancel)
    {
        if (caps.PolledProperties.Count == 0) return AcProperties.Decode(Array.Empty<PropertyValue>());
        IReadOnlyList<ushort> ids = caps.PolledProperties;
        AaFrame reply = await Session.RequestAsync(id => PropertyCodec.GetRequest(ids, id), PropertyCodec.GetId, FrameType.Query, RequestKind.Read, cancel).ConfigureAwait(false);
        return AcProperties.Decode(PropertyCodec.ParseReply(reply.Body));
    }

    /// <summary>
    /// Energy, or null with a warning when the unit reports no energy and no format was forced, or
    /// when the group does not come back (silence, another group, bytes that do not decode).
    /// </summary>
    /// <param name="caps">Null when the capabilities could not be read: then only a forced format asks.</param>
    /// <param name="format">How to read the counters; Auto asks only a unit whose capabilities report energy.</param>
    /// <param name="warnings">The reading's warnings, to which the reason for a missing or doubtful energy is added.</param>
    /// <param name="cancel">Stops the read.</param>
    private async Task<AcEnergy?> ReadEnergyAsync(AcCapabilities? caps, EnergyFormat format, List<string> warnings, CancellationToken cancel)
    {
        if (format == EnergyFormat.Auto && caps is not { EnergyStats: true })
        {
            warnings.Add(caps is null
                ? $"{Address}: without the capabilities the energy format is unknown, so energy is left out; give -EnergyFormat Bcd or Binary to ask anyway."
                : $"{Address}: the unit reports no energy counters; give -EnergyFormat Bcd or Binary to ask anyway.");
            return null;
        }
        try
        {
            // Asked once: a unit without the group stays silent, and asking again only waits longer.
            byte[] body = await ReadGroupAsync(EnergyGroup, cancel).ConfigureAwait(false);
            AcEnergy energy = AcEnergy.Read(GroupCodec.ParseEnergy(body), format, caps?.EnergyBcd ?? false);
            foreach (string warning in energy.Warnings) warnings.Add($"{Address}: {warning}");
            return energy;
        }
        catch (MideaException ex) when (!cancel.IsCancellationRequested)
        {
            warnings.Add($"{Address}: the energy group ({EnergyGroup}) is missing: {Reason(ex)}.");
            return null;
        }
    }

    /// <summary>
    /// The diagnostic groups, each asked once; a group that does not come back as itself in time is
    /// listed as missing, with a warning that says what came instead (the session reconnects for the next one).
    /// </summary>
    /// <param name="caps">Null when the capabilities could not be read: the humidity group is then not asked.</param>
    /// <param name="warnings">The reading's warnings, to which each missing group is added.</param>
    /// <param name="cancel">Stops the read.</param>
    private async Task<AcDiagnostics> ReadDiagnosticsAsync(AcCapabilities? caps, List<string> warnings, CancellationToken cancel)
    {
        var answered = new Dictionary<int, byte[]>();
        var silent = new List<int>();
        var missing = new List<int>();
        foreach (int group in AcDiagnostics.Groups(caps))
        {
            try
            {
                answered[group] = await ReadGroupAsync(group, cancel).ConfigureAwait(false);
                continue;
            }
            catch (DeviceTimeoutException) when (!cancel.IsCancellationRequested)
            {
                silent.Add(group);
            }
            catch (MideaException ex) when (!cancel.IsCancellationRequested)
            {
                warnings.Add($"{Address}: data group {group} is missing: {Reason(ex)}.");
            }
            missing.Add(group);
        }
        // Silence is what a unit without a group gives, so those are named together in one line.
        if (silent.Count > 0) warnings.Add($"{Address}: data group(s) {string.Join(", ", silent)} did not answer.");
        AcDiagnostics diagnostics = AcDiagnostics.Read(answered, missing);
        foreach (string warning in diagnostics.Warnings) warnings.Add($"{Address}: {warning}");
        return diagnostics;
    }

    /// <summary>One data group (C1), asked once; the reply must be the group asked for.</summary>
    /// <exception cref="InvalidDeviceResponseException">The unit answered with another group.</exception>
    internal async Task<byte[]> ReadGroupAsync(int group, CancellationToken cancel)
    {
        AaFrame reply = await Session.RequestAsync(id => GroupCodec.Request(group, id), GroupCodec.ResponseId, FrameType.Query, RequestKind.ReadOnce, cancel).ConfigureAwait(false);
        int answered = GroupCodec.GroupOf(reply.Body);
        if (answered != group) throw new InvalidDeviceResponseException($"asked for data group {group}, the unit answered with group {answered}.");
        return reply.Body;
    }

    /// <summary>Runs the read of one optional part; when the unit fails it (anything but the caller stopping or running out of time), adds a warning and returns null.</summary>
    private async Task<T?> OptionalAsync<T>(string part, Func<Task<T>> read, List<string> warnings, CancellationToken cancel) where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (MideaException ex) when (!cancel.IsCancellationRequested)
        {
            warnings.Add($"{Address}: left out {part}: {Reason(ex)}.");
            return null;
        }
    }

    /// <summary>What ended an unknown outcome, from the session's exception.</summary>
    private static string Cause(OutcomeUnknownException ex) =>
        ex.InnerException is OperationCanceledException ? "the time allowed ran out" : (ex.InnerException ?? ex).Message.TrimEnd('.');

    /// <summary>What came back instead of a part, in words for a warning.</summary>
    private static string Reason(MideaException ex) => ex is DeviceTimeoutException ? "the unit did not answer in time" : ex.Message.TrimEnd('.');

    /// <summary>The target in °C (the unit takes °C in 0.5 steps; a °F target is converted to the nearest), checked against the unit's range.</summary>
    private static double? TargetCelsius(CapabilityGate gate, AcChange change)
    {
        if (change.TargetTemperature is not { } given) return null;
        double celsius = change.TargetInFahrenheit ? Ac.Fahrenheit.ToCelsius(given) : given;
        gate.Temperature(celsius, change.TargetInFahrenheit, given);
        return celsius;
    }

    private static void CheckState(CapabilityGate gate, AcChange change)
    {
        AcCapabilities caps = gate.Capabilities;
        if (change.Mode is { } mode) gate.OneOf(nameof(AcChange.Mode), mode, caps.Modes);
        if (change.FanSpeed is { } fan && !caps.CustomFanSpeed) gate.OneOf(nameof(AcChange.FanSpeed), fan, caps.FanSpeeds.Select(f => (FanSpeed)f));
        if (change.FanSpeedPercent.HasValue) gate.Feature("custom fan speed (-FanSpeedPercent)", caps.CustomFanSpeed);
        if (change.SwingMode is { } swing) gate.OneOf(nameof(AcChange.SwingMode), swing, caps.SwingModes);
        if (change.Eco.HasValue) gate.Feature(nameof(AcChange.Eco), caps.Eco);
        if (change.Turbo.HasValue) gate.Feature(nameof(AcChange.Turbo), caps.Turbo);
        if (change.FreezeProtection.HasValue) gate.Feature(nameof(AcChange.FreezeProtection), caps.FreezeProtection);
        if (change.Fahrenheit.HasValue) gate.Feature("Fahrenheit display", caps.Fahrenheit);
        if (change.TargetHumidity.HasValue) gate.Feature(nameof(AcChange.TargetHumidity), caps.TargetHumidity);
        if (change.Purifier.HasValue) gate.Feature(nameof(AcChange.Purifier), caps.Purifier);
        if (change.AuxHeat is { } aux) gate.OneOf(nameof(AcChange.AuxHeat), aux, caps.AuxModes);
    }

    private static List<(string Field, PropertyValue Value)> BuildProperties(CapabilityGate gate, AcChange change)
    {
        AcCapabilities caps = gate.Capabilities;
        var values = new List<(string, PropertyValue)>();
        if (change.VerticalSwingAngle is { } vertical)
        {
            gate.Feature(nameof(AcChange.VerticalSwingAngle), caps.VerticalSwingAngle);
            values.Add((nameof(AcChange.VerticalSwingAngle), PropertyValues.SwingAngle(true, (byte)vertical)));
        }
        if (change.HorizontalSwingAngle is { } horizontal)
        {
            gate.Feature(nameof(AcChange.HorizontalSwingAngle), caps.HorizontalSwingAngle);
            values.Add((nameof(AcChange.HorizontalSwingAngle), PropertyValues.SwingAngle(false, (byte)horizontal)));
        }
        if (change.Breeze is { } breeze)
        {
            foreach (PropertyValue value in BreezeValues(gate, breeze)) values.Add((nameof(AcChange.Breeze), value));
        }
        if (change.StartSelfClean)
        {
            gate.Feature("self clean", caps.SelfClean);
            values.Add((nameof(AcChange.StartSelfClean), PropertyValues.SelfClean()));
        }
        if (change.IEco is { } ieco)
        {
            gate.Feature(nameof(AcChange.IEco), caps.IEcoSupported);
            values.Add((nameof(AcChange.IEco), PropertyValues.IEco(ieco, (byte)caps.IEcoNumber)));
        }
        if (change.RateSelect is { } rate)
        {
            gate.OneOf(nameof(AcChange.RateSelect), rate, caps.RateSelects.Select(r => (RateSelect)r));
            values.Add((nameof(AcChange.RateSelect), PropertyValues.RateSelect((byte)rate)));
        }
        if (change.FreshAir is { } fresh)
        {
            gate.Feature(nameof(AcChange.FreshAir), caps.FreshAir);
            // Off is the switch byte; the speed byte must still be a speed.
            values.Add((nameof(AcChange.FreshAir), PropertyValues.FreshAir(fresh != FreshAirSpeed.Off, fresh == FreshAirSpeed.Off ? (byte)FreshAirSpeed.Low : (byte)fresh)));
        }
        if (change.Cascade is { } cascade)
        {
            gate.Feature(nameof(AcChange.Cascade), caps.Cascade);
            values.Add((nameof(AcChange.Cascade), PropertyValues.Cascade((byte)cascade)));
        }
        if (change.Flash is { } flash)
        {
            gate.Feature(nameof(AcChange.Flash), caps.Flash);
            values.Add((nameof(AcChange.Flash), PropertyValues.Flash(flash)));
        }
        if (change.OutSilent is { } outSilent)
        {
            gate.Feature(nameof(AcChange.OutSilent), caps.OutSilent);
            values.Add((nameof(AcChange.OutSilent), PropertyValues.OutSilent(outSilent)));
        }
        return values;
    }

    /// <summary>Breeze through property 0x43 when the unit has it, else the older 0x42 (away) and 0x18 (breezeless).</summary>
    private static IEnumerable<PropertyValue> BreezeValues(CapabilityGate gate, BreezeSetting breeze)
    {
        AcCapabilities caps = gate.Capabilities;
        gate.OneOf(nameof(AcChange.Breeze), breeze, BreezeSettings(caps));
        if (caps.BreezeControl) return new[] { PropertyValues.Breeze(breeze) };
        var values = new List<PropertyValue>();
        if (caps.BreezeAway) values.Add(PropertyValues.BreezeAway(breeze == BreezeSetting.BreezeAway));
        if (caps.BreezelessMode) values.Add(PropertyValues.Breezeless(breeze == BreezeSetting.Breezeless));
        return values;
    }

    /// <summary>The breeze settings a unit offers: Off first when it has any mode, then its modes; empty without breeze.</summary>
    public static IReadOnlyList<BreezeSetting> BreezeSettings(AcCapabilities caps)
    {
        if (caps is null) throw new ArgumentNullException(nameof(caps));
        var offered = new List<BreezeSetting>();
        if (caps.BreezeAway) offered.Add(BreezeSetting.BreezeAway);
        if (caps.BreezeMild) offered.Add(BreezeSetting.BreezeMild);
        if (caps.BreezelessMode) offered.Add(BreezeSetting.Breezeless);
        if (offered.Count > 0) offered.Insert(0, BreezeSetting.Off);
        return offered;
    }

    /// <summary>
    /// The breeze setting a unit is in, from property 0x43 or, on older units, 0x42 and 0x18; null when it reports
    /// none of them. The three are views of one setting on a unit (protocol.md §5.8, "Breeze"), so 0x43 decides
    /// when it was read.
    /// </summary>
    public static BreezeSetting? BreezeOf(AcProperties properties)
    {
        if (properties is null) throw new ArgumentNullException(nameof(properties));
        if (properties.Breeze is { } mode) return mode;
        if (properties.BreezeAway == true) return BreezeSetting.BreezeAway;
        if (properties.Breezeless == true) return BreezeSetting.Breezeless;
        return properties.BreezeAway is null && properties.Breezeless is null ? null : BreezeSetting.Off;
    }

    /// <summary>
    /// Breezeless on (midea-local's "breezeless", property 0x18), read from 0x43 (mode 4) when that was read, else
    /// from 0x18; null when the reading has neither, that is when the unit has no breezeless mode.
    /// </summary>
    public static bool? BreezelessOf(AcProperties properties)
    {
        if (properties is null) throw new ArgumentNullException(nameof(properties));
        return properties.Breeze is null && properties.Breezeless is null ? null : properties.BreezelessOn;
    }

    /// <summary>
    /// Indirect wind on (midea-local's "indirect_wind", msmart's breeze away, property 0x42), read from 0x43
    /// (mode 2) when that was read, else from 0x42; null when the reading has neither, that is when the unit has
    /// no breeze away.
    /// </summary>
    public static bool? IndirectWindOf(AcProperties properties)
    {
        if (properties is null) throw new ArgumentNullException(nameof(properties));
        return properties.Breeze is null && properties.BreezeAway is null ? null : properties.BreezeAwayOn;
    }

    /// <summary>The auxiliary heat a state shows: aux only, with the heat pump, or off.</summary>
    public static AuxiliaryHeat AuxiliaryHeatOf(AcState state)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        return state.IndependentAuxHeat ? AuxiliaryHeat.Only : state.AuxHeat ? AuxiliaryHeat.On : AuxiliaryHeat.Off;
    }

    /// <summary>The auxiliary heat modes a unit offers; empty when it has none but Off.</summary>
    public static IReadOnlyList<AuxiliaryHeat> AuxiliaryHeatModes(AcCapabilities caps)
    {
        if (caps is null) throw new ArgumentNullException(nameof(caps));
        return caps.AuxModes.Count > 1 ? caps.AuxModes : Array.Empty<AuxiliaryHeat>();
    }

    /// <summary>The format a unit's energy counters are in by its capabilities; Auto when it reports no energy.</summary>
    public static EnergyFormat EnergyFormatOf(AcCapabilities caps)
    {
        if (caps is null) throw new ArgumentNullException(nameof(caps));
        return !caps.EnergyStats ? EnergyFormat.Auto : caps.EnergyBcd ? EnergyFormat.Bcd : EnergyFormat.Binary;
    }

    private static AcState Apply(AcState state, AcChange change, double? celsius)
    {
        if (change.Power is { } power) state.Power = power;
        if (change.Mode is { } mode) state.Mode = mode;
        if (celsius is { } target) state.TargetTemperature = target;
        if (change.FanSpeed is { } fan) state.FanSpeed = (byte)fan;
        if (change.FanSpeedPercent is { } percent) state.FanSpeed = (byte)percent;
        if (change.SwingMode is { } swing) state.Swing = swing;
        if (change.Eco is { } eco) state.Eco = eco;
        if (change.Turbo is { } turbo) state.Turbo = turbo;
        if (change.Sleep is { } sleep) state.Sleep = sleep;
        if (change.FreezeProtection is { } freeze) state.FreezeProtection = freeze;
        if (change.Fahrenheit is { } fahrenheit) state.Fahrenheit = fahrenheit;
        if (change.TargetHumidity is { } humidity) state.TargetHumidity = humidity;
        if (change.FollowMe is { } followMe) state.FollowMe = followMe;
        if (change.Purifier is { } purifier) state.Purifier = purifier;
        if (change.AuxHeat is { } aux)
        {
            state.AuxHeat = aux == AuxiliaryHeat.On;
            state.IndependentAuxHeat = aux == AuxiliaryHeat.Only;
        }
        return state;
    }
}
