# Simulated units that live: the remote control and its pushes, a move to another address, a limit
# on connections, heartbeats; driven through Set-/Start-MideaSimulator. 127.0.35.50-127.0.35.99 only
# (the simulator's xunit tests use 127.0.35.1-49).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea

    # Polls until the condition holds or the time is up; the caller asserts afterwards.
    function Wait-Until([scriptblock] $Condition, [int] $Milliseconds = 5000) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not (& $Condition) -and $clock.ElapsedMilliseconds -lt $Milliseconds) { Start-Sleep -Milliseconds 10 }
    }

    # A raw TCP connection to a unit, as another program would hold one.
    function Connect-Raw([string] $Address) {
        $client = [System.Net.Sockets.TcpClient]::new()
        $client.Connect($Address, 6444)
        $client
    }

    # What the unit sends on a raw connection within the time: its bytes, @() when it closed the
    # connection, $null when nothing came.
    function Read-Raw([System.Net.Sockets.TcpClient] $Client, [int] $Milliseconds) {
        $stream = $Client.GetStream()
        $stream.ReadTimeout = $Milliseconds
        $buffer = [byte[]]::new(4096)
        try {
            $count = $stream.Read($buffer, 0, $buffer.Length)
        }
        catch [System.IO.IOException] {
            # A timeout, or a reset, which closes the connection as a FIN does.
            $socketError = $_.Exception.InnerException
            if ($socketError -is [System.Net.Sockets.SocketException] -and $socketError.SocketErrorCode -in 'TimedOut', 'WouldBlock') { return $null }
            return , [byte[]]::new(0)
        }
        if ($count -eq 0) { return , [byte[]]::new(0) }
        , [byte[]]$buffer[0..($count - 1)]
    }

    # midea-local's heartbeat (protocol.md §2.5): 40-byte V2 header of type 0x1001, magic 7b 00,
    # the device id, no payload, then MD5(header + SIGN_KEY).
    function New-Heartbeat([long] $DeviceId) {
        $header = [byte[]]::new(40)
        [byte[]](0x5a, 0x5a, 0x01, 0x10, 56, 0, 0x7b, 0) | ForEach-Object -Begin { $i = 0 } -Process { $header[$i++] = $_ }
        [System.BitConverter]::GetBytes($DeviceId).CopyTo($header, 20)
        $sign = [System.Security.Cryptography.MD5]::HashData([byte[]]($header + [System.Text.Encoding]::ASCII.GetBytes('xhdiwjnchekd4d512chdjx5d8e4c394D2D7S')))
        [byte[]]($header + $sign)
    }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Set-MideaSimulator -RemoteControl' {
    It 'changes what Get-MideaState reads' {
        $unit = Start-MideaSimulator -Address 127.0.35.50
        Set-MideaSimulator -Address 127.0.35.50 -RemoteControl @{ Power = $true; Mode = 'Heat'; TargetTemperature = 22; FanSpeed = 'Low'; SwingMode = 'Vertical'; Eco = $true }
        $state = Get-MideaState -Address 127.0.35.50 -Token $unit.Token -Key $unit.Key
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Heat'
        $state.TargetTemperature | Should -Be 22
        $state.FanSpeed | Should -Be 'Low'
        $state.SwingMode | Should -Be 'Vertical'
        $state.Eco | Should -BeTrue
        # Nobody had a connection open while the remote was used: nothing was pushed.
        $unit.PushesSent | Should -Be 0
    }

    It 'takes keys in any case, enum values, numbers and a fan percentage' {
        $unit = Start-MideaSimulator -Address 127.0.35.51 -ProtocolVersion 2
        $unit | Set-MideaSimulator -RemoteControl @{ power = $true; MODE = [Midea.OperationalMode]::Cool; targettemperature = 18.5; FanSpeed = 55 }
        $state = $unit | Get-MideaState
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Cool'
        $state.TargetTemperature | Should -Be 18.5
        [int]$state.FanSpeed | Should -Be 55
    }

    It 'pushes the new state to an open connection as a type 0x05 A0 frame' {
        $unit = Start-MideaSimulator -Address 127.0.35.52 -ProtocolVersion 2
        $client = Connect-Raw 127.0.35.52
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            Set-MideaSimulator -Address 127.0.35.52 -RemoteControl @{ Power = $true; Mode = 'Dry'; TargetTemperature = 24.5 }
            $bytes = Read-Raw $client 5000
            $bytes.Count | Should -BeGreaterThan 0
            $unit.PushesSent | Should -Be 1
            $packet = ConvertFrom-MideaPacket -Bytes $bytes
            $packet.Kind | Should -Be 'V2 packet'
            $packet.Magic | Should -Be 'Response (0x8020)'
            $packet.DeviceId | Should -Be $unit.Id
            $packet.Inner.FrameType | Should -Be 'Notify (0x05)'
            $report = $packet.Inner.Inner
            $report.Kind | Should -Be 'State report (A0)'
            $report.Power | Should -BeTrue
            $report.Mode | Should -Be 'Dry'
            $report.TargetTemperature | Should -Be 24.5
        }
        finally {
            $client.Dispose()
        }
    }

    It 'refuses <Case> with InvalidArgument naming the key, before any unit changes' -ForEach @(
        @{ Case = 'an unknown key'; Table = @{ Power = $true; Temperature = 22 }; Message = "no key 'Temperature'" }
        @{ Case = 'a mode that does not exist'; Table = @{ Power = $true; Mode = 'Warm' }; Message = "Mode takes one of .*Heat.*, not 'Warm'" }
        @{ Case = 'text for a switch'; Table = @{ Power = 'yes' }; Message = "Power takes \`$true or \`$false, not 'yes'" }
        @{ Case = 'a target off the half steps'; Table = @{ Power = $true; TargetTemperature = 22.3 }; Message = "TargetTemperature takes °C from 16 to 31 in 0.5 steps, not '22.3'" }
        @{ Case = 'a target out of range'; Table = @{ TargetTemperature = 40 }; Message = 'TargetTemperature takes' }
        @{ Case = 'a fan percentage above 100'; Table = @{ FanSpeed = 101 }; Message = "FanSpeed takes .*, not '101'" }
        @{ Case = 'an empty table'; Table = @{}; Message = 'names no key' }
    ) {
        $unit = Start-MideaSimulator -Address 127.0.35.53 -ProtocolVersion 2
        try {
            $before = $unit | Get-MideaState
            $failure = $null
            try { Set-MideaSimulator -Address 127.0.35.53 -RemoteControl $Table -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.SetMideaSimulatorCommand'
            "$failure" | Should -Match $Message
            $after = $unit | Get-MideaState
            $after.Power | Should -Be $before.Power
            $after.Mode | Should -Be $before.Mode
            $after.TargetTemperature | Should -Be $before.TargetTemperature
        }
        finally {
            $unit | Stop-MideaSimulator
        }
    }

    It 'changes nothing with -WhatIf' {
        $unit = Start-MideaSimulator -Address 127.0.35.54 -ProtocolVersion 2
        $client = Connect-Raw 127.0.35.54
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            Set-MideaSimulator -Address 127.0.35.54 -RemoteControl @{ Power = $true } -WhatIf
            $null -eq (Read-Raw $client 300) | Should -BeTrue -Because 'nothing was pushed and the connection is open'
            $unit.PushesSent | Should -Be 0
            ($unit | Get-MideaState).Power | Should -BeFalse
        }
        finally {
            $client.Dispose()
        }
    }
}

Describe 'Set-MideaSimulator -MoveTo' {
    It 'moves the unit: the new address answers with the same id, token and key, the old one no longer' {
        $unit = Start-MideaSimulator -Address 127.0.35.60
        Set-MideaSimulator -Address 127.0.35.60 -RemoteControl @{ TargetTemperature = 19.5 }
        $moved = Set-MideaSimulator -Address 127.0.35.60 -MoveTo 127.0.35.61 -PassThru
        $moved.Address | Should -Be '127.0.35.61'
        $moved.Id | Should -Be $unit.Id
        $moved.Token | Should -Be $unit.Token
        $unit.Address | Should -Be '127.0.35.61' -Because 'the object is live'

        $state = Get-MideaState -Address 127.0.35.61 -Token $unit.Token -Key $unit.Key
        $state.Id | Should -Be $unit.Id
        $state.TargetTemperature | Should -Be 19.5
        $found = Find-MideaDevice -Address 127.0.35.61 -TimeoutSeconds 2
        $found.Id | Should -Be $unit.Id

        Get-MideaState -Address 127.0.35.60 -Token $unit.Token -Key $unit.Key -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'

        # The registry follows the unit: the simulator cmdlets find it at the new address only.
        (Set-MideaSimulator -Address 127.0.35.61 -Clear -PassThru).Address | Should -Be '127.0.35.61'
        Set-MideaSimulator -Address 127.0.35.60 -Clear -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SimulatorNotFound,*'
        Stop-MideaSimulator -Address 127.0.35.61
        $unit.Running | Should -BeFalse
    }

    It 'drops the open connections of the unit' {
        $unit = Start-MideaSimulator -Address 127.0.35.62 -ProtocolVersion 2
        $client = Connect-Raw 127.0.35.62
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            Set-MideaSimulator -Address 127.0.35.62 -MoveTo 127.0.35.63
            $bytes = Read-Raw $client 5000
            $null -eq $bytes | Should -BeFalse -Because 'the unit closed the connection'
            $bytes.Count | Should -Be 0
        }
        finally {
            $client.Dispose()
        }
    }

    It 'refuses a taken address with AddressInUse and leaves the unit where it was' {
        $unit = Start-MideaSimulator -Address 127.0.35.64 -ProtocolVersion 2
        $null = Start-MideaSimulator -Address 127.0.35.65 -ProtocolVersion 2
        $failure = $null
        try { Set-MideaSimulator -Address 127.0.35.64 -MoveTo 127.0.35.65 -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'AddressInUse,*'
        "$failure" | Should -Match 'Cannot move the simulated unit at 127\.0\.35\.64 to 127\.0\.35\.65'
        $unit.Address | Should -Be '127.0.35.64'
        ($unit | Get-MideaState).Id | Should -Be $unit.Id
    }

    It 'refuses <Case> with InvalidArgument' -ForEach @(
        # 192.0.2.1 is TEST-NET-1 (RFC 5737), routed nowhere: data, never contacted.
        @{ Case = 'an address off loopback'; To = '192.0.2.1'; Message = 'loopback addresses only' }
        @{ Case = 'text that is no address'; To = 'kitchen'; Message = "not 'kitchen'" }
    ) {
        $unit = Start-MideaSimulator -Address 127.0.35.66 -ProtocolVersion 2
        try {
            $failure = $null
            try { Set-MideaSimulator -Address 127.0.35.66 -MoveTo $To -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
            "$failure" | Should -Match $Message
            $unit.Address | Should -Be '127.0.35.66'
        }
        finally {
            $unit | Stop-MideaSimulator
        }
    }

    It 'moves one unit only: two matching units are refused' {
        $units = Start-MideaSimulator -Address 127.0.35.67 -Count 2 -ProtocolVersion 2
        $failure = $null
        try { Set-MideaSimulator -Address 127.0.35.67, 127.0.35.68 -MoveTo 127.0.35.69 -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        "$failure" | Should -Match 'moves one unit'
        ($units | ForEach-Object Address) | Should -Be '127.0.35.67', '127.0.35.68'
    }

    It 'changes nothing with -WhatIf' {
        $unit = Start-MideaSimulator -Address 127.0.35.70 -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.35.70 -MoveTo 127.0.35.71 -WhatIf
        $unit.Address | Should -Be '127.0.35.70'
    }
}

Describe 'MaxConnections' {
    It 'Start-MideaSimulator -MaxConnections 1 refuses a second TCP connection while one is open' {
        $unit = Start-MideaSimulator -Address 127.0.35.80 -ProtocolVersion 2 -MaxConnections 1
        $unit.MaxConnections | Should -Be 1
        $first = Connect-Raw 127.0.35.80
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            $second = Connect-Raw 127.0.35.80
            try {
                # Accepted, then closed at once with nothing sent.
                $bytes = Read-Raw $second 5000
                $null -eq $bytes | Should -BeFalse -Because 'the unit closed the connection'
                $bytes.Count | Should -Be 0
            }
            finally {
                $second.Dispose()
            }
            $unit.RefusedConnections | Should -Be 1
            $unit.Connections | Should -Be 1
        }
        finally {
            $first.Dispose()
        }
        Wait-Until { $unit.OpenSessions -eq 0 }
        ($unit | Get-MideaState).Id | Should -Be $unit.Id
    }

    It 'Set-MideaSimulator -MaxConnections changes the limit of a running unit, and 0 lifts it' {
        $unit = Start-MideaSimulator -Address 127.0.35.81 -ProtocolVersion 2
        (Set-MideaSimulator -Address 127.0.35.81 -MaxConnections 1 -PassThru).MaxConnections | Should -Be 1
        $first = Connect-Raw 127.0.35.81
        $second = $null
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            Get-MideaState -Address 127.0.35.81 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
            $refused = $unit.RefusedConnections
            $refused | Should -BeGreaterThan 0

            Set-MideaSimulator -Address 127.0.35.81 -MaxConnections 0
            $second = Connect-Raw 127.0.35.81
            Wait-Until { $unit.OpenSessions -eq 2 }
            $unit.OpenSessions | Should -Be 2
            $null -eq (Read-Raw $second 300) | Should -BeTrue -Because 'the unit keeps the connection open and says nothing'
            $unit.RefusedConnections | Should -Be $refused
        }
        finally {
            $first.Dispose()
            if ($second) { $second.Dispose() }
        }
    }
}

Describe 'Counters of a simulated unit' {
    It 'counts the V3 handshakes it accepted' {
        $unit = Start-MideaSimulator -Address 127.0.35.90
        $unit.Handshakes | Should -Be 0
        $null = $unit | Get-MideaState
        $unit.Handshakes | Should -Be 1
    }

    It 'accepts a heartbeat silently, keeps the connection and counts it' {
        $unit = Start-MideaSimulator -Address 127.0.35.91 -ProtocolVersion 2
        $heartbeat = New-Heartbeat $unit.Id
        $parsed = ConvertFrom-MideaPacket -Bytes $heartbeat
        $parsed.MessageType | Should -Be '0x1001'
        $parsed.Magic | Should -Be 'Heartbeat (0x007b)'
        $client = Connect-Raw 127.0.35.91
        try {
            $client.GetStream().Write($heartbeat, 0, $heartbeat.Length)
            Wait-Until { $unit.Heartbeats -eq 1 }
            $unit.Heartbeats | Should -Be 1
            $null -eq (Read-Raw $client 300) | Should -BeTrue -Because 'nothing answers a heartbeat and the connection stays open'
            $unit.OpenSessions | Should -Be 1
        }
        finally {
            $client.Dispose()
        }
    }

    It 'shows the counters and the limit in Format-List' {
        $unit = Start-MideaSimulator -Address 127.0.35.92 -ProtocolVersion 2 -MaxConnections 3
        $text = $unit | Format-List | Out-String
        foreach ($name in 'MaxConnections', 'RefusedConnections', 'Handshakes', 'Heartbeats', 'PushesSent') {
            $text | Should -Match "$name\s+:"
        }
        $text | Should -Match 'MaxConnections\s+: 3'
    }
}
