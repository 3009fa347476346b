# Sessions kept across commands: reuse, idle expiry, lifetime, replacement of a broken one,
# Disconnect-MideaDevice, and closing on Remove-Module. 127.0.37.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'

    # Waits (up to 5 s) until the simulated unit counts $Count open connections (none by default), and returns the count.
    function Wait-Closed($Unit, [int] $Count = 0) {
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        while ($Unit.OpenSessions -ne $Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $Unit.OpenSessions
    }
}

AfterAll {
    Disconnect-MideaDevice
    Stop-MideaSimulator
}

Describe 'A session kept across commands' {
    BeforeEach {
        Disconnect-MideaDevice
    }

    It 'serves separate commands on one connection and one V3 handshake' {
        $unit = Start-MideaSimulator -Address 127.0.37.10
        $common = @{ Address = $unit.Address; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
        $null = Get-MideaState @common
        $null = Set-MideaState @common -Power $true
        $null = Get-MideaCapability @common
        $unit.Connections | Should -Be 1
        $unit.Handshakes | Should -Be 1
        $unit.OpenSessions | Should -Be 1
        (Get-MideaOption).OpenSessions | Should -Be 1
        $unit | Stop-MideaSimulator
    }

    It 'is closed after SessionIdleSeconds unused, and the next command connects again' {
        $unit = Start-MideaSimulator -Address 127.0.37.11 -ProtocolVersion 2
        $saved = Get-MideaOption
        Set-MideaOption -SessionIdleSeconds 1
        try {
            $null = Get-MideaState -Address $unit.Address -Id $unit.Id -ProtocolVersion 2
            $unit.OpenSessions | Should -Be 1
            Wait-Closed $unit | Should -Be 0
            $null = Get-MideaState -Address $unit.Address -Id $unit.Id -ProtocolVersion 2
            $unit.Connections | Should -Be 2
        }
        finally {
            Set-MideaOption -SessionIdleSeconds $saved.SessionIdleSeconds
        }
        $unit | Stop-MideaSimulator
    }

    It 'is closed at the end of every command with SessionIdleSeconds 0' {
        $unit = Start-MideaSimulator -Address 127.0.37.12 -ProtocolVersion 2
        $saved = Get-MideaOption
        Set-MideaOption -SessionIdleSeconds 0
        try {
            $null = Get-MideaState -Address $unit.Address -Id $unit.Id -ProtocolVersion 2
            Wait-Closed $unit | Should -Be 0
            (Get-MideaOption).OpenSessions | Should -Be 0
        }
        finally {
            Set-MideaOption -SessionIdleSeconds $saved.SessionIdleSeconds
        }
        $unit | Stop-MideaSimulator
    }

    It 'connects again once a connection has lived SessionLifetimeSeconds' {
        $unit = Start-MideaSimulator -Address 127.0.37.13
        $common = @{ Address = $unit.Address; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
        $saved = Get-MideaOption
        Set-MideaOption -SessionLifetimeSeconds 1
        try {
            $null = Get-MideaState @common
            Start-Sleep -Milliseconds 1100
            $run = Get-MideaState @common -Verbose 4>&1
            ($run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*longer than the session lifetime*' }) | Should -HaveCount 1
            $unit.Connections | Should -Be 2
            $unit.Handshakes | Should -Be 2
        }
        finally {
            Set-MideaOption -SessionLifetimeSeconds $saved.SessionLifetimeSeconds
        }
        $unit | Stop-MideaSimulator
    }

    It 'is replaced for the next command when the unit ended it while idle, for a read and a change alike' {
        $unit = Start-MideaSimulator -Address 127.0.37.14 -Id 3714
        $common = @{ Address = '127.0.37.14'; Token = $unit.Token; Key = $unit.Key; Id = 3714; ProtocolVersion = 3 }
        $null = Get-MideaState @common
        # The unit restarts: the kept connection is dead, and nothing was sent on it yet.
        $unit | Stop-MideaSimulator
        $again = Start-MideaSimulator -Address 127.0.37.14 -Id 3714 -Token $unit.Token -Key $unit.Key
        (Get-MideaState @common).Id | Should -Be 3714
        $null = Set-MideaState @common -Power $true -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $again.Connections | Should -Be 1
        (Get-MideaState @common).Power | Should -BeTrue
        $again | Stop-MideaSimulator
    }

    It 'is asked again on a new connection for a read cut after sending, and not for a change' {
        $unit = Start-MideaSimulator -Address 127.0.37.15 -ProtocolVersion 2
        $common = @{ Address = $unit.Address; Id = $unit.Id; ProtocolVersion = 2 }
        # The capabilities are known from here on, so the display toggle is the one request of the change.
        $null = Get-MideaCapability @common
        Set-MideaSimulator -Address $unit.Address -CloseMidResponse
        try {
            $before = $unit.Connections
            $null = Get-MideaState @common -ErrorVariable readFailed -ErrorAction SilentlyContinue
            # Every attempt is cut: the read is asked three times, on the kept connection and two new ones.
            $unit.Connections - $before | Should -Be 2
            ($readFailed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'DeviceUnreachable'
            $before = $unit.Requests
            $connections = $unit.Connections
            Set-MideaDisplay @common -Toggle -ErrorVariable changeFailed -ErrorAction SilentlyContinue
            ($changeFailed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'OutcomeUnknown'
            $unit.Requests - $before | Should -Be 1
            $unit.Connections - $connections | Should -Be 1
        }
        finally {
            Set-MideaSimulator -Address $unit.Address -Clear
        }
        $unit | Stop-MideaSimulator
    }

    It 'is shared by Test-MideaConnection, which measures a fresh connect on it' {
        $unit = Start-MideaSimulator -Address 127.0.37.16
        $common = @{ Address = $unit.Address; Token = $unit.Token; Key = $unit.Key; Id = $unit.Id; ProtocolVersion = 3 }
        $null = Get-MideaState @common
        (Test-MideaConnection @common).Success | Should -BeTrue
        $unit.Connections | Should -Be 2
        Wait-Closed $unit 1 | Should -Be 1
        $null = Get-MideaState @common
        $unit.Connections | Should -Be 2
        $unit | Stop-MideaSimulator
    }
}

Describe 'Disconnect-MideaDevice' {
    BeforeAll {
        $script:pair = Start-MideaSimulator -Address 127.0.37.20 -Count 2 -ProtocolVersion 2
    }

    It 'closes the session of the unit named, and leaves the others' {
        $pair | ForEach-Object { $null = Get-MideaState -Address $_.Address -Id $_.Id -ProtocolVersion 2 }
        Disconnect-MideaDevice -Address 127.0.37.20
        Wait-Closed $pair[0] | Should -Be 0
        $pair[1].OpenSessions | Should -Be 1
        (Get-MideaOption).OpenSessions | Should -Be 1
    }

    It 'closes every session with no address, and changes nothing with -WhatIf' {
        $pair | ForEach-Object { $null = Get-MideaState -Address $_.Address -Id $_.Id -ProtocolVersion 2 }
        Disconnect-MideaDevice -WhatIf
        (Get-MideaOption).OpenSessions | Should -Be 2
        Disconnect-MideaDevice
        (Get-MideaOption).OpenSessions | Should -Be 0
        Wait-Closed $pair[1] | Should -Be 0
    }

    It 'takes MideaState objects from the pipeline' {
        $state = Get-MideaState -Address $pair[1].Address -Id $pair[1].Id -ProtocolVersion 2
        $state | Disconnect-MideaDevice
        Wait-Closed $pair[1] | Should -Be 0
    }

    It 'refuses an address that is not one, naming it' {
        Disconnect-MideaDevice -Address 'no such host.invalid' -ErrorVariable failed -ErrorAction SilentlyContinue
        ($failed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'InvalidArgument'
        $failed[0].TargetObject | Should -Be 'no such host.invalid'
    }
}

Describe 'Set-MideaOption and Get-MideaOption' {
    It 'change the settings, validate them, and support -WhatIf' {
        $saved = Get-MideaOption
        try {
            Set-MideaOption -SessionIdleSeconds 600 -WhatIf
            (Get-MideaOption).SessionIdleSeconds | Should -Be $saved.SessionIdleSeconds
            (Set-MideaOption -SessionIdleSeconds 600 -SessionLifetimeSeconds 7200 -PassThru).SessionIdleSeconds | Should -Be 600
            (Get-MideaOption).SessionLifetimeSeconds | Should -Be 7200
            { Set-MideaOption -SessionIdleSeconds -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Midea.PowerShell.Cmdlets.SetMideaOptionCommand'
            { Set-MideaOption -SessionLifetimeSeconds 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Midea.PowerShell.Cmdlets.SetMideaOptionCommand'
        }
        finally {
            Set-MideaOption -SessionIdleSeconds $saved.SessionIdleSeconds -SessionLifetimeSeconds $saved.SessionLifetimeSeconds
        }
    }

    It 'start from the documented defaults in a new process' {
        $out = dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$modulePath'; `$o = Get-MideaOption; '{0} {1} {2}' -f `$o.SessionIdleSeconds, `$o.SessionLifetimeSeconds, `$o.OpenSessions"
        $out | Should -Be '60 3600 0'
    }
}

Describe 'Removing the module' {
    It 'closes the kept sessions, in a process that goes on running' {
        $unit = Start-MideaSimulator -Address 127.0.37.30 -ProtocolVersion 2
        $job = Start-Job -ArgumentList $modulePath, $unit.Id {
            param($path, $id)
            Import-Module $path
            $null = Get-MideaState -Address 127.0.37.30 -Id $id -ProtocolVersion 2
            'read'
            Start-Sleep -Seconds 2
            Remove-Module Midea
            'removed'
            Start-Sleep -Seconds 10
        }
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not ($job.ChildJobs[0].Output -contains 'read') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $unit.OpenSessions | Should -Be 1
            while (-not ($job.ChildJobs[0].Output -contains 'removed') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Wait-Closed $unit | Should -Be 0
            $job.State | Should -Be 'Running'
        }
        finally {
            $job | Remove-Job -Force
        }
        $unit | Stop-MideaSimulator
    }
}
