#Requires -Version 7.4

<#
.SYNOPSIS
    Measures what a discovery flood costs Find-MideaDevice: devices written, warnings written, and
    managed memory growth over a 3-second sweep in which one simulated unit floods replies that
    each name a new device id (then, separately, undecodable datagrams). The baseline is the same
    sweep against an honest unit, in the same process. Loopback only (127.0.8.210-215).
        dotnet pwsh ./bench/Measure-Flood.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Seconds = 3
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Measure-Sweep([string] $Address, [string] $Silent) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $before = [GC]::GetTotalMemory($true)
    $allocated = [GC]::GetTotalAllocatedBytes($true)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    # The silent second target keeps the sweep open for the whole time, as a range sweep is.
    $devices = @(Find-MideaDevice -Address $Address, $Silent -TimeoutSeconds $Seconds -WarningVariable warned -WarningAction SilentlyContinue)
    $watch.Stop()
    $after = [GC]::GetTotalMemory($true)
    [pscustomobject]@{
        Devices     = $devices.Count
        Warnings    = $warned.Count
        GrowthMB    = [math]::Round(($after - $before) / 1MB, 2)
        AllocatedMB = [math]::Round(([GC]::GetTotalAllocatedBytes($true) - $allocated) / 1MB, 1)
        Seconds     = [math]::Round($watch.Elapsed.TotalSeconds, 2)
    }
}

try {
    $honest = Start-MideaSimulator -Address 127.0.8.210 -ProtocolVersion 3
    $ids = Start-MideaSimulator -Address 127.0.8.212 -ProtocolVersion 3
    $junk = Start-MideaSimulator -Address 127.0.8.214 -ProtocolVersion 3
    Set-MideaSimulator -Address 127.0.8.212 -DiscoveryFloodMs ($Seconds * 1000)
    Set-MideaSimulator -Address 127.0.8.214 -DiscoveryFloodMs ($Seconds * 1000) -DiscoveryFloodGarbage
    $null = Measure-Sweep 127.0.8.210 127.0.8.211   # warm-up: JIT
    $base = Measure-Sweep 127.0.8.210 127.0.8.211
    $sentBefore = $ids.RepliesSent
    $flood = Measure-Sweep 127.0.8.212 127.0.8.213
    $floodSent = $ids.RepliesSent - $sentBefore
    $sentBefore = $junk.RepliesSent
    $garbage = Measure-Sweep 127.0.8.214 127.0.8.215
    $garbageSent = $junk.RepliesSent - $sentBefore
    @(
        [pscustomobject]@{ Sweep = 'honest unit (baseline)'; DatagramsSent = '-'; Devices = $base.Devices; Warnings = $base.Warnings; 'Growth MB' = $base.GrowthMB; 'Allocated MB' = $base.AllocatedMB }
        [pscustomobject]@{ Sweep = 'flood of new ids'; DatagramsSent = $floodSent; Devices = $flood.Devices; Warnings = $flood.Warnings; 'Growth MB' = $flood.GrowthMB; 'Allocated MB' = $flood.AllocatedMB }
        [pscustomobject]@{ Sweep = 'flood of garbage'; DatagramsSent = $garbageSent; Devices = $garbage.Devices; Warnings = $garbage.Warnings; 'Growth MB' = $garbage.GrowthMB; 'Allocated MB' = $garbage.AllocatedMB }
    ) | Format-Table -AutoSize
}
finally {
    Stop-MideaSimulator
}
