# A short soak: 5,000 queries to 5 units with 1 % of the replies dropped (each drop costs a 1 s
# timeout, so 1 % keeps the run near 10 s). Every query ends in a
# result or a clean ErrorRecord, the counts add up exactly, and nothing leaks. 127.0.19.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Soak' {
    It 'answers or cleanly fails every one of 5,000 queries, and leaks no connection' {
        $units = Start-MideaSimulator -Address 127.0.19.10 -Count 5 -ProtocolVersion 2
        $rows = $units | ForEach-Object { [pscustomobject]@{ Address = $_.Address; Id = $_.Id; ProtocolVersion = 2 } }
        $units | ForEach-Object { Set-MideaSimulator -Address $_.Address -DropPercent 1 -Seed ([int]($_.Address -split '\.')[3]) }
        $handlesBefore = if ($IsLinux) { (Get-ChildItem "/proc/$PID/fd").Count }

        $queries = foreach ($i in 0..4999) { $rows[$i % 5] }
        $results = $queries | Get-MideaState -ThrottleLimit 5 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue

        $dropped = ($units | Measure-Object -Property RepliesDropped -Sum).Sum
        $dropped | Should -BeGreaterThan 0
        @($results).Count + $failures.Count | Should -Be 5000
        # A V2 query whose reply is dropped times out once; nothing else fails.
        $failures.Count | Should -Be $dropped
        ($failures | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Sort-Object -Unique) | Should -Be 'DeviceTimeout'
        ($units | Measure-Object -Property RepliesSent -Sum).Sum | Should -Be @($results).Count

        # The pipeline leaves one kept session per unit, and no more; closing them ends them on both sides.
        Set-MideaSimulator -Clear
        (Get-MideaOption).OpenSessions | Should -Be 5
        Disconnect-MideaDevice
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while (($units | Measure-Object -Property OpenSessions -Sum).Sum -gt 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        ($units | Measure-Object -Property OpenSessions -Sum).Sum | Should -Be 0
        if ($IsLinux) { (Get-ChildItem "/proc/$PID/fd").Count | Should -BeLessOrEqual ($handlesBefore + 5) }
    }
}

Describe 'Set-MideaSimulator' {
    It 'makes a unit fail the way it is told and recover on -Clear' {
        $unit = Start-MideaSimulator -Address 127.0.19.30 -ProtocolVersion 3
        $creds = @{ Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
        Set-MideaSimulator -Address 127.0.19.30 -AuthError
        Get-MideaState -Address 127.0.19.30 @creds -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        Set-MideaSimulator -Address 127.0.19.30 -Garbage
        Get-MideaState -Address 127.0.19.30 @creds -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        Set-MideaSimulator -Address 127.0.19.30 -SlowDrip
        (Get-MideaState -Address 127.0.19.30 @creds).Id | Should -Be $unit.Id
        Set-MideaSimulator -Address 127.0.19.30 -Clear
        $unit.Faults | Should -Be 'none'
        (Get-MideaState -Address 127.0.19.30 @creds).Id | Should -Be $unit.Id
    }

    It 'retries a query cut off mid-reply on a fresh connection' {
        $unit = Start-MideaSimulator -Address 127.0.19.31 -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.19.31 -CloseMidResponse
        Get-MideaState -Address 127.0.19.31 -Id $unit.Id -ProtocolVersion 2 -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        # Every attempt is cut: three connections, then a clean DeviceUnreachable.
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $unit.Connections | Should -Be 3
    }

    It 'never re-sends a change whose reply was lost' {
        $unit = Start-MideaSimulator -Address 127.0.19.32 -ProtocolVersion 2
        $null = Get-MideaCapability -Address 127.0.19.32 -Id $unit.Id -ProtocolVersion 2
        $before = $unit.Requests
        Set-MideaSimulator -Address 127.0.19.32 -CloseMidResponse
        Set-MideaState -Address 127.0.19.32 -Id $unit.Id -ProtocolVersion 2 -Power $true -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        # GetState was asked three times (each cut); SetState never went out, because reading failed first.
        $unit.Requests - $before | Should -Be 3
        Set-MideaSimulator -Address 127.0.19.32 -Clear
    }

    It 'reports an unknown address as SimulatorNotFound and sends nothing with -WhatIf' {
        $unit = Start-MideaSimulator -Address 127.0.19.33
        Set-MideaSimulator -Address 127.0.19.99 -Silent -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SimulatorNotFound,*'
        Set-MideaSimulator -Address 127.0.19.33 -Silent -WhatIf
        $unit.Faults | Should -Be 'none'
    }
}
