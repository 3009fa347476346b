#Requires -Version 7.4

<#
.SYNOPSIS
    Bulk Wi-Fi provisioning from a CSV (columns ApSsid, Ssid, Passphrase, CountryCode): the computer
    joins each unit's access point in turn, provisions it, rejoins its own network, and the unit is
    looked for on -WaitForNetwork. Writes a report CSV with one row per unit, and exits 1 when
    any unit failed.
        pwsh -File provision-from-csv.ps1 -Csv units.csv -Report report.csv -WaitForNetwork <your LAN range>
    -SimulatedWlan uses the AP-mode simulators of the session instead of the computer's Wi-Fi.
#>
param(
    [Parameter(Mandatory)] [string] $Csv,
    [Parameter(Mandatory)] [string] $Report,
    [string[]] $WaitForNetwork,
    [switch] $SimulatedWlan,
    [string] $ModulePath = 'Midea'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$wait = @{}
if ($WaitForNetwork) { $wait.WaitForNetwork = $WaitForNetwork -split ','; $wait.WaitTimeoutSeconds = 120 }
$results = Import-Csv $Csv | Set-MideaWifi @wait -SimulatedWlan:$SimulatedWlan -ErrorAction SilentlyContinue
# The passphrase is not in the results; the report is safe to share.
$results | Select-Object ApSsid, Id, MacAddress, Ssid, Success, FailedStep, ErrorId, Error, NewAddress |
    Export-Csv -Path $Report -NoTypeInformation
$failed = @($results | Where-Object { -not $_.Success })
"$($results.Count) units, $($failed.Count) failed"
exit ([int]($failed.Count -gt 0))
