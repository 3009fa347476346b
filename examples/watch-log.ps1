#Requires -Version 7.4

<#
.SYNOPSIS
    Keeps a change log: watches every saved unit (or the addresses given) and appends one CSV row
    per change, per unit going offline and per unit coming back.
.DESCRIPTION
    Unattended: it never prompts and never writes a token or key. Start it from a scheduler every
    hour, or in the background of a session, for example:
        pwsh -NoProfile -NonInteractive -File watch-log.ps1 -CsvPath ./changes.csv -DurationSeconds 3600
    Rows are appended, so consecutive runs build one log with one header.
.PARAMETER Address
    Units to watch, as a list or one comma-separated string; every unit in the device store
    (Save-MideaDevice) when not given.
.PARAMETER CsvPath
    The CSV file to append to.
.PARAMETER DurationSeconds
    How long to watch before the script ends.
.PARAMETER IntervalSeconds
    How often each unit is read when it pushes nothing.
.PARAMETER ModulePath
    The module to import; the installed Midea by default.
#>
param(
    [string[]] $Address,
    [Parameter(Mandatory)] [string] $CsvPath,
    [int] $DurationSeconds = 3600,
    [int] $IntervalSeconds = 30,
    [string] $ModulePath = 'Midea'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath

$watch = @{ Duration = New-TimeSpan -Seconds $DurationSeconds; IntervalSeconds = $IntervalSeconds }
# One pipeline, so each row is written as its change happens.
& { if ($Address) { $Address -split ',' | Watch-MideaState @watch } else { Watch-MideaState @watch } } |
    Select-Object @{ n = 'Time'; e = { $_.Time.ToString('o') } }, Address, Id, Event, Source, Summary |
    Export-Csv -Path $CsvPath -Append -NoTypeInformation
