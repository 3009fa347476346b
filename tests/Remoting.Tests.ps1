# examples/provision-across-machines.ps1 for real over PowerShell remoting: each "machine" is an
# out-of-process PowerShell session on this computer (the same PSRP protocol as SSH and WinRM,
# carried over a child pwsh's stdin/stdout), so results really cross serialization. 127.0.26.x only.
#
# Most tests address the units directly (an IPAddress column): the simulators then live in this
# process, where their counters show each unit was provisioned exactly once, and the children
# reach them over loopback. The simulated radio (-SimulatedWlan) only knows the simulators of its own
# process, so one test starts the access points inside each session: like a laptop that can only
# reach the units near it, a row sent to the wrong machine would fail.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    # The children import the same built module as this process.
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $script:example = Join-Path $PSScriptRoot '../examples/provision-across-machines.ps1'
    $script:passphrase = 'Remote-Pa55phrase-2611'
    $script:opened = [System.Collections.Generic.List[object]]::new()

    # A PSSession backed by a child pwsh; -Name is how the report tells the machines apart, since
    # every such session's ComputerName is localhost.
    function New-TestSession([string] $Name) {
        $instance = [System.Management.Automation.Runspaces.PowerShellProcessInstance]::new()
        $runspace = [runspacefactory]::CreateOutOfProcessRunspace($null, $instance)
        $runspace.Open()
        $session = [System.Management.Automation.Runspaces.PSSession]::Create($runspace, 'OutOfProcess', $null)
        $session.Name = $Name
        $script:opened.Add([pscustomobject]@{ Session = $session; Process = $instance })
        $session
    }

    # A CSV row: a unit reached at its address, or (with -ApSsid) through its access point.
    function New-Row([string] $Address, [string] $ApSsid) {
        $row = [ordered]@{ ApSsid = $ApSsid; Ssid = 'site-net'; Passphrase = $passphrase; CountryCode = 'GB' }
        if ($Address) { $row.IPAddress = $Address }
        [pscustomobject]$row
    }

    # Runs the example as a user would, capturing every stream, and returns what it produced.
    function Invoke-Example([object[]] $Rows, [object[]] $Session, [hashtable] $Options = @{}) {
        $csv = Join-Path $TestDrive 'units.csv'
        $report = Join-Path $TestDrive 'report.csv'
        Remove-Item $report -ErrorAction SilentlyContinue
        $Rows | Export-Csv $csv -NoTypeInformation
        $output = & $example -Csv $csv -Report $report -Session $Session -ModulePath $modulePath -TimeoutSeconds 5 -WaitTimeoutSeconds 15 -PassThru @Options *>&1
        $exitCode = $LASTEXITCODE
        [pscustomobject]@{
            ExitCode = $exitCode
            Summary  = @($output | Where-Object { $_ -is [string] })
            Results  = @($output | Where-Object { $_.PSObject.TypeNames -contains 'Deserialized.Midea.MideaWifiResult' })
            Warnings = @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
            Report   = @(Import-Csv $report)
            # Everything a user could see or keep, for the secret check.
            Text     = (@($output | ForEach-Object { $_ | Format-List * -Force | Out-String }) + (Get-Content $report -Raw)) -join "`n"
        }
    }

    $script:sessions = @(New-TestSession 'laptop-a'; New-TestSession 'laptop-b')
}

AfterAll {
    foreach ($item in $opened) {
        Remove-PSSession $item.Session -ErrorAction SilentlyContinue
        if ($item.Process.Process -and -not $item.Process.Process.HasExited) { $item.Process.Process.Kill() }
        $item.Process.Dispose()
    }
    Stop-MideaSimulator
}

Describe 'examples/provision-across-machines.ps1' {
    It 'provisions every row exactly once, each machine a contiguous block, and reports who did which' {
        $units = Start-MideaSimulator -ApMode -Address 127.0.26.10 -Count 6 -HomeAddress 127.0.26.110 -JoinDelaySeconds 0.2
        $run = Invoke-Example -Rows ($units | ForEach-Object { New-Row $_.Address }) -Session $sessions -Options @{ WaitForNetwork = '127.0.26.110-115' }

        $run.ExitCode | Should -Be 0
        $run.Summary | Should -Be '6 units on 2 machines, 0 failed'
        # The units themselves, not only the report: each took the settings once and moved.
        ($units | ForEach-Object Provisioned) | Should -Be 1, 1, 1, 1, 1, 1
        ($units | ForEach-Object Network) | Should -Be (@('site-net') * 6)
        ($units | ForEach-Object Address) | Should -Be (110..115 | ForEach-Object { "127.0.26.$_" })
        # The passphrase crossed the session intact: the unit accepts a token minted from it.
        $minted = New-MideaToken -Ssid 'site-net' -Passphrase $passphrase -MacAddress $units[4].MacAddress
        Test-MideaConnection -Address $units[4].Address -Token $minted.Token -Key $minted.Key -Quiet | Should -BeTrue

        $run.Report | Should -HaveCount 6
        ($run.Report | ForEach-Object Row) | Should -Be '1', '2', '3', '4', '5', '6'
        ($run.Report | ForEach-Object Session) | Should -Be 'laptop-a', 'laptop-a', 'laptop-a', 'laptop-b', 'laptop-b', 'laptop-b'
        ($run.Report | ForEach-Object Machine | Sort-Object -Unique) | Should -Be 'localhost'
        ($run.Report | ForEach-Object Success) | Should -Be (@('True') * 6)
        ($run.Report | ForEach-Object Id) | Should -Be ($units | ForEach-Object { "$($_.Id)" })
        ($run.Report | ForEach-Object NewAddress) | Should -Be ($units | ForEach-Object Address)
    }

    It 'passes back deserialized MideaWifiResult objects with their properties and the session they came from' {
        $units = Start-MideaSimulator -ApMode -Address 127.0.26.50 -Count 2 -JoinDelaySeconds 0
        $run = Invoke-Example -Rows ($units | ForEach-Object { New-Row $_.Address }) -Session $sessions

        $run.ExitCode | Should -Be 0
        $run.Results | Should -HaveCount 2
        foreach ($result in $run.Results) {
            $result.PSObject.TypeNames[0] | Should -Be 'Deserialized.Midea.MideaWifiResult'
            $result.PSComputerName | Should -Be 'localhost'
            $unit = $units | Where-Object Address -EQ $result.Address
            $result.Id | Should -Be $unit.Id
            $result.MacAddress | Should -Be $unit.MacAddress
            $result.Success | Should -BeTrue
            $result.CredentialSource | Should -Be 'MintedFromAp'
            # Whole step objects, not their text: Midea.Types.ps1xml raises the serialization depth.
            $result.Steps[0].Name | Should -Be 'Validate'
            ($result.Steps | ForEach-Object Name) | Should -Contain 'Handshake'
            [int]$result.Steps[0].Outcome | Should -Be ([int][Midea.WifiStepOutcome]::Succeeded)
        }
        # One result from each child process's runspace.
        ($run.Results | ForEach-Object RunspaceId | Sort-Object) | Should -Be ($sessions | ForEach-Object InstanceId | Sort-Object)
    }

    It 'lets each machine reach only the access points of its own radio, passing -SimulatedWlan through' {
        $started = for ($i = 0; $i -lt 2; $i++) {
            Invoke-Command -Session $sessions[$i] -ArgumentList $modulePath, "127.0.26.4$(2 * $i)", "127.0.26.14$(2 * $i)" -ScriptBlock {
                param($ModulePath, $ApAddress, $HomeAddress)
                Import-Module $ModulePath
                $global:accessPoints = Start-MideaSimulator -ApMode -Address $ApAddress -Count 2 -HomeAddress $HomeAddress -JoinDelaySeconds 0.2
                $global:accessPoints | ForEach-Object Name
            }
        }
        $started | Should -HaveCount 4
        $rows = $started | ForEach-Object { New-Row -ApSsid $_ }

        $run = Invoke-Example -Rows $rows -Session $sessions -Options @{ SimulatedWlan = $true; WaitForNetwork = '127.0.26.140-143' }

        $run.ExitCode | Should -Be 0
        ($run.Report | ForEach-Object ApSsid) | Should -Be $started
        ($run.Report | ForEach-Object Session) | Should -Be 'laptop-a', 'laptop-a', 'laptop-b', 'laptop-b'
        ($run.Report | ForEach-Object NewAddress) | Should -Be '127.0.26.140', '127.0.26.141', '127.0.26.142', '127.0.26.143'
        foreach ($session in $sessions) {
            Invoke-Command -Session $session -ScriptBlock { $accessPoints | ForEach-Object Provisioned } | Should -Be 1, 1
        }
    }

    It 'marks a unit that refuses the settings as failed and exits 1, while the others are provisioned' {
        $units = Start-MideaSimulator -ApMode -Address 127.0.26.20 -Count 3 -HomeAddress 127.0.26.120 -JoinDelaySeconds 0.2
        $refusing = Start-MideaSimulator -ApMode -Address 127.0.26.23 -ApPassword 'not-the-default'
        $rows = @($units; $refusing) | ForEach-Object { New-Row $_.Address }

        $run = Invoke-Example -Rows $rows -Session $sessions -Options @{ WaitForNetwork = '127.0.26.120-122' }

        $run.ExitCode | Should -Be 1
        $run.Summary | Should -Be '4 units on 2 machines, 1 failed'
        $failed = $run.Report | Where-Object Success -NE 'True'
        $failed.Address | Should -Be '127.0.26.23'
        $failed.Session | Should -Be 'laptop-b'
        $failed.FailedStep | Should -Be 'Handshake'
        $failed.ErrorId | Should -Be 'AuthenticationFailed'
        $refusing.Provisioned | Should -Be 0
        $refusing.ApMode | Should -BeTrue
        ($units | ForEach-Object Provisioned) | Should -Be 1, 1, 1
        $run.Text | Should -Match 'AuthenticationFailed'
        $run.Text | Should -Not -Match ([regex]::Escape($passphrase))
    }

    It 'reports the rows of a machine that <Case> as failed, and still provisions the others' -ForEach @(
        @{ Case = 'has a closed session'; Base = 30; Reason = 'Closed' }
        @{ Case = 'lacks the module'; Base = 34; Reason = 'not installed' }
    ) {
        $lost = New-TestSession 'laptop-c'
        if ($Case -eq 'has a closed session') {
            Remove-PSSession $lost
        }
        else {
            # A function outranks the cmdlet of the same name: this machine's Import-Module fails
            # as it would where Midea is not installed.
            Invoke-Command -Session $lost -ScriptBlock { function global:Import-Module { throw 'The module Midea is not installed here.' } }
        }
        $units = Start-MideaSimulator -ApMode -Address "127.0.26.$Base" -Count 4 -JoinDelaySeconds 0

        $run = Invoke-Example -Rows ($units | ForEach-Object { New-Row $_.Address }) -Session $sessions[0], $lost

        $run.ExitCode | Should -Be 1
        $run.Summary | Should -Be '4 units on 2 machines, 2 failed'
        $run.Report | Should -HaveCount 4
        ($run.Report | ForEach-Object Success) | Should -Be 'True', 'True', 'False', 'False'
        $gone = $run.Report | Select-Object -Skip 2
        ($gone | ForEach-Object Session) | Should -Be 'laptop-c', 'laptop-c'
        ($gone | ForEach-Object FailedStep) | Should -Be 'Remoting', 'Remoting'
        ($gone | ForEach-Object ErrorId) | Should -Be 'RemotingFailed', 'RemotingFailed'
        ($gone | ForEach-Object Address) | Should -Be $units[2].Address, $units[3].Address
        ($gone | ForEach-Object Error) | Should -Match $Reason
        ($units | ForEach-Object Provisioned) | Should -Be 1, 1, 0, 0
        $run.Warnings | Should -HaveCount 1
        "$($run.Warnings[0])" | Should -Match "laptop-c .*2 row.*$Reason"
        $run.Text | Should -Not -Match ([regex]::Escape($passphrase))
    }
}
