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
/// one session, the command as one request, one answer as the acknowledgement.
/// </summary>
public static class ProvisioningClient
{
    /// <summary>Connects (and authenticates for V3), sends prefix ‖ payload, and returns the acknowledgement's data.</summary>
    /// <param name="reached">Called as each stage is reached, so a failure can be pinned to the next one.</param>
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
        using MideaConnection connection = await MideaConnection.OpenAsync(endpoint, timeout, cancel, log, () => reached(ProvisioningStage.Connected)).ConfigureAwait(false);
        if (endpoint.ProtocolVersion == 3) reached(ProvisioningStage.Authenticated);
        long before = connection.PacketsSent;
        byte[]? acknowledgement;
        try
        {
            acknowledgement = await connection.ExchangeAsync(commandData, options.V2MessageType, cancel).ConfigureAwait(false);
        }
        catch (MideaException ex) when (connection.PacketsSent > before)
        {
            // Written, then silence, a closed connection or bytes that do not decode. A unit that
            // accepted the settings leaves its access point and can vanish the same way as one that
            // rejected them, so neither "refused" nor "unreachable" would be honest; never re-sent.
            throw new OutcomeUnknownException(
                $"The Wi-Fi settings were sent to {endpoint}, then no readable acknowledgement came ({ex.Message}). They may or may not have been applied: "
                + "look for the unit on the target network (-WaitForNetwork, Find-MideaDevice) before sending them again.", ex);
        }
        if (acknowledgement is null) throw new ProvisioningRefusedException($"{endpoint} answered ERROR to the Wi-Fi settings: it refused them.");
        reached(ProvisioningStage.Acknowledged);
        return acknowledgement;
    }
}
