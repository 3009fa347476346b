# Progress bars and -Verbose narration of the bulk cmdlets. Each command runs in its own hosted
# [powershell] instance that imports the built module; its Streams.Progress and Streams.Verbose
# keep every record in the order written (the module writes a new ProgressRecord each time, so
# the records are what was reported then, not the bar's last state). Units on 127.0.28.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:module = if ($env:MIDEA_TEST_MODULE) { $env:MIDEA_TEST_MODULE } else { Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1' }
    $script:passphrase = 'Unique-Pa55phrase-2807'

    # In-process simulators serve every runspace of this process, the hosted ones included.
    $script:units = @(Start-MideaSimulator -Address 127.0.28.1 -Count 5)
    $script:slow = @(Start-MideaSimulator -Address 127.0.28.20 -Count 4)
    $script:cut = Start-MideaSimulator -Address 127.0.28.30 -ProtocolVersion 2
    $script:plain = Start-MideaSimulator -Address 127.0.28.31 -ProtocolVersion 2
    # Never found by Find-MideaDevice here, so Get-MideaState must ask it for its id and version.
    $script:unknown = Start-MideaSimulator -Address 127.0.28.32 -ProtocolVersion 2
    # Piped rows: address, id, version and the unit's own token and key bind by property name.
    $script:rows = @($units | Select-Object Address, Id, ProtocolVersion, Token, Key)
    $script:slowRows = @($slow | Select-Object Address, Id, ProtocolVersion, Token, Key)

    # Runs $Script (a param() block may take $Arguments) in a fresh hosted instance and returns
    # what it wrote. With -StopOnProgress, stops it (as Ctrl+C does) once a progress record is out.
    function Invoke-Hosted([string] $Script, [hashtable] $Arguments = @{}, [switch] $StopOnProgress) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', $module).AddStatement()
            $null = $ps.AddScript($Script).AddParameters($Arguments)
            $output = @()
            if ($StopOnProgress) {
                $async = $ps.BeginInvoke()
                # A deadline, not a timing assertion: it only keeps a broken run from hanging.
                $deadline = [datetime]::UtcNow.AddSeconds(30)
                while ($ps.Streams.Progress.Count -eq 0 -and -not $async.IsCompleted -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
                $ps.Stop()
                try { $null = $ps.EndInvoke($async) } catch [System.Management.Automation.PipelineStoppedException] { }
            }
            else {
                $output = @($ps.Invoke())
            }
            [pscustomobject]@{
                Output   = $output
                State    = $ps.InvocationStateInfo.State
                Progress = @($ps.Streams.Progress)
                Verbose  = @($ps.Streams.Verbose | ForEach-Object Message)
                Errors   = @($ps.Streams.Error)
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    # The records of one activity: at least one Processing record, then exactly one Completed,
    # last, all with one ActivityId. Returns them.
    function Assert-ClosedBar([object[]] $Progress, [string] $Activity) {
        $bar = @($Progress | Where-Object Activity -EQ $Activity)
        $bar.Count | Should -BeGreaterThan 1 -Because "$Activity shows its bar before closing it"
        $bar[0].RecordType | Should -Be 'Processing'
        $bar[-1].RecordType | Should -Be 'Completed'
        @($bar | Where-Object RecordType -EQ 'Completed') | Should -HaveCount 1
        @($bar | ForEach-Object ActivityId | Sort-Object -Unique) | Should -HaveCount 1
        , $bar
    }

    function Start-ApUnits([string] $Address) {
        $ap = @(Start-MideaSimulator -ApMode -Address $Address -Count 3 -JoinDelaySeconds 0)
        , @($ap | ForEach-Object { [pscustomobject]@{ IPAddress = $_.Address; Ssid = 'site-wifi'; Psk = $passphrase; Country = 'AU' } })
    }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'A hosted instance' {
    It 'starts with $ProgressPreference = Continue, whatever the caller''s preference is' {
        $ProgressPreference = 'SilentlyContinue'
        $run = Invoke-Hosted '$ProgressPreference; $VerbosePreference'
        "$($run.Output[0])" | Should -Be 'Continue'
        "$($run.Output[1])" | Should -Be 'SilentlyContinue'
    }
}

Describe 'Progress of bulk work' {
    It 'Find-MideaDevice shows the sweep over a range and closes it' {
        $run = Invoke-Hosted 'Find-MideaDevice -Address 127.0.28.1-5 -TimeoutSeconds 5'
        $run.Output | Should -HaveCount 5
        $bar = Assert-ClosedBar $run.Progress 'Find-MideaDevice'
        $bar[-1].StatusDescription | Should -Be '5 device(s) found'
    }

    It 'Get-MideaState over piped units counts them, with no made-up percentage, and closes the bar' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState' @{ Rows = $rows }
        $run.Output | Should -HaveCount 5
        $bar = Assert-ClosedBar $run.Progress 'Get-MideaState'
        # A pipeline has no known total, so no percentage is invented: -1 means unknown.
        @($bar | ForEach-Object PercentComplete | Sort-Object -Unique) | Should -Be @(-1)
        $bar[-1].StatusDescription | Should -BeLike '5 unit(s) done, 0 in flight*'
    }

    It 'Set-MideaState over piped units shows and closes its bar' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Set-MideaState -Power $true -PassThru' @{ Rows = $rows }
        $run.Output | Should -HaveCount 5
        $bar = Assert-ClosedBar $run.Progress 'Set-MideaState'
        $bar[-1].StatusDescription | Should -BeLike '5 unit(s) done*'
    }

    It 'counts a failed unit as done and failed' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState -TimeoutSeconds 1' @{
            Rows = @($rows[0], [pscustomobject]@{ Address = '127.0.28.99'; Id = 1; ProtocolVersion = 2 }, $rows[1])
        }
        $run.Output | Should -HaveCount 2
        $run.Errors | Should -HaveCount 1
        $bar = Assert-ClosedBar $run.Progress 'Get-MideaState'
        $bar[-1].StatusDescription | Should -BeLike '3 unit(s) done (1 failed), 0 in flight*'
    }

    It 'Test-MideaConnection over piped units shows and closes its bar' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Test-MideaConnection' @{ Rows = $rows[0..2] }
        ($run.Output | ForEach-Object Success) | Should -Be $true, $true, $true
        $bar = Assert-ClosedBar $run.Progress 'Test-MideaConnection'
        $bar[-1].StatusDescription | Should -BeLike '3 unit(s) done*'
    }

    It 'shows no bar for a single unit' {
        $run = Invoke-Hosted 'param($Row) $Row | Get-MideaState; $Row | Set-MideaState -Power $false' @{ Row = $rows[0] }
        $run.Output | Should -HaveCount 1
        $run.Progress | Should -BeNullOrEmpty
    }

    It 'gives each cmdlet of one pipeline its own ActivityId' {
        $run = Invoke-Hosted 'Find-MideaDevice -Address 127.0.28.30-31 | Get-MideaState'
        $run.Output | Should -HaveCount 2
        $find = Assert-ClosedBar $run.Progress 'Find-MideaDevice'
        $get = Assert-ClosedBar $run.Progress 'Get-MideaState'
        $find[0].ActivityId | Should -Not -Be $get[0].ActivityId
    }

    It 'Set-MideaWifi over a small batch counts up to 100 % and closes its bar' {
        $batch = Start-ApUnits 127.0.28.40
        $run = Invoke-Hosted 'param($Rows) $Rows | Set-MideaWifi -ThrottleLimit 3' @{ Rows = $batch }
        ($run.Output | ForEach-Object Success) | Should -Be $true, $true, $true
        $bar = Assert-ClosedBar $run.Progress 'Provisioning Wi-Fi'
        ($bar | Where-Object RecordType -EQ 'Processing' | ForEach-Object PercentComplete) | Should -Be 0, 33, 66, 100
    }
}

Describe 'A stopped pipeline still closes its bar' {
    It 'Find-MideaDevice | Select-Object -First 1' {
        $run = Invoke-Hosted 'Find-MideaDevice -Address 127.0.28.1-5 -TimeoutSeconds 5 | Select-Object -First 1'
        $run.Output | Should -HaveCount 1
        $null = Assert-ClosedBar $run.Progress 'Find-MideaDevice'
    }

    It 'Get-MideaState | Select-Object -First 1, stopped in EndProcessing' {
        # The first unit answers last, so its result comes out only after every unit was submitted.
        Set-MideaSimulator -Address 127.0.28.20 -ResponseDelayMs 300
        try {
            $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState | Select-Object -First 1' @{ Rows = $slowRows }
        }
        finally {
            Set-MideaSimulator -Address 127.0.28.20 -Clear
        }
        $run.Output | Should -HaveCount 1
        $null = Assert-ClosedBar $run.Progress 'Get-MideaState'
    }

    It 'Get-MideaState | Select-Object -First 1, stopped in ProcessRecord' {
        # The last unit comes 0.6 s late; the first has answered by then, and its result, written
        # while that last unit is submitted, stops the pipeline before EndProcessing can run.
        Set-MideaSimulator -Address 127.0.28.20 -ResponseDelayMs 200
        try {
            $run = Invoke-Hosted 'param($Rows) & { $Rows[0..2]; Start-Sleep -Milliseconds 600; $Rows[3] } | Get-MideaState | Select-Object -First 1' @{ Rows = $slowRows }
        }
        finally {
            Set-MideaSimulator -Address 127.0.28.20 -Clear
        }
        $run.Output | Should -HaveCount 1
        $null = Assert-ClosedBar $run.Progress 'Get-MideaState'
    }

    It 'Set-MideaWifi | Select-Object -First 1' {
        $batch = Start-ApUnits 127.0.28.50
        $run = Invoke-Hosted 'param($Rows) $Rows | Set-MideaWifi -ThrottleLimit 1 | Select-Object -First 1' @{ Rows = $batch }
        $run.Output | Should -HaveCount 1
        $null = Assert-ClosedBar $run.Progress 'Provisioning Wi-Fi'
    }

    It 'Set-MideaWifi | Select-Object -First 1 stops the units not yet provisioned' {
        # Each unit answers 0.5 s late, one unit at a time: when the first result stops the
        # pipeline, the last unit has not been started. Left running, the batch would go on and
        # provision it with passphrases already wiped.
        $ap = @(Start-MideaSimulator -ApMode -Address 127.0.28.100 -Count 3 -JoinDelaySeconds 0)
        Set-MideaSimulator -Address ($ap | ForEach-Object Address) -ResponseDelayMs 500
        $batch = @($ap | ForEach-Object { [pscustomobject]@{ IPAddress = $_.Address; Ssid = 'site-wifi'; Psk = $passphrase; Country = 'AU' } })
        $run = Invoke-Hosted 'param($Rows) $Rows | Set-MideaWifi -ThrottleLimit 1 | Select-Object -First 1' @{ Rows = $batch }
        $run.Output | Should -HaveCount 1
        # Long enough for a batch that was not stopped to reach the last unit.
        Start-Sleep -Seconds 3
        # Not even contacted: a batch left running would reach it (and fail or worse on a wiped passphrase).
        $ap[-1].RepliesSent | Should -Be 0
        $ap[-1].Provisioned | Should -Be 0
    }

    It 'Get-MideaState stopped by Ctrl+C (PowerShell.Stop) while a unit is slow' {
        Set-MideaSimulator -Address 127.0.28.23 -ResponseDelayMs 20000
        try {
            $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState' @{ Rows = $slowRows } -StopOnProgress
        }
        finally {
            Set-MideaSimulator -Address 127.0.28.23 -Clear
        }
        $run.State | Should -Be 'Stopped'
        $null = Assert-ClosedBar $run.Progress 'Get-MideaState'
    }

    It 'Find-MideaDevice stopped by Ctrl+C (PowerShell.Stop) during a sweep of silent addresses' {
        $run = Invoke-Hosted 'Find-MideaDevice -Address 127.0.28.96/28 -TimeoutSeconds 60' -StopOnProgress
        $run.State | Should -Be 'Stopped'
        $null = Assert-ClosedBar $run.Progress 'Find-MideaDevice'
    }
}

Describe 'No progress when the preference says so' {
    It 'writes no progress record under $ProgressPreference = SilentlyContinue' {
        $batch = Start-ApUnits 127.0.28.60
        $run = Invoke-Hosted @'
param($Rows, $Batch)
$ProgressPreference = 'SilentlyContinue'
Find-MideaDevice -Address 127.0.28.1-5
$Rows | Get-MideaState
$Rows | Set-MideaState -Power $true -PassThru
$Rows | Test-MideaConnection
$Batch | Set-MideaWifi -ThrottleLimit 3
'@ @{ Rows = $rows; Batch = $batch }
        $run.Output | Should -HaveCount 23
        $run.Progress | Should -BeNullOrEmpty
    }

    It 'writes no progress record with -ProgressAction SilentlyContinue' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState -ProgressAction SilentlyContinue' @{ Rows = $rows }
        $run.Output | Should -HaveCount 5
        $run.Progress | Should -BeNullOrEmpty
    }

    It 'writes no Completed record either when a silenced pipeline is stopped' {
        Set-MideaSimulator -Address 127.0.28.23 -ResponseDelayMs 20000
        try {
            # Stop once the run is under way: the verbose lines show it has started the units.
            $ps = [powershell]::Create()
            $null = $ps.AddCommand('Import-Module').AddParameter('Name', $module).AddStatement()
            $null = $ps.AddScript('param($Rows) $Rows | Get-MideaState -Verbose -ProgressAction SilentlyContinue').AddParameter('Rows', $slowRows)
            $async = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while (-not (@($ps.Streams.Verbose | ForEach-Object Message) -like '127.0.28.22:6444 answered*') -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
            $ps.Stop()
            try { $null = $ps.EndInvoke($async) } catch [System.Management.Automation.PipelineStoppedException] { }
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Progress | Should -BeNullOrEmpty
            $ps.Dispose()
        }
        finally {
            Set-MideaSimulator -Address 127.0.28.23 -Clear
        }
    }
}

Describe 'Verbose narration' {
    BeforeEach {
        # Sessions are kept across commands; each test narrates a fresh connect.
        Disconnect-MideaDevice
    }

    It 'writes nothing to the verbose stream under the default $VerbosePreference' {
        $batch = Start-ApUnits 127.0.28.70
        $run = Invoke-Hosted @'
param($Rows, $Batch)
Find-MideaDevice -Address 127.0.28.1-5
$Rows | Get-MideaState
$Rows | Set-MideaState -Power $true
Get-MideaState -Address 127.0.28.31
$Batch | Set-MideaWifi -ThrottleLimit 3
'@ @{ Rows = $rows; Batch = $batch }
        $run.Output | Should -HaveCount 14
        $run.Verbose | Should -BeNullOrEmpty
    }

    It 'narrates each unit of Get-MideaState: connect, handshake, reply' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState -Verbose' @{ Rows = $rows }
        $run.Output | Should -HaveCount 5
        foreach ($unit in $units) {
            $at = [regex]::Escape("$($unit.Address):6444")
            @($run.Verbose -match "^Connecting to $at \(V3, id $($unit.Id)\)\.$") | Should -HaveCount 1
            @($run.Verbose -match "^Connected to $at \(V3\)\.$") | Should -HaveCount 1
            @($run.Verbose -match "^Handshake with $at accepted\.$") | Should -HaveCount 1
            @($run.Verbose -match "^$at answered; done in ") | Should -HaveCount 1
        }
    }

    It 'narrates each unit of Set-MideaState: what it does, connect, handshake, reply, result' {
        $run = Invoke-Hosted 'param($Rows) $Rows | Set-MideaState -Mode Cool -Verbose' @{ Rows = $rows }
        $run.Errors | Should -BeNullOrEmpty
        foreach ($unit in $units) {
            $at = [regex]::Escape("$($unit.Address):6444")
            $run.Verbose | Should -Contain "Performing the operation `"Set Mode=Cool`" on target `"$($unit.Address)`"."
            @($run.Verbose -match "^Connected to $at \(V3\)\.$") | Should -HaveCount 1
            @($run.Verbose -match "^Handshake with $at accepted\.$") | Should -HaveCount 1
            @($run.Verbose -match "^$at answered; done in ") | Should -HaveCount 1
            $run.Verbose | Should -Contain "$($unit.Address): Set Mode=Cool."
        }
    }

    It 'narrates the reuse of the session kept from the command before' {
        $null = $rows | Get-MideaState
        $run = Invoke-Hosted 'param($Rows) $Rows | Get-MideaState -Verbose' @{ Rows = $rows }
        $run.Output | Should -HaveCount 5
        foreach ($unit in $units) {
            $at = [regex]::Escape("$($unit.Address):6444")
            @($run.Verbose -match "^Reusing the open session with $at\.$") | Should -HaveCount 1
            @($run.Verbose -match "^Connected to $at ") | Should -HaveCount 0
        }
    }

    It 'narrates the discovery a unit needs when its id and version are not given' {
        $run = Invoke-Hosted 'Get-MideaState -Address 127.0.28.32 -Verbose'
        $run.Output | Should -HaveCount 1
        $run.Verbose | Should -Contain 'Asking 127.0.28.32 for its id and protocol version (give -Id and -ProtocolVersion to skip this).'
        $run.Verbose | Should -Contain "127.0.28.32 answered discovery: V2, id $($unknown.Id)."
        $run.Verbose | Should -Contain 'Connected to 127.0.28.32:6444 (V2).'
    }

    It 'narrates each retry after a cut connection' {
        Set-MideaSimulator -Address 127.0.28.30 -CloseMidResponse
        try {
            $run = Invoke-Hosted "Get-MideaState -Address 127.0.28.30 -Id $($cut.Id) -ProtocolVersion 2 -Verbose"
        }
        finally {
            Set-MideaSimulator -Address 127.0.28.30 -Clear
        }
        $run.Errors | Should -HaveCount 1
        @($run.Verbose -match '^127\.0\.28\.30:6444: \w+ on attempt 1; reconnecting to ask again\.$') | Should -HaveCount 1
        @($run.Verbose -match '^127\.0\.28\.30:6444: \w+ on attempt 2; reconnecting to ask again\.$') | Should -HaveCount 1
        @($run.Verbose -like 'Connected to 127.0.28.30:6444*') | Should -HaveCount 3
    }

    It 'narrates each unit of Set-MideaWifi' {
        $batch = Start-ApUnits 127.0.28.80
        $run = Invoke-Hosted 'param($Rows) $Rows | Set-MideaWifi -ThrottleLimit 3 -Verbose' @{ Rows = $batch }
        ($run.Output | ForEach-Object Success) | Should -Be $true, $true, $true
        foreach ($address in $batch.IPAddress) {
            $at = [regex]::Escape($address)
            @($run.Verbose -match "^${at}: .* answered at $at\.$") | Should -HaveCount 1
            @($run.Verbose -match "^${at}: TCP connected to ${at}:6444\.$") | Should -HaveCount 1
            $run.Verbose | Should -Contain "${address}: The unit accepted the V3 handshake."
            $run.Verbose | Should -Contain "${address}: The unit acknowledged the settings."
        }
    }

    It 'never shows a token, a key or the passphrase' {
        $batch = Start-ApUnits 127.0.28.90
        $run = Invoke-Hosted @'
param($Rows, $Batch)
$Rows | Get-MideaState -Verbose
$Rows | Set-MideaState -Power $false -Verbose
$Rows | Test-MideaConnection -Verbose
$Rows | Get-MideaState -Token $Rows[0].Token -Key $Rows[0].Key -Id $Rows[0].Id -Verbose -ErrorAction SilentlyContinue
$Batch | Set-MideaWifi -ThrottleLimit 3 -Verbose
'@ @{ Rows = $rows; Batch = $batch }
        $run.Verbose.Count | Should -BeGreaterThan 40
        $text = ($run.Verbose + ($run.Progress | ForEach-Object { $_.StatusDescription, $_.CurrentOperation })) -join "`n"
        foreach ($unit in $units) {
            $text | Should -Not -Match $unit.Token
            $text | Should -Not -Match $unit.Key
        }
        $text | Should -Not -Match $passphrase
    }
}
