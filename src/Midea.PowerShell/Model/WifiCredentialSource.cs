namespace Midea;

/// <summary>Where Set-MideaWifi gets the credentials for the session with a unit in AP mode (unverified on real units).</summary>
public enum WifiCredentialSource
{
    /// <summary>-Token/-Key when given; V2 for a V2 unit (a passphrase then needs -AllowUnencryptedTransport); otherwise a token minted from the unit's access point.</summary>
    Auto,
    /// <summary>The unit's own token and key (-Token, -Key).</summary>
    Token,
    /// <summary>A token minted from SHA256(AP SSID ‖ AP password ‖ MAC).</summary>
    MintedFromAp,
    /// <summary>No handshake: the command in a V2 packet, readable to anyone on the AP (choosing it is consent).</summary>
    V2,
}
