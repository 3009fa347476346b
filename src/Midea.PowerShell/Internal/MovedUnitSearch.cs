using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Midea.PowerShell.Internal.Store;
using Midea.Protocol;
using Midea.Protocol.Transport;

namespace Midea.PowerShell.Internal;

/// <summary>
/// Finds a saved unit that no longer answers at its stored address, because DHCP gave it another,
/// by its device id; the command then runs once more at the new address, and the store learns it.
/// It looks only when reaching the unit failed before it answered anything: the connection was
/// refused or unreachable, the connect or V3 handshake timed out, or the unit at the address
/// answered as another device id. Anything later (a change that may have been applied above all)
/// is reported as it is. Only a discovery reply with the saved id counts, so another unit,
/// even one that took the old address, is never adopted. Used by Get-/Set-MideaState and
/// Test-MideaConnection (-SearchRange); <see cref="FindAsync"/> is the search alone.
/// </summary>
internal sealed class MovedUnitSearch
{
    private readonly string? _range;
    private readonly Action<string> _verbose;
    private readonly Action<string> _debug;
    private readonly Action<string> _warning;

    /// <param name="range">-SearchRange as given (a Find-MideaDevice target); null for the /24 around the old address.</param>
    /// <param name="verbose">The steps of the search, for a -Verbose reader.</param>
    /// <param name="debug">The protocol trace of the search.</param>
    /// <param name="warning">The one warning that a unit moved.</param>
    public MovedUnitSearch(string? range, Action<string> verbose, Action<string> debug, Action<string> warning)
    {
        _range = range;
        _verbose = verbose;
        _debug = debug;
        _warning = warning;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> for <paramref name="request"/>; when it fails to reach a
    /// saved unit, looks for the unit (in a slot of <paramref name="inSlot"/>), runs the attempt
    /// once more at the new address, and records the address once that succeeded.
    /// </summary>
    /// <exception cref="MideaException">The first failure, extended by where the unit was looked for when the search did not find it; or the second attempt's failure.</exception>
    public async Task<T> RunAsync<T>(DeviceRequest request, Func<DeviceRequest, UnitContact, Task<T>> attempt,
        Func<Func<Task<DeviceRequest>>, Task<DeviceRequest>> inSlot, CancellationToken stop)
    {
        var contact = new UnitContact();
        try
        {
            return await attempt(request, contact).ConfigureAwait(false);
        }
        catch (Exception failure) when (!stop.IsCancellationRequested && IsReachFailure(failure, contact.Connected, contact.Answered))
        {
            if (await MissedAsync(request, contact, failure, stop).ConfigureAwait(false) is not MovedUnit missed) throw;
            DeviceRequest there = await inSlot(() => RelocateAsync(request, missed, failure, stop)).ConfigureAwait(false);
            T result = await attempt(there, new UnitContact()).ConfigureAwait(false);
            Adopt(missed, there);
            return result;
        }
    }

    /// <summary>
    /// Whether <paramref name="failure"/> is one a move may explain: nothing at the address answered
    /// (refused, unreachable, a connect or handshake that timed out, no discovery answer), a unit
    /// answered as another device id, or a V3 unit refused the saved key (another unit may have
    /// taken the address; <see cref="MissedAsync"/> asks it). A unit that answered a request, or
    /// accepted the connection and the V3 handshake, was there, and a change it may have applied is
    /// never sent elsewhere.
    /// </summary>
    /// <param name="failure">What the attempt ended with.</param>
    /// <param name="connected">The attempt opened a connection to the address (<see cref="UnitContact.Connected"/>).</param>
    /// <param name="answered">The unit answered a request during the attempt (<see cref="UnitContact.Answered"/>).</param>
    public static bool IsReachFailure(Exception failure, bool connected, bool answered) => !answered && failure switch
    {
        MideaProtocolException { Fault: ProtocolFault.WrongDevice } => true,
        AuthenticationFailedException => true,
        DeviceUnreachableException or DeviceTimeoutException => !connected,
        _ => false,
    };

    /// <summary>
    /// The saved unit a failed attempt was after: the store's entry at the address the request
    /// names, with the device id it names or resolved to (when no id is known, the only entry at
    /// that address). Null when the store has none (nothing to look for, nothing to update) or
    /// cannot be read, which is said in a verbose line and leaves the failure as it is.
    /// </summary>
    public MovedUnit? Missed(DeviceRequest request, UnitContact contact) => Missed(request, contact, _verbose);

    /// <summary>
    /// <see cref="Missed(DeviceRequest, UnitContact)"/>, after a <paramref name="failure"/> that
    /// <see cref="IsReachFailure"/> accepts. A refused V3 key is a move only when the stored address
    /// now answers discovery as another device id: when the saved unit itself answers there, the key
    /// is wrong and the refusal stands.
    /// </summary>
    public async Task<MovedUnit?> MissedAsync(DeviceRequest request, UnitContact contact, Exception failure, CancellationToken cancel)
    {
        if (Missed(request, contact) is not MovedUnit missed) return null;
        if (failure is not AuthenticationFailedException) return missed;
        long there;
        try
        {
            there = (await UnitDiscovery.AskAsync(missed.Old, RequestPolicy.MovedUnitSearch, () => "", _debug, cancel).ConfigureAwait(false)).Info.DeviceId;
        }
        catch (Exception ex) when (ex is DeviceUnreachableException or MideaProtocolException)
        {
            _verbose($"{missed.Old} refused the saved key and did not answer discovery: not looking elsewhere.");
            return null;
        }
        if (there == missed.Unit.Id)
        {
            _verbose($"{missed.Old} refused the saved key and is unit {there}: the key is wrong, not the address.");
            return null;
        }
        _verbose($"{missed.Old} refused the saved key and answers as unit {there}, not {missed.Unit.Id}.");
        return missed;
    }

    private static MovedUnit? Missed(DeviceRequest request, UnitContact contact, Action<string> verbose)
    {
        long id = contact.Endpoint?.DeviceId ?? request.Id;
        List<StoredDevice> here;
        IPAddress old;
        try
        {
            here = DeviceStore.Load().Where(d => string.Equals(d.Address, request.Address, StringComparison.OrdinalIgnoreCase) && (id == 0 || d.Id == id)).ToList();
            if (here.Count != 1) return null;
            old = contact.Endpoint?.Address ?? DiscoveryTargets.Expand(request.Address)[0];
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            verbose($"{request.Address}: not looking for a moved unit: {ex.Message}");
            return null;
        }
        return new MovedUnit(here[0], old);
    }

    /// <summary>Looks for <paramref name="missed"/> after <paramref name="failure"/>: the request to run once more at its new address.</summary>
    /// <exception cref="MideaException"><paramref name="failure"/>, extended by where the unit was looked for, when it did not answer there.</exception>
    public async Task<DeviceRequest> RelocateAsync(DeviceRequest request, MovedUnit missed, Exception failure, CancellationToken cancel)
    {
        SearchRange range = SearchRange.For(_range, missed.Old);
        _verbose($"{missed.Old} {Why(failure)}; looking for unit {missed.Unit.Id} in {range.Text} (up to {RequestPolicy.MovedUnitSearch.TotalSeconds:0.#} s).");
        DeviceEndpoint? found = await FindAsync(missed.Unit, range, _verbose, _debug, cancel).ConfigureAwait(false);
        if (found is null) throw NotFound(failure, missed.Unit.Id, range.Text);
        return request with { Address = found.Address.ToString(), Id = found.DeviceId, ProtocolVersion = found.ProtocolVersion };
    }

    /// <summary>
    /// Looks for <paramref name="unit"/> by its device id in <paramref name="range"/> with unicast
    /// discovery, for <see cref="RequestPolicy.MovedUnitSearch"/> at most, and stops as soon as the
    /// id answers. Only a reply with the saved id counts, from an address that was asked
    /// (<see cref="DiscoveryClient"/>'s own checks of the source).
    /// </summary>
    /// <param name="unit">The saved unit: its id is looked for, its port, token and key go into the endpoint.</param>
    /// <param name="range">Where to look (<see cref="SearchRange.For"/>).</param>
    /// <param name="verbose">One line for the outcome, for a -Verbose reader.</param>
    /// <param name="debug">The protocol trace, and each other id that answered.</param>
    /// <param name="cancel">Ends the search early.</param>
    /// <returns>The unit at its new address, with the stored port, token and key and the version and type its reply gives; null when the id did not answer.</returns>
    public static async Task<DeviceEndpoint?> FindAsync(StoredDevice unit, SearchRange range, Action<string> verbose, Action<string>? debug, CancellationToken cancel)
    {
        DiscoveryResult? found = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        void Heard(DiscoveryResult reply)
        {
            if (reply.Kind != DiscoveryReplyKind.Device || found != null) return;
            if (reply.Info!.DeviceId != unit.Id)
            {
                // Another unit, even one at the old address, is never taken for this one.
                debug?.Invoke($"{reply.Source} answered as unit {reply.Info.DeviceId}, not {unit.Id}.");
                return;
            }
            found = reply;
            stop.Cancel();
        }
        try
        {
            await DiscoveryClient.RunAsync(range.Addresses, Array.Empty<IPAddress>(), RequestPolicy.MovedUnitSearch, Heard, 0, stop.Token, debug).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (found != null && !cancel.IsCancellationRequested)
        {
            // Stopped on purpose: the unit answered.
        }
        if (found is null)
        {
            verbose($"Unit {unit.Id} did not answer discovery in {range.Text}.");
            return null;
        }
        verbose($"Unit {unit.Id} answered discovery at {found.Source}.");
        return new DeviceEndpoint(found.Source, unit.Port, unit.Id, found.Info!.ProtocolVersion, unit.Token, unit.Key, found.Info.ApplianceType);
    }

    /// <summary>
    /// <paramref name="failure"/> with the same type (so the same ErrorId) and a message that
    /// also says where the unit was looked for.
    /// </summary>
    public static Exception NotFound(Exception failure, long id, string range)
    {
        string message = $"{failure.Message.TrimEnd('.')}; unit {id} was not found elsewhere in {range} either.";
        return failure switch
        {
            DeviceUnreachableException => new DeviceUnreachableException(message, failure),
            DeviceTimeoutException => new DeviceTimeoutException(message, failure),
            MideaProtocolException protocol => new MideaProtocolException(protocol.Fault, message, failure),
            _ => failure,
        };
    }

    /// <summary>
    /// After the command succeeded at the new address (so a V3 unit proved its key there): the
    /// store gets the address, keeping everything else, and one warning says so. A stored host
    /// name is not replaced by a DHCP address; the warning says what to do instead.
    /// </summary>
    public void Adopt(MovedUnit missed, DeviceRequest there)
    {
        StoredDevice unit = missed.Unit;
        string now = there.Address;
        // What Find-MideaDevice remembered at the old address is no longer there.
        KnownDevices.Forget(missed.Old.ToString());
        if (!IPAddress.TryParse(unit.Address, out IPAddress? stored) || stored.ToString() != unit.Address)
        {
            _warning($"Unit {unit.Id} answered at {now}, not at {unit.Address} ({missed.Old}); the store keeps the name {unit.Address}: correct its DNS entry, or save the address with Save-MideaDevice -Id {unit.Id} -Address {now}.");
            return;
        }
        try
        {
            bool saved = DeviceStore.Update(devices =>
            {
                // Another process may have changed the entry meanwhile; its word stands.
                StoredDevice? entry = devices.Find(d => d.Id == unit.Id);
                if (entry is null || entry.Address != unit.Address) return false;
                entry.Address = now;
                entry.SavedUtc = DateTime.UtcNow;
                return true;
            }, _debug);
            _warning(saved
                ? $"Unit {unit.Id} moved from {unit.Address} to {now}; the store now has the new address."
                : $"Unit {unit.Id} moved from {unit.Address} to {now}; its stored entry changed meanwhile, so the store was left as it is.");
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            _warning($"Unit {unit.Id} moved from {unit.Address} to {now}; the store could not be updated: {ex.Message}");
        }
    }

    private static string Why(Exception failure) => failure switch
    {
        DeviceTimeoutException => "did not answer in time",
        AuthenticationFailedException => "refused the saved key",
        MideaProtocolException => "answered as another unit",
        _ => "is unreachable",
    };
}

/// <summary>A saved unit that could not be reached, and the address where it was tried.</summary>
internal sealed record MovedUnit(StoredDevice Unit, IPAddress Old);

/// <summary>
/// What one attempt at a unit got to: the endpoint it resolved to, and whether its session opened
/// a connection (TCP and, for V3, the handshake) or got any answer during the attempt.
/// </summary>
internal sealed class UnitContact
{
    private int _connects;
    private long _answers;

    /// <summary>The endpoint the attempt resolved to; null when resolving it failed.</summary>
    public DeviceEndpoint? Endpoint { get; set; }

    /// <summary>A connection (with its V3 handshake) was opened during the attempt.</summary>
    public bool Connected { get; private set; }

    /// <summary>The unit answered a request during the attempt.</summary>
    public bool Answered { get; private set; }

    /// <summary>The attempt starts using <paramref name="session"/>.</summary>
    public void Begin(DeviceSession session)
    {
        _connects = session.Connects;
        _answers = session.Answers;
    }

    /// <summary>The attempt is done with <paramref name="session"/> (call before another caller may use it).</summary>
    public void End(DeviceSession session)
    {
        Connected |= session.Connects > _connects;
        Answered |= session.Answers > _answers;
    }
}

/// <summary>Where a moved unit is looked for: the addresses to probe, and the range as messages name it.</summary>
internal sealed class SearchRange
{
    private SearchRange(string text, IReadOnlyList<IPAddress> addresses)
    {
        Text = text;
        Addresses = addresses;
    }

    /// <summary>The range as given, or the /24 around the old address.</summary>
    public string Text { get; }

    /// <summary>The addresses probed; never the old address, where the unit already failed.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>
    /// <paramref name="given"/> (Find-MideaDevice's target syntax), or by default the /24 around
    /// <paramref name="old"/>: a DHCP server hands out addresses from the subnet the unit was
    /// in, and probing it unicast never broadcasts.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="given"/> is not an address, name or range.</exception>
    public static SearchRange For(string? given, IPAddress old)
    {
        string text = given ?? Around(old);
        return new SearchRange(text, DiscoveryTargets.Expand(text).Where(a => !a.Equals(old)).ToList());
    }

    /// <summary>The /24 that holds <paramref name="address"/>, as a CIDR range: 127.0.36.17 gives 127.0.36.0/24.</summary>
    public static string Around(IPAddress address)
    {
        byte[] b = address.GetAddressBytes();
        return $"{b[0]}.{b[1]}.{b[2]}.0/24";
    }
}
