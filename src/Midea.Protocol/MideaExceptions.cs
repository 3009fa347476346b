using System;

namespace Midea.Protocol;

/// <summary>Base of every failure the protocol and transport report.</summary>
public abstract class MideaException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected MideaException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>What exactly was wrong with bytes that did not decode.</summary>
public enum ProtocolFault
{
    /// <summary>Fewer bytes than the layout or the length field needs.</summary>
    Truncated,
    /// <summary>The packet or frame does not start with the expected marker.</summary>
    BadMagic,
    /// <summary>A length field disagrees with the layout.</summary>
    BadLength,
    /// <summary>The V2 MD5 sign does not match.</summary>
    BadSign,
    /// <summary>The V3 SHA-256 hash does not match.</summary>
    BadHash,
    /// <summary>The AES padding or block structure is wrong.</summary>
    BadPadding,
    /// <summary>The AA frame checksum does not match.</summary>
    BadChecksum,
    /// <summary>The AA body CRC-8 (or its sum variant) does not match.</summary>
    BadCrc,
    /// <summary>The frame is for another appliance type.</summary>
    WrongApplianceType,
    /// <summary>A field holds a value the protocol does not allow.</summary>
    BadValue,
    /// <summary>The device speaks a protocol version this module does not support.</summary>
    Unsupported,
    /// <summary>The packet names a device id other than the one the session is with.</summary>
    WrongDevice,
}

/// <summary>Bytes that are not a valid packet or frame. Decoders throw only this.</summary>
public sealed class MideaProtocolException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public MideaProtocolException(ProtocolFault fault, string message, Exception? inner = null) : base(message, inner) => Fault = fault;

    /// <summary>The kind of defect.</summary>
    public ProtocolFault Fault { get; }
}

/// <summary>Nothing accepted the connection (refused, no route, host down), or the connection closed or reset under a request.</summary>
public sealed class DeviceUnreachableException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public DeviceUnreachableException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The device did not answer within the allowed time.</summary>
public sealed class DeviceTimeoutException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public DeviceTimeoutException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The V3 handshake failed: the device refused the token, or the reply did not verify under the key.</summary>
public sealed class AuthenticationFailedException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public AuthenticationFailedException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A well-formed reply that is not the answer that was asked for.</summary>
public sealed class InvalidDeviceResponseException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidDeviceResponseException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The unit received the Wi-Fi settings and refused them: it answered ERROR. (A close without an answer is <see cref="OutcomeUnknownException"/>.)</summary>
public sealed class ProvisioningRefusedException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public ProvisioningRefusedException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// A change (SetState, SetProperties, the display toggle, Wi-Fi settings) was written to the unit,
/// and then no readable answer came: the connection closed, the reply timed out or did not decode.
/// The unit may or may not have applied it, so it is never sent again blindly; reading the state
/// tells which.
/// </summary>
public sealed class OutcomeUnknownException : MideaException
{
    /// <summary>Creates the exception; <paramref name="inner"/> is what went wrong after sending.</summary>
    public OutcomeUnknownException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// A secret (the Wi-Fi passphrase) would travel over a transport whose key is public (V2 framing),
/// and the user did not consent to that.
/// </summary>
public sealed class InsecureTransportException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public InsecureTransportException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>
/// A change the unit's capabilities rule out (a mode, speed or feature it does not report, a
/// temperature outside its range). Refused before anything is sent; the message names what the
/// unit does support.
/// </summary>
public sealed class NotSupportedByUnitException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public NotSupportedByUnitException(string message, Exception? inner = null) : base(message, inner) { }
}
