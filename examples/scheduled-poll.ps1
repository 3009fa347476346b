#Requires -Version 7.4

<#
.SYNOPSIS
    A scheduled job: reads every saved unit (or the addresses given), appends one line per unit to
    a log, and exits 1 when any unit failed, so the scheduler records the failure.
.DESCRIPTION
    Unattended: it never prompts, never writes a token or key, and finishes within the time the
    units allow. Run it from Task Scheduler, cron or systemd, for example:
        pwsh -NoProfile -NonInteractive -File scheduled-poll.ps1 -LogPath /var/log/midea.log
.PARAMETER Address
    Units to poll, as a list or one comma-separated string; every unit in the device store
    (Save-MideaDevice) when not given.
.PARAMETER LogPath
    File the job appends to.
.PARAMETER ModulePath
    The module to import; the installed Midea by default.
#>
param(
    [string[]] $Address,
    [Parameter(Mandatory)] [string] $LogPath,
    [string] $ModulePath = 'Midea',
    [int] $TimeoutSeconds = 5
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath

function Write-Log([string] $Line) {
    Add-Content -Path $LogPath -Value ("{0:u} {1}" -f [DateTime]::UtcNow, $Line)
}

# `pwsh -File` passes a list as one string, so "a,b,c" is split here.
$targets = if ($Address) { $Address -split ',' } else { Get-MideaDevice | ForEach-Object Address }
if (-not $targets) {
    Write-Log 'ERROR no units: give -Address or save units with Save-MideaDevice'
    exit 2
}

# Per-unit failures are collected, not thrown, so every unit is polled before the job decides.
$states = $targets | Get-MideaState -TimeoutSeconds $TimeoutSeconds -ErrorAction SilentlyContinue -ErrorVariable failures
foreach ($state in $states) {
    Write-Log ("OK {0} power={1} mode={2} target={3} indoor={4}" -f $state.Address, $state.Power, $state.Mode, $state.TargetTemperature, $state.IndoorTemperature)
}
foreach ($failure in $failures) {
    # The ErrorId and message never contain a token or key.
    Write-Log ("FAIL {0} {1}: {2}" -f $failure.TargetObject, ($failure.FullyQualifiedErrorId -split ',')[0], $failure.Exception.Message)
}
exit ([int]($failures.Count -gt 0))
