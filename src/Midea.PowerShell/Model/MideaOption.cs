namespace Midea;

/// <summary>The module's settings for this process (Get-MideaOption, Set-MideaOption).</summary>
public sealed class MideaOption
{
    /// <summary>Seconds a kept session with a unit may sit unused before it is closed; 0 closes it after every command.</summary>
    public int SessionIdleSeconds { get; internal set; }
    /// <summary>Seconds one connection of a kept session may live; the next command after that connects again.</summary>
    public int SessionLifetimeSeconds { get; internal set; }
    /// <summary>How many units have a kept session with an open connection now.</summary>
    public int OpenSessions { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"SessionIdleSeconds={SessionIdleSeconds} SessionLifetimeSeconds={SessionLifetimeSeconds}";
}
