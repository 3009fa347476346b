using System;
using System.Globalization;
using System.Text;

namespace Midea.Protocol.Cloud;

/// <summary>
/// The vendor cloud answered a call with an error code. <see cref="Exception.Message"/> explains the codes users
/// meet and what to do; it never holds the password, a token or a key.
/// </summary>
public sealed class CloudException : MideaException
{
    /// <summary>NetHome Plus getToken answers this ("system error") for every device since 2026.</summary>
    public const int SystemError = 9999;
    /// <summary>"value is illegal": SmartHome getToken without <c>applianceCodes</c>.</summary>
    public const int ValueIllegal = 3004;
    /// <summary>Wrong password.</summary>
    public const int WrongPassword = 3101;
    /// <summary>"this account does not exist".</summary>
    public const int AccountUnknown = 3102;
    /// <summary>A login error (midea-local classifies it with 3101 and 3301).</summary>
    public const int LoginRefused3106 = 3106;
    /// <summary>"You have no permissions": the account does not own the device.</summary>
    public const int NoPermission = 3201;
    /// <summary>A login error (midea-local classifies it with 3101 and 3106).</summary>
    public const int LoginRefused3301 = 3301;
    /// <summary>Too many devices are logged in on the account.</summary>
    public const int TooManyLogins = 65027;

    /// <summary>Creates the exception.</summary>
    /// <param name="cloud">The cloud that answered.</param>
    /// <param name="code">The cloud's error code.</param>
    /// <param name="cloudMessage">The cloud's own text (kept short, control characters removed).</param>
    /// <param name="inner">The cause, if any.</param>
    public CloudException(CloudKind cloud, int code, string? cloudMessage, Exception? inner = null)
        : base(Explain(cloud, code, Clean(cloudMessage)), inner)
    {
        Cloud = cloud;
        Code = code;
        CloudMessage = Clean(cloudMessage);
    }

    /// <summary>The cloud that answered.</summary>
    public CloudKind Cloud { get; }

    /// <summary>The cloud's error code (<c>errorCode</c> on NetHome Plus, <c>code</c> on SmartHome).</summary>
    public int Code { get; }

    /// <summary>The cloud's own message (<c>msg</c>), possibly empty.</summary>
    public string CloudMessage { get; }

    /// <summary>True for codes that mean the login itself was refused (3101, 3102, 3106, 3301, 65027).</summary>
    public bool IsLoginError => Code is WrongPassword or AccountUnknown or LoginRefused3106 or LoginRefused3301 or TooManyLogins;

    internal static string Name(CloudKind cloud) => cloud == CloudKind.SmartHome ? "SmartHome" : "NetHome Plus";

    private static string Other(CloudKind cloud) => cloud == CloudKind.SmartHome ? "NetHomePlus" : "SmartHome";

    private static string Explain(CloudKind cloud, int code, string cloudMessage)
    {
        string name = Name(cloud);
        switch (code)
        {
            case SystemError when cloud == CloudKind.NetHomePlus:
                return "NetHome Plus no longer issues tokens (error 9999 since 2026); try -Cloud SmartHome with the account that owns the unit, or mint a token locally.";
            case ValueIllegal:
                return $"The {name} cloud called the request illegal (error 3004 \"value is illegal\"): SmartHome's getToken needs the appliance id as applianceCodes; check the device id.";
            case WrongPassword:
                return $"The {name} cloud refused the password for this account (error 3101).";
            case AccountUnknown:
                return $"The {name} cloud does not know this account (error 3102 \"this account does not exist\"); check the spelling, or try -Cloud {Other(cloud)}.";
            case LoginRefused3106:
                return $"The {name} cloud refused the login (error 3106); log in again and check the account and password.";
            case NoPermission:
                return $"The {name} account does not own this unit (error 3201 \"You have no permissions\"); use the account the unit is registered to in the app.";
            case LoginRefused3301:
                return $"The {name} cloud refused the login (error 3301); check the account and password, and that the account is on this cloud.";
            case TooManyLogins:
                return $"Too many devices are logged in to this {name} account (error 65027); log out elsewhere or wait, then try again.";
            default:
                return string.IsNullOrEmpty(cloudMessage)
                    ? string.Format(CultureInfo.InvariantCulture, "The {0} cloud answered error {1}.", name, code)
                    : string.Format(CultureInfo.InvariantCulture, "The {0} cloud answered error {1}: {2}", name, code, cloudMessage);
        }
    }

    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var clean = new StringBuilder(Math.Min(text!.Length, 200));
        foreach (char c in text)
        {
            if (clean.Length == 200) break;
            clean.Append(char.IsControl(c) ? ' ' : c);
        }
        return clean.ToString().Trim();
    }
}

/// <summary>
/// Talking to the cloud failed below the level of its error codes: no answer within the time allowed
/// (after the retries), no connection, an HTTP error status, or a reply that is not the expected JSON.
/// </summary>
public sealed class CloudCommunicationException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public CloudCommunicationException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The cloud answered getToken without an entry for the device, in either byte order of its id.</summary>
public sealed class CloudTokenNotFoundException : MideaException
{
    /// <summary>Creates the exception.</summary>
    public CloudTokenNotFoundException(string message, Exception? inner = null) : base(message, inner) { }
}
