#Requires -Version 7.4
<#
.SYNOPSIS
    Measures the module at scale on simulated units (loopback only: 127.0.17.x-127.0.23.x), each
    figure against a baseline from the same run:
    - discovery of 50 units given as one first-last range, against the default timeout;
    - a /22 sweep holding 10 units (all must be found);
    - Find-MideaDevice | Get-MideaState over 50 units with -ThrottleLimit 16 and 1, against one
      unit's query;
    - Import-Module Midea, against a bare `pwsh -NoProfile` start.
        dotnet pwsh ./bench/Measure-Scale.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Runs = 5
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }
function Seconds([scriptblock] $block) { $w = [Diagnostics.Stopwatch]::StartNew(); & $block | Out-Null; $w.Elapsed.TotalSeconds }

$fifty = Start-MideaSimulator -Address 127.0.17.1 -Count 50 -ProtocolVersion 2
# Ten units spread over a /22 (127.0.20.0-127.0.23.255): two on each of the first four /24s, two more.
$spread = foreach ($address in '127.0.20.7', '127.0.20.200', '127.0.21.9', '127.0.21.77', '127.0.22.3', '127.0.22.254', '127.0.23.1', '127.0.23.100', '127.0.23.101', '127.0.23.250') {
    Start-MideaSimulator -Address $address -ProtocolVersion 2
}
try {
    $timeout = 5
    $range = foreach ($run in 1..$Runs) {
        $found = $null
        $t = Seconds { $script:found = Find-MideaDevice -Address '127.0.17.1-50' -TimeoutSeconds $timeout }
        if (@($script:found).Count -ne 50) { throw "Range run ${run}: found $(@($script:found).Count) of 50." }
        $t
    }
    $sweep = Seconds { $script:swept = Find-MideaDevice -Address '127.0.20.0/22' -TimeoutSeconds $timeout }
    $sweptCount = @($script:swept).Count

    $devices = Find-MideaDevice -Address '127.0.17.1-50' -TimeoutSeconds $timeout
    $one = $devices[0]
    $null = $one | Get-MideaState                       # warm-up
    $single = foreach ($run in 1..$Runs) { Seconds { $one | Get-MideaState } }
    $parallel = foreach ($run in 1..$Runs) { Seconds { $devices | Get-MideaState -ThrottleLimit 16 } }
    $serial = foreach ($run in 1..$Runs) { Seconds { $devices | Get-MideaState -ThrottleLimit 1 } }

    # The same with 100 ms of simulated latency per reply, closer to units on Wi-Fi: the per-record
    # cost of PowerShell then no longer hides the parallelism.
    $fifty | Set-MideaSimulator -ResponseDelayMs 100
    $slowSingle = foreach ($run in 1..3) { Seconds { $one | Get-MideaState } }
    $slowParallel = foreach ($run in 1..3) { Seconds { $devices | Get-MideaState -ThrottleLimit 16 } }
    $slowWide = foreach ($run in 1..3) { Seconds { $devices | Get-MideaState -ThrottleLimit 50 } }
    $fifty | Set-MideaSimulator -Clear

    $pwsh = (Get-Process -Id $PID).Path
    $bare = foreach ($run in 1..$Runs) { Seconds { & $pwsh -NoProfile -NonInteractive -Command 'exit 0' } }
    $import = foreach ($run in 1..$Runs) { Seconds { & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModulePath'; exit 0" } }

    [pscustomobject]@{
        'Find 50 units as one range (s, median)'             = [math]::Round((Median $range), 3)
        'Range discovery / default timeout'                  = [math]::Round((Median $range) / $timeout, 4)
        'Timeout / range discovery (speed-up)'               = [math]::Round($timeout / (Median $range), 1)
        '/22 sweep (s) and units found of 10'                = "$([math]::Round($sweep, 2)) s, $sweptCount"
        'One unit Get-MideaState (ms, median)'               = [math]::Round((Median $single) * 1000, 1)
        '50 units, -ThrottleLimit 16 (ms, median)'           = [math]::Round((Median $parallel) * 1000, 1)
        '50 units, -ThrottleLimit 1 (ms, median)'            = [math]::Round((Median $serial) * 1000, 1)
        '50 units throttle 16 / one unit'                    = [math]::Round((Median $parallel) / (Median $single), 2)
        'With 100 ms latency: one unit (ms, median)'         = [math]::Round((Median $slowSingle) * 1000, 1)
        'With 100 ms latency: 50 units, throttle 16 (ms)'    = [math]::Round((Median $slowParallel) * 1000, 1)
        'With 100 ms latency: 50 units, throttle 50 (ms)'    = [math]::Round((Median $slowWide) * 1000, 1)
        'With latency: throttle 16 / one unit'               = [math]::Round((Median $slowParallel) / (Median $slowSingle), 2)
        'With latency: throttle 50 / one unit'               = [math]::Round((Median $slowWide) / (Median $slowSingle), 2)
        'Bare pwsh start (s, median)'                        = [math]::Round((Median $bare), 3)
        'pwsh + Import-Module Midea (s, median)'             = [math]::Round((Median $import), 3)
        'Import-Module adds (s)'                             = [math]::Round((Median $import) - (Median $bare), 3)
        'Runs'                                               = $Runs
    } | Format-List
}
finally {
    Stop-MideaSimulator
}
