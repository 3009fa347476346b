#Requires -Version 7.4
<#
.SYNOPSIS
    Measures what the -Include switches of Get-MideaState cost against a plain poll, on one
    simulated V3 unit with the Full profile on 127.0.8.230 (loopback only).
.DESCRIPTION
    Ratios against the plain poll in the same process, since machines here are noisy.
        dotnet pwsh ./bench/Measure-Features.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Polls = 50,
    [int] $Runs = 5
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$unit = Start-MideaSimulator -Address 127.0.8.230 -CapabilityProfile Full
try {
    $common = @{ Address = $unit.Address; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
    $null = Get-MideaState @common -IncludeCapabilities   # warm-up, and the capabilities cache
    function Time([hashtable] $extra) {
        foreach ($run in 1..$Runs) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            foreach ($i in 1..$Polls) { $null = Get-MideaState @common @extra }
            $watch.Stop()
            $watch.Elapsed.TotalMilliseconds
        }
    }
    $plain = Time @{}
    $energy = Time @{ IncludeEnergy = $true }
    $all = Time @{ IncludeProperties = $true; IncludeEnergy = $true; IncludeDiagnostics = $true }
    $requestsPerAll = & {
        $before = $unit.Requests
        $null = Get-MideaState @common -IncludeProperties -IncludeEnergy -IncludeDiagnostics
        $unit.Requests - $before
    }
    [pscustomobject]@{
        "$Polls x plain poll (ms, median)"                          = [math]::Round((Median $plain), 1)
        "$Polls x -IncludeEnergy (ms, median)"                      = [math]::Round((Median $energy), 1)
        "$Polls x -IncludeProperties -IncludeEnergy -IncludeDiagnostics (ms, median)" = [math]::Round((Median $all), 1)
        'Energy / plain'                                            = [math]::Round((Median $energy) / (Median $plain), 2)
        'All includes / plain'                                      = [math]::Round((Median $all) / (Median $plain), 2)
        'Frames per poll with all includes (plain = 1)'             = $requestsPerAll
        'Runs'                                                      = $Runs
    } | Format-List
}
finally {
    Stop-MideaSimulator
}
