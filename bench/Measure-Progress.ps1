#Requires -Version 7.4

<#
.SYNOPSIS
    Measures what the progress bar costs a bulk read: Get-MideaState over 50 piped simulated V2
    units on 127.0.8.41-90 (loopback only), with progress shown against
    $ProgressPreference = 'SilentlyContinue', alternating the two in one process.
        dotnet pwsh ./bench/Measure-Progress.ps1
    Run it in a terminal to include the console host drawing the bar; redirected, the host
    discards progress and only the module's own work is measured.
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Runs = 21
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$units = @(Start-MideaSimulator -Address 127.0.8.41 -Count 50 -ProtocolVersion 2)
try {
    # Id and version given, so no discovery: the pipeline's own work dominates.
    $rows = @($units | Select-Object Address, Id, ProtocolVersion)
    function Time([string] $preference) {
        $ProgressPreference = $preference
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $states = @($rows | Get-MideaState -ThrottleLimit 8)
        $watch.Stop()
        if ($states.Count -ne 50) { throw "Got $($states.Count) of 50 states." }
        $watch.Elapsed.TotalMilliseconds
    }
    $null = Time 'SilentlyContinue'   # warm-up: JIT and first connections
    $shown = @(); $silent = @()
    foreach ($run in 1..$Runs) {
        # Alternating order, so drift on a noisy machine hits both alike.
        if ($run % 2) { $shown += Time 'Continue'; $silent += Time 'SilentlyContinue' }
        else { $silent += Time 'SilentlyContinue'; $shown += Time 'Continue' }
    }
    [pscustomobject]@{
        '50 units, progress shown (ms, median)'    = [math]::Round((Median $shown), 1)
        '50 units, progress silenced (ms, median)' = [math]::Round((Median $silent), 1)
        'Shown / silenced'                         = [math]::Round((Median $shown) / (Median $silent), 2)
        'Runs'                                     = $Runs
    } | Format-List
}
finally {
    Stop-MideaSimulator
}
