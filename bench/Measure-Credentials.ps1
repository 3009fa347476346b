#Requires -Version 7.4
<#
.SYNOPSIS
    Measures what reading the token and key from the device store costs, against passing them as
    parameters, on one simulated V3 unit on 127.0.8.240 (loopback only). A temporary store is used.
        dotnet pwsh ./bench/Measure-Credentials.ps1
#>
param(
    [string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName,
    [int] $Polls = 100,
    [int] $Runs = 5
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Median([double[]] $values) { ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

$previous = $env:MIDEA_STORE_PATH
$env:MIDEA_STORE_PATH = Join-Path ([IO.Path]::GetTempPath()) "midea-bench-store-$PID.xml"
$unit = Start-MideaSimulator -Address 127.0.8.240
try {
    $unit | Find-MideaDevice | Save-MideaDevice -Token $unit.Token -Key $unit.Key
    $common = @{ Address = $unit.Address; Id = $unit.Id; ProtocolVersion = 3 }
    function Time([hashtable] $extra) {
        foreach ($run in 1..$Runs) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            foreach ($i in 1..$Polls) { $null = Get-MideaState @common @extra }
            $watch.Stop()
            $watch.Elapsed.TotalMilliseconds
        }
    }
    $given = Time @{ Token = $unit.Token; Key = $unit.Key }
    $stored = Time @{}
    [pscustomobject]@{
        "$Polls x Get-MideaState, -Token/-Key given (ms, median)" = [math]::Round((Median $given), 1)
        "$Polls x Get-MideaState, from the store (ms, median)"    = [math]::Round((Median $stored), 1)
        'Store / given'                                           = [math]::Round((Median $stored) / (Median $given), 2)
        'Runs'                                                    = $Runs
    } | Format-List
}
finally {
    Stop-MideaSimulator
    Remove-Item "$env:MIDEA_STORE_PATH*" -ErrorAction SilentlyContinue
    $env:MIDEA_STORE_PATH = $previous
}
