using System;
using System.Threading;
using System.Threading.Tasks;
using Midea.Protocol.Provisioning;

namespace Midea.Protocol.Transport;

/// <summary>How far a provisioning session got.</summary>
public enum ProvisioningStage
{
    /// <summary>TCP connected.</summary>
    Connected,
    /// <summary>V3 handshake accepted (not reached over V2).</summary>
    Authenticated,
    /// <summary>The unit answered the settings.</summary>
    Acknowledged,
}

/// <summary>
/// Sends Wi-Fi settings to a unit in AP mode by the working hypothesis of provisioning.md §2:
/// one session, the command as one request, one answer as the acknowledgement. The session is a
/// <see cref="DeviceSession"/> under <see cref="RequestPolicy.ForProvisioning"/>, and the command
/// is a <see cref="RequestKind.Change"/>, so what counts as sent is the policy's.
/// </summary>
public static class ProvisioningClient
{
    /// <summary>Connects (and authenticates for V3), sends prefix ‖ payload, and returns the acknowledgement's data.</summary>
    /// <param name="endpoint">The unit on its own access point, with the credentials of the session.</param>
    /// <param name="commandData">The data of the request: prefix ‖ payload (<see cref="ProvisioningOptions.CommandData"/>).</param>
    /// <param name="options">Gives the V2 message type that carries the command.</param>
    /// <param name="timeout">Limit for the connect, the handshake and the acknowledgement, each.</param>
    /// <param name="reached">Called as each stage is reached, so a failure can be pinned to the next one.</param>
    /// <param name="cancel">Stops the exchange; settings already written stay sent.</param>
    /// <param name="log">Protocol detail for a debug stream; never given secrets or payloads.</param>
    /// <exception cref="ProvisioningRefusedException">The unit answered ERROR.</exception>
    /// <exception cref="OutcomeUnknownException">The settings were written, then no readable answer came.</exception>
    /// <exception cref="AuthenticationFailedException">The handshake was refused.</exception>
    /// <exception cref="DeviceUnreachableException">Nothing accepted the connection, or it closed before the settings were written.</exception>
    /// <exception cref="DeviceTimeoutException">No answer in time before the settings were written.</exception>
    public static async Task<byte[]> SendAsync(DeviceEndpoint endpoint, byte[] commandData, ProvisioningOptions options, TimeSpan timeout,
        Action<ProvisioningStage> reached, CancellationToken cancel, Action<string>? log = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (reached is null) throw new ArgumentNullException(nameof(reached));
        using var session = new DeviceSession(endpoint, RequestPolicy.ForProvisioning(timeout), log);
        await session.ConnectAsync(cancel, () => reached(ProvisioningStage.Connected)).ConfigureAwait(false);
        if (endpoint.ProtocolVersion == 3) reached(ProvisioningStage.Authenticated);
        byte[]? acknowledgement;
        try
        {
            acknowledgement = await session.ExchangeAsync(commandData, options.V2MessageType, RequestKind.Change, cancel).ConfigureAwait(false);
        }
        catch (OutcomeUnknownException ex)
        {
            // Written, then silence, a closed connection or bytes that do not decode. A unit that
            // accepted the settings leaves its access point and can vanish the same way as one that
            // rejected them, so neither "refused" nor "unreachable" would be honest; never re-sent.
            // The session's own message says "read the state", which a unit off its access point
            // cannot answer: this one says where to look instead. (A stop by the caller is not an
            // unknown outcome: the session lets it through as a cancellation.)
            Exception cause = ex.InnerException ?? ex;
            throw new OutcomeUnknownException(
                $"The Wi-Fi settings were sent to {endpoint}, then no readable acknowledgement came ({cause.Message}). They may or may not have been applied: "
                + "look for the unit on the target network (-WaitForNetwork, Find-MideaDevice) before sending them again.", cause);
        }
        if (acknowledgement is null) throw new ProvisioningRefusedException($"{endpoint} answered ERROR to the Wi-Fi settings: it refused them.");
        reached(ProvisioningStage.Acknowledged);
        return acknowledgement;
    }
}
