# Watch-MideaState against simulated units: changes found by a poll or pushed by the remote,
# offline and online objects, the heartbeat, the ends (Ctrl+C, -Duration, -Count), background
# jobs, and the change-log example. 127.0.38.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $script:repoRoot = Join-Path $PSScriptRoot '..'

    # Waits (up to $Seconds) until $Condition holds.
    function Wait-Until([scriptblock] $Condition, [int] $Seconds = 10) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        & $Condition
    }

    # Starts a watch in a PowerShell instance of this process, so a test can stop it as Ctrl+C does.
    function Start-Watch([string] $Arguments) {
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$modulePath'; Watch-MideaState $Arguments")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        [pscustomobject]@{ Shell = $shell; Output = $output; Handle = $handle }
    }
}

AfterAll {
    Disconnect-MideaDevice
    Stop-MideaSimulator
}

Describe 'Watch-MideaState' {
    It 'writes a change found by the regular read, naming the old and new values' {
        $unit = Start-MideaSimulator -Address 127.0.38.10 -ProtocolVersion 2
        $watch = Start-Watch "-Address 127.0.38.10 -Id $($unit.Id) -ProtocolVersion 2 -IntervalSeconds 1 -Property Power, Mode -Count 1"
        try {
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            Set-MideaState -Address 127.0.38.10 -Id $unit.Id -ProtocolVersion 2 -Power $true -Mode Heat
            Wait-Until { $watch.Handle.IsCompleted } | Should -BeTrue
            $change = $watch.Output[0]
            $change.Event | Should -Be 'Changed'
            $change.Source | Should -Be 'Poll'
            $change.Address | Should -Be '127.0.38.10'
            $change.Id | Should -Be $unit.Id
            ($change.Changes | ForEach-Object { "$_" }) | Should -Be @('Power: False -> True', 'Mode: Cool -> Heat')
            $change.Summary | Should -Be 'Power: False -> True; Mode: Cool -> Heat'
            $change.State.Power | Should -BeTrue
        }
        finally {
            $watch.Shell.Dispose()
            $unit | Stop-MideaSimulator
        }
    }

    It 'writes a change made with the remote as a push, with no regular read due' {
        $unit = Start-MideaSimulator -Address 127.0.38.11
        $watch = Start-Watch "-Address 127.0.38.11 -Id $($unit.Id) -ProtocolVersion 3 -Token $($unit.Token) -Key $($unit.Key) -IntervalSeconds 3600 -Count 1"
        try {
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            Set-MideaSimulator -Address 127.0.38.11 -RemoteControl @{ Power = $true; Mode = 'Heat' }
            Wait-Until { $watch.Handle.IsCompleted } | Should -BeTrue
            $change = $watch.Output[0]
            $change.Source | Should -Be 'Push'
            $change.Changes.Property | Should -Contain 'Power'
            $change.Changes.Property | Should -Contain 'Mode'
            $unit.Requests | Should -Be 2
        }
        finally {
            $watch.Shell.Dispose()
            $unit | Stop-MideaSimulator
        }
    }

    It 'writes Offline when the unit stops and Online when it is back' {
        $unit = Start-MideaSimulator -Address 127.0.38.12 -Id 3812 -ProtocolVersion 2
        $watch = Start-Watch '-Address 127.0.38.12 -Id 3812 -ProtocolVersion 2 -IntervalSeconds 1 -Count 2'
        try {
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            $unit | Stop-MideaSimulator
            Wait-Until { $watch.Output.Count -ge 1 } | Should -BeTrue
            $watch.Output[0].Event | Should -Be 'Offline'
            $watch.Output[0].Reason | Should -BeLike 'DeviceUnreachable: *'
            $watch.Output[0].State | Should -BeNullOrEmpty
            $back = Start-MideaSimulator -Address 127.0.38.12 -Id 3812 -ProtocolVersion 2
            Wait-Until { $watch.Handle.IsCompleted } | Should -BeTrue
            $watch.Output[1].Event | Should -Be 'Online'
            $watch.Output[1].State.Id | Should -Be 3812
        }
        finally {
            $watch.Shell.Dispose()
            Stop-MideaSimulator -Address 127.0.38.12 -ErrorAction SilentlyContinue
        }
    }

    It 'ends on a stop like Ctrl+C at once and leaves no session open' {
        $unit = Start-MideaSimulator -Address 127.0.38.13 -ProtocolVersion 2
        $watch = Start-Watch "-Address 127.0.38.13 -Id $($unit.Id) -ProtocolVersion 2"
        try {
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            $unit.OpenSessions | Should -Be 1
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $watch.Shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            Wait-Until { $unit.OpenSessions -eq 0 } | Should -BeTrue
            (Get-MideaOption).OpenSessions | Should -Be 0
        }
        finally {
            $watch.Shell.Dispose()
            $unit | Stop-MideaSimulator
        }
    }

    It 'ends after -Duration, writing nothing when nothing changed' {
        $unit = Start-MideaSimulator -Address 127.0.38.14 -ProtocolVersion 2
        $out = Watch-MideaState -Address 127.0.38.14 -Id $unit.Id -ProtocolVersion 2 -Duration (New-TimeSpan -Seconds 1) -Property Power
        $out | Should -BeNullOrEmpty
        $unit.Requests | Should -BeGreaterOrEqual 1
        Wait-Until { $unit.OpenSessions -eq 0 } | Should -BeTrue
        $unit | Stop-MideaSimulator
    }

    It 'ends when the pipeline has what it needs (Select-Object -First), leaving no session open' {
        $unit = Start-MideaSimulator -Address 127.0.38.17 -ProtocolVersion 2
        $remote = Start-ThreadJob -ArgumentList $unit, $modulePath {
            param($unit, $path)
            Import-Module $path
            while ($unit.Requests -lt 1) { Start-Sleep -Milliseconds 20 }
            Set-MideaSimulator -Address 127.0.38.17 -RemoteControl @{ Power = $true }
        }
        try {
            $first = Watch-MideaState -Address 127.0.38.17 -Id $unit.Id -ProtocolVersion 2 -IntervalSeconds 3600 -Property Power | Select-Object -First 1
            $first.Summary | Should -Be 'Power: False -> True'
            Wait-Until { $unit.OpenSessions -eq 0 } | Should -BeTrue
        }
        finally {
            $remote | Remove-Job -Force
            $unit | Stop-MideaSimulator
        }
    }

    It 'sends a heartbeat on a quiet connection' {
        $unit = Start-MideaSimulator -Address 127.0.38.15
        $null = Watch-MideaState -Address 127.0.38.15 -Token $unit.Token -Key $unit.Key -Id $unit.Id -ProtocolVersion 3 -IntervalSeconds 3600 -Duration (New-TimeSpan -Seconds 11)
        $unit.Heartbeats | Should -BeGreaterOrEqual 1
        $unit.Requests | Should -Be 1
        $unit.Connections | Should -Be 1
        $unit | Stop-MideaSimulator
    }

    It 'watches the units of the device store when none is given' {
        $previous = $env:MIDEA_STORE_PATH
        $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'
        try {
            $units = Start-MideaSimulator -Address 127.0.38.20 -Count 2 -ProtocolVersion 2
            Find-MideaDevice -Address 127.0.38.20-21 | Save-MideaDevice
            $watch = Start-Watch '-IntervalSeconds 1 -Property Power -Count 2'
            Wait-Until { ($units | Measure-Object Requests -Sum).Sum -ge 2 } | Should -BeTrue
            $units | ForEach-Object { Set-MideaState -Address $_.Address -Id $_.Id -ProtocolVersion 2 -Power $true }
            Wait-Until { $watch.Handle.IsCompleted } | Should -BeTrue
            ($watch.Output.Address | Sort-Object) | Should -Be @('127.0.38.20', '127.0.38.21')
        }
        finally {
            $watch.Shell.Dispose()
            $env:MIDEA_STORE_PATH = $previous
            $units | Stop-MideaSimulator
        }
    }

    It 'refuses a -Property that a watch does not compare, naming the ones it does' {
        { Watch-MideaState -Address 127.0.38.99 -Property Colour -Count 1 } | Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.WatchMideaStateCommand'
    }

    It 'runs in Start-ThreadJob and Start-Job' {
        $unit = Start-MideaSimulator -Address 127.0.38.16 -ProtocolVersion 2
        $block = {
            param($path, $id)
            Import-Module $path
            Watch-MideaState -Address 127.0.38.16 -Id $id -ProtocolVersion 2 -IntervalSeconds 1 -Property TargetTemperature -Count 1
        }
        $thread = Start-ThreadJob -ScriptBlock $block -ArgumentList $modulePath, $unit.Id
        $process = Start-Job -ScriptBlock $block -ArgumentList $modulePath, $unit.Id
        try {
            # The thread job shares this process's session; the job's process opens a second one.
            Wait-Until { $unit.Connections -ge 2 } 60 | Should -BeTrue
            # Both read at least once before the change (the job reads as soon as it connects; each reads every second).
            $reads = $unit.Requests
            Wait-Until { $unit.Requests -ge $reads + 3 } | Should -BeTrue
            Set-MideaState -Address 127.0.38.16 -Id $unit.Id -ProtocolVersion 2 -TargetTemperature 19
            $results = $thread, $process | Wait-Job -Timeout 30 | Receive-Job
            $results | Should -HaveCount 2
            $results | ForEach-Object { $_.Summary | Should -Be 'TargetTemperature: 25 -> 19' }
        }
        finally {
            $thread, $process | Remove-Job -Force
            $unit | Stop-MideaSimulator
        }
    }
}

Describe 'examples/watch-log.ps1' {
    It 'appends one CSV row per change, under one header across runs' {
        $unit = Start-MideaSimulator -Address 127.0.38.30 -ProtocolVersion 2
        $csv = Join-Path $TestDrive 'changes.csv'
        $script = Join-Path $repoRoot 'examples/watch-log.ps1'
        foreach ($power in $true, $false) {
            $run = Start-Process -FilePath dotnet -PassThru -NoNewWindow -WorkingDirectory $repoRoot -ArgumentList @(
                'pwsh', '-NoProfile', '-NonInteractive', '-File', $script, '-CsvPath', $csv, '-Address', '127.0.38.30',
                '-DurationSeconds', '6', '-IntervalSeconds', '1', '-ModulePath', $modulePath)
            $before = $unit.Requests
            Wait-Until { $unit.Requests -gt $before } | Should -BeTrue
            Set-MideaState -Address 127.0.38.30 -Id $unit.Id -ProtocolVersion 2 -Power $power
            $run.WaitForExit(30000) | Should -BeTrue
            $run.ExitCode | Should -Be 0
        }
        # The room's temperature may drift meanwhile and be logged too; the power changes are the test.
        $rows = Import-Csv $csv | Where-Object Summary -Match 'Power'
        $rows | Should -HaveCount 2
        $rows[0].Summary | Should -Match '^Power: False -> True'
        $rows[1].Summary | Should -Match '^Power: True -> False'
        $rows.Event | Should -Be @('Changed', 'Changed')
        (Get-Content $csv | Where-Object { $_ -like '"Time"*' }) | Should -HaveCount 1
        $unit | Stop-MideaSimulator
    }
}

Describe 'Watch-MideaState and units that move or take one connection' {
    It 'follows a saved unit to its new address, updates the store and says so' {
        $previous = $env:MIDEA_STORE_PATH
        $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'moved.xml'
        try {
            $unit = Start-MideaSimulator -Address 127.0.38.40
            Find-MideaDevice -Address 127.0.38.40 | Save-MideaDevice -Token $unit.Token -Key $unit.Key
            $watch = Start-Watch '-IntervalSeconds 3600 -SearchRange 127.0.38.40-127.0.38.45 -Count 1'
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            Set-MideaSimulator -Address 127.0.38.40 -MoveTo 127.0.38.43
            # The watch finds it and reads it there, then a remote change there is pushed to it.
            Wait-Until { (Get-MideaDevice -Id $unit.Id).Address -eq '127.0.38.43' } | Should -BeTrue
            Wait-Until { $unit.OpenSessions -ge 1 } | Should -BeTrue
            Set-MideaSimulator -Address 127.0.38.43 -RemoteControl @{ Power = $true }
            Wait-Until { $watch.Handle.IsCompleted } | Should -BeTrue
            $watch.Output[0].Address | Should -Be '127.0.38.43'
            $watch.Output[0].Source | Should -Be 'Push'
            "$($watch.Shell.Streams.Warning)" | Should -Be "Unit $($unit.Id) moved from 127.0.38.40 to 127.0.38.43; the store now has the new address."
        }
        finally {
            $watch.Shell.Dispose()
            $env:MIDEA_STORE_PATH = $previous
            Stop-MideaSimulator -Address 127.0.38.43 -ErrorAction SilentlyContinue
        }
    }

    It 'shares the one connection a unit takes with a get and a set while it watches' {
        $unit = Start-MideaSimulator -Address 127.0.38.50 -MaxConnections 1
        $common = @{ Address = '127.0.38.50'; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
        $watch = Start-Watch "-Address 127.0.38.50 -Token $($unit.Token) -Key $($unit.Key) -Id $($unit.Id) -ProtocolVersion 3 -IntervalSeconds 1 -Property Mode -Count 1"
        try {
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            (Get-MideaState @common).Id | Should -Be $unit.Id
            (Test-MideaConnection @common).Success | Should -BeTrue
            Set-MideaState @common -Mode Dry
            Wait-Until { $watch.Handle.IsCompleted } | Should -BeTrue
            $watch.Output[0].Summary | Should -Be 'Mode: Cool -> Dry'
            # Test-MideaConnection closes and reopens the one connection; when the unit has not yet
            # seen the close, it refuses the new one once and the connect is tried again.
            $unit.Connections | Should -BeLessOrEqual 3
        }
        finally {
            $watch.Shell.Dispose()
            $unit | Stop-MideaSimulator
        }
    }

    It 'reports a unit whose only connection another process holds, with the reason' {
        $unit = Start-MideaSimulator -Address 127.0.38.51 -ProtocolVersion 2 -MaxConnections 1
        $holder = [System.Net.Sockets.TcpClient]::new()
        try {
            $holder.Connect('127.0.38.51', 6444)
            Wait-Until { $unit.OpenSessions -eq 1 } | Should -BeTrue
            Get-MideaState -Address 127.0.38.51 -Id $unit.Id -ProtocolVersion 2 -TimeoutSeconds 1 -ErrorVariable failed -ErrorAction SilentlyContinue
            ($failed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'DeviceUnreachable'
            $failed[0].Exception.Message | Should -Match 'has no room for another connection'
            $unit.RefusedConnections | Should -BeGreaterOrEqual 1
        }
        finally {
            $holder.Dispose()
            $unit | Stop-MideaSimulator
        }
    }
}
