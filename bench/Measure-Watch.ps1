#Requires -Version 7.4
<#
.SYNOPSIS
    Measures how long a change made with a unit's remote takes to reach Watch-MideaState's
    pipeline, and how long a stopped watch takes to end, on one simulated V3 unit on 127.0.8.250
    (loopback only).
.DESCRIPTION
    The watch runs in a PowerShell instance of this process with -IntervalSeconds 3600, so every
    change it writes was pushed. Each round changes the unit with Set-MideaSimulator -RemoteControl
    and times from that call to the change object arriving in the watch's output; the baseline, in
    the same process, is one Get-MideaState on the kept session. Then the watch is stopped as
    Ctrl+C would, and the stop is timed until it returned and the unit counted no open connection.
        dotnet pwsh ./bench/Measure-Watch.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Rounds = 20
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$unit = Start-MideaSimulator -Address 127.0.8.250
$common = @{ Address = $unit.Address; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
$shell = [powershell]::Create()
try {
    $null = $shell.AddScript("Import-Module '$ModulePath'; Watch-MideaState -Address $($unit.Address) -Id $($unit.Id) -ProtocolVersion 3 -Token $($unit.Token) -Key $($unit.Key) -IntervalSeconds 3600 -Property Power")
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($unit.Requests -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }

    $latency = foreach ($round in 1..$Rounds) {
        $seen = $output.Count
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Set-MideaSimulator -Address $unit.Address -RemoteControl @{ Power = ($round % 2 -eq 1) }
        while ($output.Count -eq $seen -and $watch.Elapsed.TotalSeconds -lt 10) { [System.Threading.Thread]::SpinWait(200) }
        $watch.Elapsed.TotalMilliseconds
    }
    $reads = foreach ($round in 1..$Rounds) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-MideaState @common
        $watch.Elapsed.TotalMilliseconds
    }
    $stop = [Diagnostics.Stopwatch]::StartNew()
    $shell.Stop()
    $stopped = $stop.Elapsed.TotalMilliseconds
    while ($unit.OpenSessions -gt 0 -and $stop.Elapsed.TotalSeconds -lt 10) { Start-Sleep -Milliseconds 1 }
    $closed = $stop.Elapsed.TotalMilliseconds
    # Enumerating the output of a running watch would wait for its end: only after the stop.
    $pushed = @($output | Where-Object Source -EQ 'Push').Count

    [pscustomobject]@{
        'Remote change to watch output (ms, median)' = [math]::Round((Median $latency), 2)
        'Remote change to watch output (ms, max)'    = [math]::Round(($latency | Measure-Object -Maximum).Maximum, 2)
        'Get-MideaState on the kept session (ms, median)' = [math]::Round((Median $reads), 2)
        'Latency / one read'                          = [math]::Round((Median $latency) / (Median $reads), 2)
        'Changes written, all pushed'                 = "$($output.Count), $pushed"
        'Stop to return (ms)'                         = [math]::Round($stopped, 1)
        'Stop to no open connection (ms)'             = [math]::Round($closed, 1)
        Rounds                                        = $Rounds
    }
}
finally {
    $shell.Dispose()
    $unit | Stop-MideaSimulator
}
