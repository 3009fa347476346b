#Requires -Version 7.4

<#
.SYNOPSIS
    Bulk Wi-Fi provisioning split across several computers with PowerShell remoting: each one
    provisions its share of a CSV with its own Wi-Fi radio, all at the same time, and one combined
    report comes back.
.DESCRIPTION
    One computer joins one unit's access point at a time, so a site with hundreds of units is
    bounded by one radio. This script gives each remote session a block of the CSV (columns
    ApSsid, Ssid, Passphrase, CountryCode, and optionally IPAddress, ApPassword, Bssid, Token, Key;
    see provision-from-csv.ps1) and runs Set-MideaWifi on every session at once.

    The split is contiguous, not round robin: a computer can only join access points within its
    radio's range, and a CSV is usually in walking order (floor, room). Contiguous blocks keep each
    computer's units together; sort the CSV by location and place the computers accordingly.
    Block sizes differ by at most one.

    The results come back as Deserialized.Midea.MideaWifiResult objects carrying PSComputerName.
    The report has one row per CSV row, in CSV order, with the Machine and Session that did it.
    A computer that fails entirely (session closed or broken, module missing) does not lose its
    rows: they are reported as failed with ErrorId RemotingFailed. The report holds no
    passphrase. Prints one summary line and exits 1 when any unit failed.

    Only the remote computers need the Midea module (imported there by -ModulePath); this one
    only coordinates.
.PARAMETER Csv
    The units, one row each.
.PARAMETER Report
    The combined report CSV to write.
.PARAMETER Session
    One session per provisioning computer. Each needs Midea installed and a Wi-Fi radio.
.PARAMETER WaitForNetwork
    Passed to Set-MideaWifi, like -WaitTimeoutSeconds and -TimeoutSeconds (its defaults when not
    given): where the units should appear once they joined.
.PARAMETER ModulePath
    What the remote computers import: the installed Midea by default, or a path to Midea.psd1
    valid on every one of them.
.PARAMETER SimulatedWlan
    Passed to Set-MideaWifi: each computer switches between the AP-mode simulators of its own
    session instead of its Wi-Fi, as the tests do.
.PARAMETER PassThru
    Also writes the result objects received from the computers (a computer that failed entirely
    sent none; its rows are in the report).
.EXAMPLE
    # Over SSH (PowerShell 7 on every computer, with the SSH subsystem configured):
    $sessions = New-PSSession -HostName laptop-a, laptop-b, laptop-c -UserName ops
    ./provision-across-machines.ps1 -Csv units.csv -Report report.csv -Session $sessions -WaitForNetwork 'my-lan-range/24'
    Remove-PSSession $sessions
.EXAMPLE
    # Over WinRM; -UseSSL (HTTPS) keeps the passphrases encrypted on the wire:
    $sessions = New-PSSession -ComputerName laptop-a, laptop-b -UseSSL -Credential (Get-Credential)
    ./provision-across-machines.ps1 -Csv units.csv -Report report.csv -Session $sessions
    Remove-PSSession $sessions
#>
param(
    [Parameter(Mandatory)] [string] $Csv,
    [Parameter(Mandatory)] [string] $Report,
    [Parameter(Mandatory)] [System.Management.Automation.Runspaces.PSSession[]] $Session,
    [string[]] $WaitForNetwork,
    [int] $WaitTimeoutSeconds,
    [int] $TimeoutSeconds,
    [switch] $SimulatedWlan,
    [string] $ModulePath = 'Midea',
    [switch] $PassThru
)
$ErrorActionPreference = 'Stop'

$rows = @(Import-Csv $Csv)
if ($rows.Count -eq 0) { throw "The CSV '$Csv' has no rows." }
# Each row carries its number to the remote side and back, so a result finds its row even when
# two rows look alike, and a row without a result is noticed.
for ($i = 0; $i -lt $rows.Count; $i++) { $rows[$i] | Add-Member -NotePropertyName Row -NotePropertyValue ($i + 1) -Force }

# Error text from a remote computer is not ours; whatever it says, no secret from the CSV reaches
# the report or the console.
$secrets = @($rows | ForEach-Object { $_.Passphrase, $_.Password, $_.Psk, $_.ApPassword, $_.Token, $_.Key } | Where-Object { $_ })
function Hide-Secret([string] $Text) {
    foreach ($secret in $secrets) { $Text = $Text.Replace($secret, '***') }
    ($Text -replace '\s+', ' ').Trim()
}

# Only what the caller gave is passed on; the rest keeps Set-MideaWifi's defaults.
$options = @{ SimulatedWlan = $SimulatedWlan.IsPresent }
if ($WaitForNetwork) { $options.WaitForNetwork = $WaitForNetwork }
foreach ($name in 'WaitTimeoutSeconds', 'TimeoutSeconds') {
    if ($PSBoundParameters.ContainsKey($name)) { $options[$name] = $PSBoundParameters[$name] }
}

# Runs on each remote computer. The passphrases travel in $Rows because Set-MideaWifi needs them
# there: SSH and WinRM over HTTPS encrypt the session (WinRM over plain HTTP only with
# Kerberos/Negotiate, never with Basic). Nothing here writes them anywhere.
$provision = {
    param($Rows, $ModulePath, $Options)
    # A computer without the module fails as a whole; the caller then reports all its rows.
    Import-Module $ModulePath -ErrorAction Stop
    foreach ($row in $Rows) {
        # One call per row so the result can be tagged with it. Units behind an access point go one
        # at a time on a radio anyway (units reached by address lose the cmdlet's parallel lanes,
        # but they need no radio to begin with). A unit's own failure is in its result.
        $row | Set-MideaWifi @Options -ErrorAction SilentlyContinue |
            Add-Member -NotePropertyName Row -NotePropertyValue $row.Row -PassThru
    }
}

# One Invoke-Command per session, as jobs, so they all run at once: a single Invoke-Command over
# every session would send the same arguments (every passphrase) to every computer, and would not
# say which computer's failure lost which rows.
$shares = for ($i = 0; $i -lt $Session.Count; $i++) {
    $first = [math]::Floor($i * $rows.Count / $Session.Count)
    $last = [math]::Floor(($i + 1) * $rows.Count / $Session.Count) - 1
    if ($last -lt $first) { continue }
    $share = [pscustomobject]@{ Session = $Session[$i]; Rows = $rows[$first..$last]; Job = $null; Problem = $null }
    try {
        $share.Job = Invoke-Command -Session $Session[$i] -ScriptBlock $provision -ArgumentList $share.Rows, $ModulePath, $options -AsJob
    }
    catch {
        $share.Problem = "$_"
    }
    $share
}

$results = [System.Collections.Generic.List[object]]::new()
$resultOfRow = @{}
try {
    $jobs = @($shares | ForEach-Object Job | Where-Object { $_ })
    if ($jobs) { $null = Wait-Job -Job $jobs }
    foreach ($share in $shares | Where-Object Job) {
        $received = @(Receive-Job -Job $share.Job -ErrorAction SilentlyContinue -ErrorVariable problems)
        foreach ($result in $received) { $results.Add($result); $resultOfRow[[int]$result.Row] = $result }
        $reason = $share.Job.ChildJobs[0].JobStateInfo.Reason
        $share.Problem = if ($reason) { $reason.Message } elseif ($problems) { $problems -join '; ' }
    }
}
finally {
    # Also on Ctrl+C: stops the remote work and drops the jobs, leaving the caller's sessions open.
    if ($jobs) { Remove-Job -Job $jobs -Force }
}

$reportRows = foreach ($share in $shares) {
    $lost = @($share.Rows | Where-Object { -not $resultOfRow[$_.Row] })
    if ($lost -and $share.Problem) {
        Write-Warning ("{0} ({1}): {2} row(s) got no result: {3}" -f $share.Session.Name, $share.Session.ComputerName, $lost.Count, (Hide-Secret $share.Problem))
    }
    foreach ($row in $share.Rows) {
        $result = $resultOfRow[$row.Row]
        if ($result) {
            [pscustomobject]@{
                Row = $row.Row; Machine = $result.PSComputerName; Session = $share.Session.Name
                ApSsid = $result.ApSsid; Address = $result.Address; Id = $result.Id; MacAddress = $result.MacAddress
                Ssid = $result.Ssid; Success = $result.Success; FailedStep = $result.FailedStep; ErrorId = $result.ErrorId
                Error = if ($result.Error) { Hide-Secret $result.Error }; NewAddress = $result.NewAddress
            }
        }
        else {
            [pscustomobject]@{
                Row = $row.Row; Machine = $share.Session.ComputerName; Session = $share.Session.Name
                ApSsid = $row.ApSsid; Address = @($row.Address, $row.IPAddress, $row.Ip) | Where-Object { $_ } | Select-Object -First 1
                Id = $null; MacAddress = $null; Ssid = $row.Ssid; Success = $false; FailedStep = 'Remoting'; ErrorId = 'RemotingFailed'
                Error = if ($share.Problem) { Hide-Secret $share.Problem } else { 'No result came back for this row.' }; NewAddress = $null
            }
        }
    }
}
$reportRows | Export-Csv -Path $Report -NoTypeInformation
if ($PassThru) { $results }
$failed = @($reportRows | Where-Object { -not $_.Success })
"$($reportRows.Count) units on $(@($shares).Count) machines, $($failed.Count) failed"
exit ([int]($failed.Count -gt 0))
