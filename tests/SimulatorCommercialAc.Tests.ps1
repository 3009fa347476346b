# A simulated 0xCC unit (Start-MideaSimulator -DeviceType CommercialAc) seen through the cmdlets:
# discovery, the object, a frame captured from it decoded by ConvertFrom-MideaPacket, and its remote
# (Set-MideaSimulator -RemoteControl), alone and beside an air conditioner, and the standalone
# host run with --device-type.
# 127.0.39.50-127.0.39.99 only (the simulator's xunit tests use 127.0.39.1-49).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea

    # A V2 request packet as a client writes it (protocol.md §2.1): a 40-byte header of type 0x1101,
    # magic 20 00 and the device id; the AA frame AES-128-ECB-encrypted with MD5(SIGN_KEY); then
    # MD5(header + data + SIGN_KEY).
    function New-V2Request([long] $DeviceId, [byte[]] $Frame) {
        $signKey = [System.Text.Encoding]::ASCII.GetBytes('xhdiwjnchekd4d512chdjx5d8e4c394D2D7S')
        $aes = [System.Security.Cryptography.Aes]::Create()
        $aes.Key = [System.Security.Cryptography.MD5]::HashData($signKey)
        $encrypted = $aes.EncryptEcb($Frame, [System.Security.Cryptography.PaddingMode]::PKCS7)
        $aes.Dispose()
        $length = 40 + $encrypted.Length + 16
        $header = [byte[]]::new(40)
        [byte[]](0x5a, 0x5a, 0x01, 0x11, ($length -band 0xFF), ($length -shr 8), 0x20, 0x00) | ForEach-Object -Begin { $i = 0 } -Process { $header[$i++] = $_ }
        [System.BitConverter]::GetBytes($DeviceId).CopyTo($header, 20)
        $sign = [System.Security.Cryptography.MD5]::HashData([byte[]]($header + $encrypted + $signKey))
        [byte[]]($header + $encrypted + $sign)
    }

    # One packet the unit sends back on a fresh connection to the request, within 5 s.
    function Send-Raw([string] $Address, [byte[]] $Packet) {
        $client = [System.Net.Sockets.TcpClient]::new($Address, 6444)
        try {
            $stream = $client.GetStream()
            $stream.ReadTimeout = 5000
            $stream.Write($Packet, 0, $Packet.Length)
            $buffer = [byte[]]::new(4096)
            $count = $stream.Read($buffer, 0, $buffer.Length)
            , [byte[]]$buffer[0..($count - 1)]
        }
        finally { $client.Dispose() }
    }

    # The 0xCC query with message id 01, as msmart-ng sends it (protocol.md §7.9, M01).
    $script:M01 = [Convert]::FromHexString('aa22cc000000000000030100000000000000000000000000000000000000000001cc41')

    # The state a V2 0xCC unit answers M01 with, as ConvertFrom-MideaPacket names its fields.
    function Get-CcState($Unit) {
        (ConvertFrom-MideaPacket -Bytes (Send-Raw $Unit.Address (New-V2Request $Unit.Id $M01))).Inner.Inner
    }

    # Polls until the condition holds or the time is up; the caller asserts afterwards.
    function Wait-Until([scriptblock] $Condition) {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not (& $Condition) -and $clock.ElapsedMilliseconds -lt 5000) { Start-Sleep -Milliseconds 10 }
    }

    # What the unit sends on an open raw connection within the time: its bytes, or $null when nothing came.
    function Read-Raw([System.Net.Sockets.TcpClient] $Client, [int] $Milliseconds) {
        $stream = $Client.GetStream()
        $stream.ReadTimeout = $Milliseconds
        $buffer = [byte[]]::new(4096)
        try { $count = $stream.Read($buffer, 0, $buffer.Length) } catch [System.IO.IOException] { return $null }
        if ($count -eq 0) { return $null }
        , [byte[]]$buffer[0..($count - 1)]
    }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Start-MideaSimulator -DeviceType CommercialAc' {
    It 'starts a unit that says it is a 0xCC, and air conditioners by default' {
        $cc = Start-MideaSimulator -Address 127.0.39.50 -DeviceType CommercialAc
        $ac = Start-MideaSimulator -Address 127.0.39.51
        $cc.DeviceType | Should -Be 'CommercialAc'
        $ac.DeviceType | Should -Be 'AirConditioner'
        ($cc | Format-List | Out-String) | Should -Match 'DeviceType\s+: CommercialAc'
    }

    It 'is found by Find-MideaDevice with Type CommercialAc' {
        Start-MideaSimulator -Address 127.0.39.52 -DeviceType CommercialAc -ProtocolVersion 2
        $found = Find-MideaDevice -Address 127.0.39.52 -TimeoutSeconds 2
        $found.Type | Should -Be 'CommercialAc'
        $found.ProtocolVersion | Should -Be 2
    }

    It 'answers the 0xCC query with an answer ConvertFrom-MideaPacket decodes' {
        $unit = Start-MideaSimulator -Address 127.0.39.53 -DeviceType CommercialAc -ProtocolVersion 2
        $reply = Send-Raw 127.0.39.53 (New-V2Request $unit.Id $M01)
        $packet = ConvertFrom-MideaPacket -Bytes $reply
        $packet.Kind | Should -Be 'V2 packet'
        $packet.DeviceId | Should -Be $unit.Id
        $packet.Inner.ApplianceType | Should -Be '0xcc'
        $packet.Inner.FrameType | Should -Be 'Query (0x03)'
        $packet.Inner.Inner.Mode | Should -Be 'Fan'
        $packet.Inner.Inner.Power | Should -BeFalse
        $unit.Requests | Should -Be 1
    }
}

Describe 'Set-MideaSimulator -RemoteControl on a 0xCC unit' {
    It 'changes what the unit answers, with every key its remote has' {
        $unit = Start-MideaSimulator -Address 127.0.39.60 -DeviceType CommercialAc -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.39.60 -RemoteControl @{
            Power = $true; Mode = 'Cool'; TargetTemperature = 19.5; FanLevel = 'Level3'; VerticalSwingAngle = 'Auto'
            HorizontalSwingAngle = 'Position1'; Eco = $true; Silent = $true; Sleep = $true; Purifier = $true; AuxHeatMode = 'On'
        }
        $state = Get-CcState $unit
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Cool'
        $state.TargetTemperature | Should -Be 19.5
        $state.FanSpeed | Should -Be 'Level3'
        $state.VerticalSwingAngle | Should -Be 'Auto'
        $state.HorizontalSwingAngle | Should -Be 'Position1'
        $state.Eco | Should -BeTrue
        $state.Silent | Should -BeTrue
        $state.Sleep | Should -BeTrue
        $state.Purifier | Should -Be 'On'
        $state.AuxiliaryHeat | Should -Be 'On'
        # Nobody had a connection open while the remote was used: nothing was pushed.
        $unit.PushesSent | Should -Be 0
    }

    It 'takes keys in any case, enum values and numbers, and lists them in a fixed order' {
        $unit = Start-MideaSimulator -Address 127.0.39.61 -DeviceType CommercialAc -ProtocolVersion 2
        $verbose = $unit | Set-MideaSimulator -RemoteControl @{ auxheatmode = [Midea.AuxiliaryHeat]::Separate; MODE = [Midea.OperationalMode]::Heat; fanlevel = 5; Purifier = 'auto'; power = $true } -Verbose 4>&1
        "$verbose" | Should -Match 'remote control used \(Power = True, Mode = Heat, FanLevel = Level5, Purifier = Auto, AuxHeatMode = Separate\)'
        $state = Get-CcState $unit
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Heat'
        $state.FanSpeed | Should -Be 'Level5'
        $state.Purifier | Should -Be 'Auto'
        $state.AuxiliaryHeat | Should -Be 'Separate'
    }

    It 'pushes the new state to an open connection as a type 0x04 report' {
        $unit = Start-MideaSimulator -Address 127.0.39.62 -DeviceType CommercialAc -ProtocolVersion 2
        $client = [System.Net.Sockets.TcpClient]::new('127.0.39.62', 6444)
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            Set-MideaSimulator -Address 127.0.39.62 -RemoteControl @{ Power = $true; Mode = 'Dry'; TargetTemperature = 25 }
            $bytes = Read-Raw $client 5000
            $bytes.Count | Should -BeGreaterThan 0
            $unit.PushesSent | Should -Be 1
            $packet = ConvertFrom-MideaPacket -Bytes $bytes
            $packet.DeviceId | Should -Be $unit.Id
            $packet.Inner.ApplianceType | Should -Be '0xcc'
            $packet.Inner.FrameType | Should -Be 'Report (0x04)'
            $report = $packet.Inner.Inner
            $report.Kind | Should -Be '0xCC report (01 FE)'
            $report.Power | Should -BeTrue
            $report.Mode | Should -Be 'Dry'
            $report.TargetTemperature | Should -Be 25
        }
        finally {
            $client.Dispose()
        }
    }

    It 'refuses <Case> with InvalidArgument naming the key, and changes nothing' -ForEach @(
        @{ Case = 'a mode the family lacks'; Table = @{ Power = $true; Mode = 'SmartDry' }; Message = "Mode takes one of Auto, Cool, Dry, Heat, FanOnly, not 'SmartDry'" }
        @{ Case = 'a fan level that does not exist'; Table = @{ Power = $true; FanLevel = 'Level9' }; Message = "FanLevel takes one of Level1, .*Auto, not 'Level9'" }
        @{ Case = 'a target outside the unit''s range'; Table = @{ Power = $true; TargetTemperature = 31 }; Message = "TargetTemperature takes °C from 17 to 30 in 0.5 steps, not '31'" }
        @{ Case = 'text for a purifier'; Table = @{ Power = $true; Purifier = 'yes' }; Message = "Purifier takes one of Auto, On, Off, or \`$true or \`$false, not 'yes'" }
        @{ Case = 'an auxiliary heat the family lacks'; Table = @{ Power = $true; AuxHeatMode = 'Only' }; Message = "AuxHeatMode takes one of Off, On, Auto, Separate, not 'Only'" }
        @{ Case = 'an air conditioner''s key'; Table = @{ Power = $true; Turbo = $true }; Message = 'key Turbo is not one of .*127\.0\.39\.63.*, a simulated CommercialAc \(0xCC\); its remote changes Power, Mode, .*AuxHeatMode' }
        @{ Case = 'an unknown key'; Table = @{ Power = $true; Temperature = 22 }; Message = "no key 'Temperature'; the remote of a simulated CommercialAc \(0xCC\) changes" }
    ) {
        $unit = Start-MideaSimulator -Address 127.0.39.63 -DeviceType CommercialAc -ProtocolVersion 2
        try {
            $failure = $null
            try { Set-MideaSimulator -Address 127.0.39.63 -RemoteControl $Table -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.SetMideaSimulatorCommand'
            "$failure" | Should -Match $Message
            (Get-CcState $unit).Power | Should -BeFalse
        }
        finally {
            $unit | Stop-MideaSimulator
        }
    }

    It 'changes nothing with -WhatIf' {
        $unit = Start-MideaSimulator -Address 127.0.39.64 -DeviceType CommercialAc -ProtocolVersion 2
        $client = [System.Net.Sockets.TcpClient]::new('127.0.39.64', 6444)
        try {
            Wait-Until { $unit.OpenSessions -eq 1 }
            Set-MideaSimulator -Address 127.0.39.64 -RemoteControl @{ Power = $true } -WhatIf
            $null -eq (Read-Raw $client 300) | Should -BeTrue -Because 'nothing was pushed and the connection is open'
            $unit.PushesSent | Should -Be 0
            (Get-CcState $unit).Power | Should -BeFalse
        }
        finally {
            $client.Dispose()
        }
    }
}

Describe 'Set-MideaSimulator -RemoteControl on units of both families' {
    It 'uses a key both families have on each, piped together' {
        $ac = Start-MideaSimulator -Address 127.0.39.65 -ProtocolVersion 2
        $cc = Start-MideaSimulator -Address 127.0.39.66 -DeviceType CommercialAc -ProtocolVersion 2
        $ac, $cc | Set-MideaSimulator -RemoteControl @{ Power = $true; Mode = 'Cool'; Purifier = $true }
        $acState = $ac | Get-MideaState
        $acState.Power | Should -BeTrue
        $acState.Mode | Should -Be 'Cool'
        $acState.Purifier | Should -BeTrue
        $ccState = Get-CcState $cc
        $ccState.Power | Should -BeTrue
        $ccState.Mode | Should -Be 'Cool'
        $ccState.Purifier | Should -Be 'On'
    }

    It 'refuses a key one family lacks, naming the unit of the other, before any unit changes' -ForEach @(
        @{ Key = 'Turbo'; Refuser = 'CommercialAc \(0xCC\)' }
        @{ Key = 'Silent'; Refuser = 'AirConditioner \(0xAC\)' }
    ) {
        $ac = Start-MideaSimulator -Address 127.0.39.67 -ProtocolVersion 2
        $cc = Start-MideaSimulator -Address 127.0.39.68 -DeviceType CommercialAc -ProtocolVersion 2
        try {
            $failure = $null
            # The air conditioner comes first, so it would have changed if the check did not come first.
            try { $ac, $cc | Set-MideaSimulator -RemoteControl @{ Power = $true; $Key = $true } -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.SetMideaSimulatorCommand'
            "$failure" | Should -Match "key $Key is not one of .*127\.0\.39\.6[78].*, a simulated $Refuser"
            ($ac | Get-MideaState).Power | Should -BeFalse
            (Get-CcState $cc).Power | Should -BeFalse
        }
        finally {
            $ac, $cc | Stop-MideaSimulator
        }
    }
}

Describe 'midea-simulator --device-type' {
    BeforeAll {
        $script:simulatorDll = Join-Path (Split-Path (Split-Path (Get-Module Midea).ModuleBase)) 'simulator/midea-simulator.dll'

        # Starts the standalone simulator with $Arguments; the caller kills it.
        function Start-Host([string[]] $Arguments) {
            $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($a in @($simulatorDll) + $Arguments) { $info.ArgumentList.Add($a) }
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            [Diagnostics.Process]::Start($info)
        }

        # The key=value fields of the line the host prints for its first unit.
        function Read-UnitLine([Diagnostics.Process] $Process) {
            $fields = @{}
            foreach ($pair in $Process.StandardOutput.ReadLine() -split ' ') { $k, $v = $pair -split '=', 2; $fields[$k] = $v }
            $fields
        }
    }

    It 'runs a 0xCC unit with cc, names its type, and answers the 0xCC query' {
        $process = Start-Host @('--address', '127.0.39.80', '--protocol', '2', '--device-type', 'cc')
        try {
            $fields = Read-UnitLine $process
            $fields.address | Should -Be '127.0.39.80'
            $fields.'device-type' | Should -Be 'cc'
            $state = Get-CcState ([pscustomobject]@{ Address = '127.0.39.80'; Id = [long]$fields.id })
            $state.Kind | Should -Be '0xCC query answer (01 FE)'
            (Find-MideaDevice -Address 127.0.39.80 -TimeoutSeconds 2).Type | Should -Be 'CommercialAc'
        }
        finally {
            $process.Kill()
            $process.WaitForExit()
        }
    }

    It 'runs an air conditioner by default, and says so' {
        $process = Start-Host @('--address', '127.0.39.81', '--protocol', '2')
        try {
            $fields = Read-UnitLine $process
            $fields.'device-type' | Should -Be 'ac'
            (Get-MideaState -Address 127.0.39.81).Id | Should -Be ([long]$fields.id)
        }
        finally {
            $process.Kill()
            $process.WaitForExit()
        }
    }

    It 'refuses another type with exit code 2 and the usage, which names the option' {
        $process = Start-Host @('--device-type', 'xx')
        $stderr = $process.StandardError.ReadToEnd()
        $process.WaitForExit(30000) | Should -BeTrue
        $process.ExitCode | Should -Be 2
        $stderr | Should -Match '--device-type is ac or cc\.'
        $stderr | Should -Match 'usage: midea-simulator .*\[--device-type ac\|cc\]'
    }
}
