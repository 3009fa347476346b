#Requires -Version 7.4
<#
.SYNOPSIS
    Measures discovery and polling against simulated units on 127.0.8.x (loopback only).
.DESCRIPTION
    Machines here are noisy, so every figure is reported next to a baseline taken in the same
    process: discovery against its timeout, V3 polling against V2 polling (the difference is the
    handshake and the second encryption layer). Run after a build:
        dotnet pwsh ./bench/Measure-Midea.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Runs = 5,
    [int] $Polls = 100
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$fleet = Start-MideaSimulator -Address 127.0.8.17 -Count 10 -ProtocolVersion 3
$v2 = Start-MideaSimulator -Address 127.0.8.40 -ProtocolVersion 2
try {
    $timeout = 5
    $discovery = foreach ($run in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $found = Find-MideaDevice -Address 127.0.8.16/28 -TimeoutSeconds $timeout
        $watch.Stop()
        if (@($found).Count -ne 10) { throw "Run ${run}: found $(@($found).Count) of 10 units." }
        $watch.Elapsed.TotalSeconds
    }
    $unicast = foreach ($run in 1..$Runs) {
        $targets = $fleet | ForEach-Object Address
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $found = Find-MideaDevice -Address $targets -TimeoutSeconds $timeout
        $watch.Stop()
        if (@($found).Count -ne 10) { throw "Unicast run ${run}: found $(@($found).Count) of 10 units." }
        $watch.Elapsed.TotalSeconds
    }

    $v3 = $fleet[0]
    $null = Get-MideaState -Address $v3.Address -Token $v3.Token -Key $v3.Key   # warm-up
    $null = Get-MideaState -Address $v2.Address
    $pollV3 = foreach ($run in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..$Polls) { $null = Get-MideaState -Address $v3.Address -Token $v3.Token -Key $v3.Key }
        $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }
    $pollV2 = foreach ($run in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..$Polls) { $null = Get-MideaState -Address $v2.Address }
        $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }

    [pscustomobject]@{
        'Find 10 units, /28 sweep (s, median)'          = [math]::Round((Median $discovery), 3)
        'Find 10 units, 10 unicast targets (s, median)' = [math]::Round((Median $unicast), 3)
        'Timeout (s)'                                   = $timeout
        'Unicast discovery / timeout'                   = [math]::Round((Median $unicast) / $timeout, 4)
        "$Polls x Get-MideaState V3 (ms, median)"       = [math]::Round((Median $pollV3), 1)
        "$Polls x Get-MideaState V2 (ms, median)"       = [math]::Round((Median $pollV2), 1)
        'V3 / V2 polling'                               = [math]::Round((Median $pollV3) / (Median $pollV2), 2)
        'Runs'                                          = $Runs
    } | Format-List
}
finally {
    Stop-MideaSimulator
}
