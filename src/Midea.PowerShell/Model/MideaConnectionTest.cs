namespace Midea;

/// <summary>The outcome of Test-MideaConnection: whether the unit accepts the credentials, and how fast it answers.</summary>
public sealed class MideaConnectionTest
{
    /// <summary>Address of the unit.</summary>
    public string Address { get; internal set; } = "";
    /// <summary>Device id.</summary>
    public long Id { get; internal set; }
    /// <summary>2 or 3.</summary>
    public int ProtocolVersion { get; internal set; }
    /// <summary>Appliance type: AirConditioner or CommercialAc; empty when the unit was not identified.</summary>
    public string Type { get; internal set; } = "";
    /// <summary>Where the token and key came from: Parameter, Store, or None (V2 needs none).</summary>
    public string CredentialSource { get; internal set; } = "";
    /// <summary>True when the unit accepted the session and answered a state query.</summary>
    public bool Success { get; internal set; }
    /// <summary>Connect plus handshake, ms.</summary>
    public double ConnectMs { get; internal set; }
    /// <summary>One state query on the open session, ms.</summary>
    public double RoundTripMs { get; internal set; }
    /// <summary>The stable ErrorId of a failure, or null.</summary>
    public string? ErrorId { get; internal set; }
    /// <summary>Why it failed, or null.</summary>
    public string? Error { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => Success ? $"{Address}: V{ProtocolVersion} OK, {RoundTripMs:0.0} ms" : $"{Address}: {ErrorId}";
}
