namespace Midea;

/// <summary>The vendor cloud account to look a token up with (Get-MideaToken).</summary>
public enum CloudService
{
    /// <summary>NetHome Plus (mapp.appsmb.com). Its token service answers error 9999 since 2026.</summary>
    NetHomePlus,
    /// <summary>MSmartHome / SmartHome (mp-prod.appsmb.com); only the account that owns the unit gets its token.</summary>
    SmartHome,
}
