namespace Midea.Protocol.Cloud;

/// <summary>Which vendor cloud an account lives on (protocol.md §6).</summary>
public enum CloudKind
{
    /// <summary>NetHome Plus (https://mapp.appsmb.com): form-encoded calls signed with SHA-256 (§6.1).</summary>
    NetHomePlus,
    /// <summary>MSmartHome, "SmartHome" (https://mp-prod.appsmb.com): JSON calls signed with HMAC-SHA256 (§6.2).</summary>
    SmartHome,
}
