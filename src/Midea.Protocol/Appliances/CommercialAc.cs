using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Cc;
using Midea.Protocol.Codec;
using Midea.Protocol.Transport;

namespace Midea.Protocol.Appliances;

/// <summary>
/// A commercial air conditioner (appliance type 0xCC): one query answers both state and
/// capabilities, and a control sets only the fields it names (protocol.md §9). Each public call is
/// one operation of the session (<see cref="DeviceSession.OperationAsync"/>).
/// </summary>
public sealed class CommercialAc : Appliance
{
    /// <summary>The appliance type byte of commercial air conditioners, in discovery replies and AA frame headers.</summary>
    public const byte ApplianceType = AaFrame.CommercialAirConditioner;

    // A control answer is a list of entries; the first byte of the first is the high byte of its id,
    // 0 for every id in use (§9.4). It comes in a frame of type 0x02, so it is never taken for a query answer.
    private const byte ControlAnswerId = 0x00;

    /// <summary>Drives the commercial unit of <paramref name="session"/>.</summary>
    public CommercialAc(DeviceSession session) : base(session)
    {
    }

    /// <summary>The state and capabilities, from one query (§9.2); it neither wakes nor beeps the unit.</summary>
    public Task<CcQueryAnswer> ReadAsync(CancellationToken cancel) => Session.OperationAsync(QueryAsync, cancel);

    /// <inheritdoc/>
    public override Task ProbeAsync(CancellationToken cancel) => ReadAsync(cancel);

    /// <summary>
    /// Sets the fields <paramref name="change"/> names, and only those: the unit is asked first, each
    /// field is checked against the capabilities its answer carries, then one control is sent with
    /// one entry per field. Nothing is ever sent twice.
    /// </summary>
    /// <returns>The state the unit reported before, with the entries its control answer confirmed; and the fields it did not confirm.</returns>
    /// <exception cref="NotSupportedByUnitException">A field the unit cannot take; nothing was sent.</exception>
    /// <exception cref="OutcomeUnknownException">The control was sent, then the answer did not come.</exception>
    public Task<CcChangeResult> ApplyAsync(CcChanges change, CancellationToken cancel)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        IReadOnlyList<CcControl> named = change.Named;
        if (named.Count == 0) throw new ArgumentException("The change names no field.", nameof(change));
        return Session.OperationAsync(async t =>
        {
            CcQueryAnswer before = await QueryAsync(t).ConfigureAwait(false);
            Check(before.Capabilities, change);
            AaFrame reply = await Session.RequestAsync(id => CcControlCodec.Control(change, id), ControlAnswerId, FrameType.Set, RequestKind.Change, t).ConfigureAwait(false);
            CcChanges confirmed = CcControlCodec.ParseEntries(reply.Body);
            HashSet<CcControl> answered = new(confirmed.Named);
            return new CcChangeResult(confirmed.ApplyTo(before.State), named.Where(c => !answered.Contains(c)).ToArray());
        }, cancel);
    }

    private async Task<CcQueryAnswer> QueryAsync(CancellationToken cancel)
    {
        AaFrame reply = await Session.RequestAsync(CcQueryCodec.Query, CcQueryCodec.Id, FrameType.Query, RequestKind.Read, cancel).ConfigureAwait(false);
        return CcQueryCodec.ParseAnswer(reply.Body);
    }

    /// <summary>Refuses, before anything is sent, a field the capabilities rule out; the message names what the unit offers.</summary>
    private void Check(CcCapabilities caps, CcChanges change)
    {
        if (change.TargetTemperature is { } target) CapabilityGate.Celsius(Address, target, caps.MinimumTargetTemperature, caps.MaximumTargetTemperature);
        if (change.Mode is { } mode) OneOf("Mode", mode, caps.Modes);
        if (change.FanSpeed.HasValue) Feature("fan speed", caps.FanSpeed);
        if (change.VerticalSwingAngle.HasValue) Feature("vertical swing angle", caps.VerticalSwingAngle);
        if (change.HorizontalSwingAngle.HasValue) Feature("horizontal swing angle", caps.HorizontalSwingAngle);
        if (change.WindSense.HasValue) Feature("wind sense", caps.WindSense);
        if (change.TargetHumidity.HasValue) Feature("target humidity", caps.Humidity);
        if (change.Eco.HasValue) Feature("eco", caps.Eco);
        if (change.Silent.HasValue) Feature("silent", caps.Silent);
        if (change.Sleep.HasValue) Feature("sleep", caps.Sleep);
        if (change.SelfClean.HasValue) Feature("self clean", caps.SelfClean);
        if (change.Purifier is { } purifier)
        {
            Feature("purifier", caps.Purifier);
            if (purifier == CcPurifier.Auto) Feature("purifier auto", caps.PurifierAuto);
        }
        if (change.AuxiliaryHeat is { } aux) OneOf("AuxHeat", aux, caps.AuxiliaryHeatModes);
    }

    private void Feature(string field, bool supported) => CapabilityGate.Feature(Address, field, supported);

    private void OneOf<T>(string field, T value, IReadOnlyList<T> supported) => CapabilityGate.OneOf(Address, field, value, supported);
}

/// <summary>What a change of a commercial unit did.</summary>
public sealed class CcChangeResult
{
    internal CcChangeResult(CcState reported, IReadOnlyList<CcControl> unconfirmed)
    {
        Reported = reported;
        Unconfirmed = unconfirmed;
    }

    /// <summary>The state the unit reported before the change, with the fields its control answer confirmed.</summary>
    public CcState Reported { get; }

    /// <summary>The controls sent that the answer did not confirm; empty when it confirmed all.</summary>
    public IReadOnlyList<CcControl> Unconfirmed { get; }
}
