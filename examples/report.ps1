#Requires -Version 7.4

<#
.SYNOPSIS
    Reporting: find the units on a range, read each one's state and energy, and write a CSV.
        pwsh -File report.ps1 -Range <your LAN range, e.g. a /24> -Path units.csv
    V3 units take their token and key from the device store (Save-MideaDevice).
#>
param(
    [Parameter(Mandatory)] [string[]] $Range,
    [Parameter(Mandatory)] [string] $Path,
    [string] $ModulePath = 'Midea'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

Find-MideaDevice -Address ($Range -split ',') |
    Get-MideaState -IncludeEnergy -ThrottleLimit 8 -ErrorAction Continue |
    Select-Object Address, Id, Power, Mode, TargetTemperature, IndoorTemperature, OutdoorTemperature, ErrorCode,
        @{ Name = 'TotalKwh'; Expression = { $_.Energy.TotalKwh } }, @{ Name = 'PowerW'; Expression = { $_.Energy.PowerW } } |
    Export-Csv -Path $Path -NoTypeInformation
