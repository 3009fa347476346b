#Requires -Version 7.4
<#
.SYNOPSIS
    Measures Set-MideaWifi against AP-mode simulators on 127.0.8.100-227 (loopback only).
.DESCRIPTION
    Each figure comes with a baseline from the same process, since machines here are noisy:
    provisioning one unit against reading the state of one unit never seen before (both start
    with discovery, connect and handshake), and parallel provisioning against serial. The units
    are given a long join delay so none reappears while being measured.
        dotnet pwsh ./bench/Measure-Provisioning.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Units = 20,
    [int] $Runs = 3
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

# Starts $Units fresh units from $First, runs $Work on them, and returns the elapsed milliseconds.
function Measure-Fleet([string] $First, [scriptblock] $Work, [switch] $ApMode) {
    $fleet = Start-MideaSimulator -Address $First -Count $Units -ApMode:$ApMode -JoinDelaySeconds 600
    try {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $results = & $Work $fleet
        $watch.Stop()
        if ($ApMode -and @($results | Where-Object Success).Count -ne $Units) { throw "Not every unit was provisioned: $($results | Out-String)" }
        $watch.Elapsed.TotalMilliseconds
    }
    finally {
        $fleet | Stop-MideaSimulator
    }
}

$serial = @(); $parallel = @(); $bulk = @(); $baseline = @()
foreach ($run in 1..$Runs) {
    $baseline += Measure-Fleet 127.0.8.100 { param($f) $f | ForEach-Object { Get-MideaState -Address $_.Address -Token $_.Token -Key $_.Key } }
    $serial += Measure-Fleet 127.0.8.130 -ApMode { param($f) $f | ForEach-Object { Set-MideaWifi -Ssid 'bench' -Passphrase 'bench-passphrase' -CountryCode DE -Address $_.Address } }
    $parallel += Measure-Fleet 127.0.8.160 -ApMode { param($f) $f | ForEach-Object { [pscustomobject]@{ Address = $_.Address; Ssid = 'bench'; Passphrase = 'bench-passphrase'; CountryCode = 'DE' } } | Set-MideaWifi -ThrottleLimit 8 }
    $bulk += Measure-Fleet 127.0.8.190 -ApMode { param($f) $f | ForEach-Object { [pscustomobject]@{ ApSsid = $_.Name; Ssid = 'bench'; Passphrase = 'bench-passphrase'; CountryCode = 'DE' } } | Set-MideaWifi -SimulatedWlan }
}

[pscustomobject]@{
    "Get-MideaState, $Units new V3 units one by one (ms, median)"            = [math]::Round((Median $baseline), 1)
    "Set-MideaWifi, $Units units one call each (ms, median)"                 = [math]::Round((Median $serial), 1)
    'Provisioning / state read, per unit'                                    = [math]::Round((Median $serial) / (Median $baseline), 2)
    "Set-MideaWifi, $Units rows piped, -ThrottleLimit 8 (ms, median)"         = [math]::Round((Median $parallel), 1)
    'Piped with throttle 8 / one call each'                                  = [math]::Round((Median $parallel) / (Median $serial), 2)
    "Set-MideaWifi, $Units CSV rows through -SimulatedWlan (ms, median)"      = [math]::Round((Median $bulk), 1)
    'Bulk via AP switching / one call each'                                  = [math]::Round((Median $bulk) / (Median $serial), 2)
    'Runs'                                                                   = $Runs
} | Format-List
