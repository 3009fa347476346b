#Requires -Version 7.4
<#
.SYNOPSIS
    Measures what one Get-MideaState call costs on its own against the same request piped with
    others into one call, on one simulated V3 unit on 127.0.8.231 (loopback only).
.DESCRIPTION
    The piped run is the baseline, in the same process. Sessions are kept across commands, so
    separate calls reuse one connection and V3 handshake as piped records do; what remains is each
    call's own binding and setup, and that the pipeline thread binds the next record while a worker
    waits for the unit, which separate calls cannot overlap. The empty calls measure PowerShell's
    part of that: an advanced function that does nothing, bound to the same parameters. Give
    -ModulePath to measure another build (for example an older commit's output/) the same way.
        dotnet pwsh ./bench/Measure-Calls.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Calls = 200,
    [int] $Runs = 9
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$unit = Start-MideaSimulator -Address 127.0.8.231 -CapabilityProfile Full
try {
    $common = @{ Address = $unit.Address; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
    $null = Get-MideaState @common -IncludeCapabilities   # warm-up
    $separate = foreach ($run in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..$Calls) { $null = Get-MideaState @common }
        $watch.Elapsed.TotalMilliseconds
    }
    # PowerShell's own cost of a call: an empty advanced function bound to the same parameters.
    function Skip-Unit { [CmdletBinding()] param([string] $Address, [string] $Token, [string] $Key, [long] $Id, [int] $ProtocolVersion) }
    $floor = foreach ($run in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..$Calls) { $null = Skip-Unit @common }
        $watch.Elapsed.TotalMilliseconds
    }
    $piped = foreach ($run in 1..$Runs) {
        $records = foreach ($i in 1..$Calls) { [pscustomobject]$common }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = $records | Get-MideaState
        $watch.Elapsed.TotalMilliseconds
    }
    [pscustomobject]@{
        "$Calls separate calls (ms, median)" = [math]::Round((Median $separate), 1)
        "$Calls piped into one call (ms, median)" = [math]::Round((Median $piped), 1)
        'Separate / piped' = [math]::Round((Median $separate) / (Median $piped), 2)
        "$Calls empty calls, same parameters (ms, median)" = [math]::Round((Median $floor), 1)
        '(Separate - empty) / piped' = [math]::Round(((Median $separate) - (Median $floor)) / (Median $piped), 2)
        Runs = $Runs
    }
}
finally {
    $unit | Stop-MideaSimulator
}
