# The simulator as users drive it: from PowerShell, and as its own process. 127.0.4.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Start-MideaSimulator and Stop-MideaSimulator' {
    It 'starts -Count units on consecutive addresses with distinct identities' {
        $units = Start-MideaSimulator -Address 127.0.4.10 -Count 3 -ProtocolVersion 3
        ($units | ForEach-Object Address) | Should -Be '127.0.4.10', '127.0.4.11', '127.0.4.12'
        ($units.Id | Sort-Object -Unique) | Should -HaveCount 3
        ($units.MacAddress | Sort-Object -Unique) | Should -HaveCount 3
        $units | ForEach-Object { $_.Token | Should -Match '^[0-9a-f]{128}$'; $_.Key | Should -Match '^[0-9a-f]{64}$' }
        $units | Stop-MideaSimulator
        ($units | ForEach-Object Running) | Should -Not -Contain $true
    }

    It 'gives a V2 unit no credentials' {
        $unit = Start-MideaSimulator -Address 127.0.4.20 -ProtocolVersion 2
        $unit.Token | Should -BeNullOrEmpty
        $unit.Key | Should -BeNullOrEmpty
        $unit | Stop-MideaSimulator
    }

    It 'accepts a given id, token and key' {
        $token = -join (1..64 | ForEach-Object { '{0:x2}' -f $_ })
        $key = -join (101..132 | ForEach-Object { '{0:x2}' -f $_ })
        $unit = Start-MideaSimulator -Address 127.0.4.21 -Id 123456789 -Token $token -Key $key
        $unit.Id | Should -Be 123456789
        (Get-MideaState -Address 127.0.4.21 -Token $token -Key $key).Id | Should -Be 123456789
        $unit | Stop-MideaSimulator
    }

    It 'frees the address on stop so a new unit can take it' {
        Start-MideaSimulator -Address 127.0.4.22 | Stop-MideaSimulator
        $again = Start-MideaSimulator -Address 127.0.4.22
        $again.Running | Should -BeTrue
        $again | Stop-MideaSimulator
    }

    It 'refuses an address already in use with AddressInUse' {
        $unit = Start-MideaSimulator -Address 127.0.4.23
        { Start-MideaSimulator -Address 127.0.4.23 } | Should -Throw -ErrorId 'AddressInUse,Midea.PowerShell.Cmdlets.StartMideaSimulatorCommand'
        $unit | Stop-MideaSimulator
    }

    It 'starts nothing with -WhatIf' {
        $unit = Start-MideaSimulator -Address 127.0.4.24 -WhatIf
        $unit | Should -BeNullOrEmpty
        Find-MideaDevice -Address 127.0.4.24 -TimeoutSeconds 1 | Should -BeNullOrEmpty
    }

    It 'reports stopping an unknown unit as SimulatorNotFound' {
        Stop-MideaSimulator -Address 127.0.4.99 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'SimulatorNotFound,*'
    }

    It 'serves the thread jobs of one process over the one session they share' {
        $unit = Start-MideaSimulator -Address 127.0.4.30 -ProtocolVersion 3
        $jobs = 1..4 | ForEach-Object {
            Start-ThreadJob -ArgumentList $unit.Token, $unit.Key, $unit.Id, (Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1') {
                param($token, $key, $id, $manifest)
                Import-Module $manifest
                1..10 | ForEach-Object { Get-MideaState -Address 127.0.4.30 -Token $token -Key $key -Id $id -ProtocolVersion 3 }
            }
        }
        $states = $jobs | Receive-Job -Wait -AutoRemoveJob
        $states | Should -HaveCount 40
        # The kept session belongs to the process, so four runspaces ask over one connection
        # (several connections at once: SimulatorSessionTests in xunit).
        $unit.Connections | Should -Be 1
        $unit | Stop-MideaSimulator
    }
}

Describe 'Set-MideaSimulator -IndoorTemperature/-OutdoorTemperature' {
    BeforeAll {
        $script:room = Start-MideaSimulator -Address 127.0.4.60 -ProtocolVersion 2
        function script:Read-Room { Get-MideaState -Address 127.0.4.60 -Id $room.Id -ProtocolVersion 2 }
    }
    AfterAll { $room | Stop-MideaSimulator }

    It 'puts the room at the temperatures given, read back over the protocol' {
        Set-MideaSimulator -Address 127.0.4.60 -IndoorTemperature 12.5 -OutdoorTemperature -3
        $state = Read-Room
        # The idle room drifts 0.01 °C per second toward outdoors: well under 0.1 °C in this test.
        $state.IndoorTemperature | Should -BeGreaterOrEqual 12.3
        $state.IndoorTemperature | Should -BeLessOrEqual 12.5
        $state.OutdoorTemperature | Should -Be -3
    }

    It 'changes only what is given and leaves the faults alone' {
        Set-MideaSimulator -Address 127.0.4.60 -ResponseDelayMs 1
        Set-MideaSimulator -Address 127.0.4.60 -IndoorTemperature 33
        $state = Read-Room
        $state.IndoorTemperature | Should -BeGreaterOrEqual 32.8
        $state.OutdoorTemperature | Should -Be -3
        (Set-MideaSimulator -Address 127.0.4.60 -OutdoorTemperature 40 -PassThru).Faults | Should -Match 'delay'
        Set-MideaSimulator -Address 127.0.4.60 -Clear
        (Read-Room).OutdoorTemperature | Should -Be 40
    }

    It 'changes nothing with -WhatIf' {
        Set-MideaSimulator -Address 127.0.4.60 -IndoorTemperature 20
        Set-MideaSimulator -Address 127.0.4.60 -IndoorTemperature 90 -WhatIf
        (Read-Room).IndoorTemperature | Should -BeLessThan 21
    }

    It 'refuses a temperature the protocol cannot carry' {
        { Set-MideaSimulator -Address 127.0.4.60 -IndoorTemperature 150 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Standalone simulator process' {
    It 'prints its identity and answers until stopped' {
        $dll = Join-Path (Split-Path (Split-Path (Get-Module Midea).ModuleBase)) 'simulator/midea-simulator.dll'
        $dll | Should -Exist
        $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in $dll, '--address', '127.0.4.40', '--protocol', '3') { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($info)
        try {
            $line = $process.StandardOutput.ReadLine()
            $fields = @{}
            foreach ($pair in $line -split ' ') { $k, $v = $pair -split '=', 2; $fields[$k] = $v }
            $fields.address | Should -Be '127.0.4.40'
            $fields.protocol | Should -Be '3'
            $state = Get-MideaState -Address 127.0.4.40 -Token $fields.token -Key $fields.key
            $state.Id | Should -Be ([long]$fields.id)
        }
        finally {
            $process.Kill()
            $process.WaitForExit()
        }
    }

    It 'runs a factory-fresh unit with --ap-mode that Set-MideaWifi provisions' {
        $dll = Join-Path (Split-Path (Split-Path (Get-Module Midea).ModuleBase)) 'simulator/midea-simulator.dll'
        $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in $dll, '--address', '127.0.4.50', '--ap-mode', '--home-address', '127.0.4.51', '--join-delay', '0') { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($info)
        try {
            $line = $process.StandardOutput.ReadLine()
            $line | Should -Match ' ap-mode=True '
            $result = Set-MideaWifi -Ssid 'home-net' -Passphrase 'changeme123' -CountryCode DE -Address 127.0.4.50 -WaitForNetwork 127.0.4.51 -WaitTimeoutSeconds 10
            $result.Success | Should -BeTrue
            $result.NewAddress | Should -Be '127.0.4.51'
        }
        finally {
            $process.Kill()
            $process.WaitForExit()
        }
    }
}
