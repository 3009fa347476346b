#Requires -Version 7.4
<#
.SYNOPSIS
    Measures reading and changing a commercial unit (0xCC) against an air conditioner (0xAC), the
    baseline, in the same process: one simulated V3 unit of each on 127.0.8.232 and 127.0.8.233
    (loopback only).
.DESCRIPTION
    Each run pipes -Calls records of the same unit into one Get-MideaState, then into one
    Set-MideaState that flips one setting, and reports the median of -Runs runs per family and the
    0xCC/0xAC ratios. A 0xCC read is one query either way; a 0xCC change is its query (for the
    capabilities it carries) and one control, where an air conditioner's is a state read and one
    SetState (its capabilities come from the cache after the first change).
        dotnet pwsh ./bench/Measure-Families.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Calls = 200,
    [int] $Runs = 9
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

# The same work for one unit: -Calls reads piped into one call, then -Calls changes.
function Measure-Unit($Unit) {
    $common = @{ Token = $Unit.Token; Key = $Unit.Key; Id = $Unit.Id; ProtocolVersion = 3; DeviceType = "$($Unit.DeviceType)" }
    $null = Get-MideaState -Address $Unit.Address @common   # warm-up: connection and handshake
    $null = Set-MideaState -Address $Unit.Address @common -Eco $false
    $addresses = @($Unit.Address) * $Calls
    $read = [Diagnostics.Stopwatch]::StartNew()
    $null = $addresses | Get-MideaState @common
    $read.Stop()
    $change = [Diagnostics.Stopwatch]::StartNew()
    $null = $addresses | Set-MideaState @common -Eco $true
    $change.Stop()
    [pscustomobject]@{ Read = $read.Elapsed.TotalMilliseconds; Change = $change.Elapsed.TotalMilliseconds }
}

$ac = Start-MideaSimulator -Address 127.0.8.232
$cc = Start-MideaSimulator -Address 127.0.8.233 -DeviceType CommercialAc
try {
    # Alternating, so a slow moment of the machine falls on both families.
    $acRuns = [System.Collections.Generic.List[object]]::new()
    $ccRuns = [System.Collections.Generic.List[object]]::new()
    foreach ($run in 1..$Runs) {
        $acRuns.Add((Measure-Unit $ac))
        $ccRuns.Add((Measure-Unit $cc))
    }
    $acRead = Median $acRuns.Read; $ccRead = Median $ccRuns.Read
    $acChange = Median $acRuns.Change; $ccChange = Median $ccRuns.Change
    [pscustomobject]@{
        Calls           = $Calls
        AcReadMs        = [math]::Round($acRead, 1)
        CcReadMs        = [math]::Round($ccRead, 1)
        ReadRatio       = [math]::Round($ccRead / $acRead, 2)
        AcChangeMs      = [math]::Round($acChange, 1)
        CcChangeMs      = [math]::Round($ccChange, 1)
        ChangeRatio     = [math]::Round($ccChange / $acChange, 2)
        AcRequests      = $ac.Requests
        CcRequests      = $cc.Requests
    }
}
finally {
    Disconnect-MideaDevice
    Stop-MideaSimulator
}
