using System;

namespace Midea.Protocol.Transport;

/// <summary>
/// The log lines of the transport that mark a step a user follows: the connection opened, the V3
/// handshake accepted, a reconnect to ask again. Every log line is a trace line; a caller that
/// narrates (a cmdlet's -Verbose) picks these out with <see cref="IsStep"/>, so the wording is
/// written and recognized in this one place.
/// </summary>
public static class TransportSteps
{
    private const string ConnectedPrefix = "Connected to ";
    private const string HandshakePrefix = "Handshake with ";
    private const string HandshakeSuffix = " accepted.";
    private const string ReconnectSuffix = "; reconnecting to ask again.";

    /// <summary>The TCP connection to a unit is open.</summary>
    public static string Connected(DeviceEndpoint endpoint) => $"{ConnectedPrefix}{endpoint} (V{endpoint.ProtocolVersion}).";

    /// <summary>The unit accepted the V3 token: the session is authenticated.</summary>
    public static string HandshakeAccepted(DeviceEndpoint endpoint) => $"{HandshakePrefix}{endpoint}{HandshakeSuffix}";

    /// <summary>A query met a broken connection or garbled bytes and is asked again on a new one.</summary>
    public static string Reconnecting(DeviceEndpoint endpoint, Exception cause, int attempt) =>
        $"{endpoint}: {cause.GetType().Name} on attempt {attempt}{ReconnectSuffix}";

    /// <summary>Whether <paramref name="line"/> is one of the step lines above.</summary>
    public static bool IsStep(string line) =>
        line.StartsWith(ConnectedPrefix, StringComparison.Ordinal)
        || (line.StartsWith(HandshakePrefix, StringComparison.Ordinal) && line.EndsWith(HandshakeSuffix, StringComparison.Ordinal))
        || line.EndsWith(ReconnectSuffix, StringComparison.Ordinal);
}
