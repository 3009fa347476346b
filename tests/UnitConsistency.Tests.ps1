# A simulated unit agrees with itself (issue 18), seen through the cmdlets: another client's request
# bytes (midea-local, msmart-ng) change the unit, and Get-MideaState, Get-MideaCapability and
# ConvertFrom-MideaPacket show what a unit with those capabilities would. 127.0.46.50-127.0.46.99 only
# (the xunit tests of the same issue use 127.0.46.1-49).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea

    # A V2 request packet as a client writes it (protocol.md §2.1): a 40-byte header of type 0x1101,
    # magic 20 00 and the device id; the AA frame AES-128-ECB-encrypted with MD5(SIGN_KEY); then
    # MD5(header + data + SIGN_KEY).
    function New-V2Request([long] $DeviceId, [string] $FrameHex) {
        $frame = [Convert]::FromHexString($FrameHex)
        $signKey = [System.Text.Encoding]::ASCII.GetBytes('xhdiwjnchekd4d512chdjx5d8e4c394D2D7S')
        $aes = [System.Security.Cryptography.Aes]::Create()
        $aes.Key = [System.Security.Cryptography.MD5]::HashData($signKey)
        $encrypted = $aes.EncryptEcb($frame, [System.Security.Cryptography.PaddingMode]::PKCS7)
        $aes.Dispose()
        $length = 40 + $encrypted.Length + 16
        $header = [byte[]]::new(40)
        [byte[]](0x5a, 0x5a, 0x01, 0x11, ($length -band 0xFF), ($length -shr 8), 0x20, 0x00) | ForEach-Object -Begin { $i = 0 } -Process { $header[$i++] = $_ }
        [System.BitConverter]::GetBytes($DeviceId).CopyTo($header, 20)
        $sign = [System.Security.Cryptography.MD5]::HashData([byte[]]($header + $encrypted + $signKey))
        [byte[]]($header + $encrypted + $sign)
    }

    # Sends another client's AA frame to a V2 unit on a fresh connection and returns the answer's
    # body as ConvertFrom-MideaPacket decodes it.
    function Send-Foreign($Unit, [string] $FrameHex) {
        $packet = New-V2Request $Unit.Id $FrameHex
        $client = [System.Net.Sockets.TcpClient]::new($Unit.Address, 6444)
        try {
            $stream = $client.GetStream()
            $stream.ReadTimeout = 5000
            $stream.Write($packet, 0, $packet.Length)
            $buffer = [byte[]]::new(4096)
            $count = $stream.Read($buffer, 0, $buffer.Length)
            (ConvertFrom-MideaPacket -Bytes ([byte[]]$buffer[0..($count - 1)])).Inner.Inner
        }
        finally { $client.Dispose() }
    }

    # The value one property entry of a decoded B0/B1 answer carries, as "<result> = <hex>".
    function Get-Entry($Body, [string] $Name) {
        $line = @($Body.Values | Where-Object { $_ -like "$Name result *" })
        $line | Should -HaveCount 1 -Because "the answer has one $Name entry"
        $line[0] -replace "^$Name result ", ''
    }

    # Other clients' requests, each built by hand from their source the way its encoder lays it out
    # (header byte 8 = 0, message id 01); the same bytes as in UnitConsistencyTests.cs.
    # midea-local d2c4a0b MessageNewProtocolSet: breezeless = True / indirect_wind = True / sound = False, each with prompt_tone = True.
    $script:MideaLocalBreezeless = 'aa16ac00000000000002b002180001011a00010101c98a'
    $script:MideaLocalIndirectWind = 'aa16ac00000000000002b002420001021a00010101fc2c'
    $script:MideaLocalSoundOff = 'aa16ac00000000000002b0021a0001012c0201000143fb'
    # midea-local d2c4a0b MessageNewProtocolQuery: 0x42, 0x18, 0x15, 0x17, 0x0233, 0x4B, 0x0A, 0x09, 0xCD, 0x022C, 0x3F.
    $script:MideaLocalQuery = 'aa24ac00000000000003b10b420018001500170033024b000a000900cd002c023f000129f4'
    # msmart-ng f162c85 GetGroupDataCommand(5), vector F08.
    $script:MsmartGroup5 = 'aa20ac000000000000034121014500000000000000000000000000000000015434'
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Breeze set by another client shows in Get-MideaState' {
    It 'shows breezeless set through 0x18 as Breeze Breezeless, Breezeless True and IndirectWind False' {
        $unit = Start-MideaSimulator -Address 127.0.46.50 -CapabilityProfile Full -ProtocolVersion 2
        $ack = Send-Foreign $unit $MideaLocalBreezeless
        Get-Entry $ack 'Breezeless' | Should -Be '0x00 = 01'
        $properties = (Get-MideaState -Address 127.0.46.50 -IncludeProperties).Properties
        $properties.Breeze | Should -Be ([Midea.BreezeSetting]::Breezeless)
        $properties.Breezeless | Should -BeTrue
        $properties.IndirectWind | Should -BeFalse
        "$properties" | Should -Match 'Breeze=Breezeless, Breezeless=True, IndirectWind=False'
    }

    It 'shows indirect wind set through 0x42 as Breeze BreezeAway and IndirectWind True' {
        $unit = Start-MideaSimulator -Address 127.0.46.51 -CapabilityProfile Full -ProtocolVersion 2
        $null = Send-Foreign $unit $MideaLocalIndirectWind
        $properties = (Get-MideaState -Address 127.0.46.51 -IncludeProperties).Properties
        $properties.Breeze | Should -Be ([Midea.BreezeSetting]::BreezeAway)
        $properties.IndirectWind | Should -BeTrue
        $properties.Breezeless | Should -BeFalse
    }

    It 'gives midea-local the breeze Set-MideaState chose, through its own ids' {
        $unit = Start-MideaSimulator -Address 127.0.46.52 -CapabilityProfile Full -ProtocolVersion 2
        Set-MideaState -Address 127.0.46.52 -Breeze Breezeless
        $read = Send-Foreign $unit $MideaLocalQuery
        Get-Entry $read 'Breezeless' | Should -Be '0x00 = 01'
        Get-Entry $read 'BreezeAway' | Should -Be '0x00 = 01'
        Set-MideaState -Address 127.0.46.52 -Breeze BreezeAway
        $read = Send-Foreign $unit $MideaLocalQuery
        Get-Entry $read 'Breezeless' | Should -Be '0x00 = 00'
        Get-Entry $read 'BreezeAway' | Should -Be '0x00 = 02'
    }

    It 'leaves Breeze, Breezeless and IndirectWind empty on units without breeze' -ForEach @(
        @{ Profile = 'Basic'; Address = '127.0.46.53' }
        @{ Profile = 'PortaSplit'; Address = '127.0.46.54' }
    ) {
        $null = Start-MideaSimulator -Address $Address -CapabilityProfile $Profile -ProtocolVersion 2
        $properties = (Get-MideaState -Address $Address -IncludeProperties).Properties
        foreach ($name in 'Breeze', 'Breezeless', 'IndirectWind') {
            $null -eq $properties.$name | Should -BeTrue -Because "the $Profile profile has no breeze"
        }
    }
}

Describe 'Properties follow the capabilities' {
    It 'answers and takes the sound property 0x022C the Full profile advertises' {
        $unit = Start-MideaSimulator -Address 127.0.46.60 -CapabilityProfile Full -ProtocolVersion 2
        (Get-MideaCapability -Address 127.0.46.60).Buzzer | Should -BeTrue
        Get-Entry (Send-Foreign $unit $MideaLocalQuery) 'Sound' | Should -Be '0x00 = 01'
        $ack = Send-Foreign $unit $MideaLocalSoundOff
        Get-Entry $ack 'Sound' | Should -Be '0x00 = 00'
        Get-Entry $ack 'Buzzer' | Should -Be '0x00 = 01'
        Get-Entry (Send-Foreign $unit $MideaLocalQuery) 'Sound' | Should -Be '0x00 = 00'
    }

    It 'refuses on <Profile> with 0x11 what its capabilities do not advertise, in midea-local''s poll' -ForEach @(
        @{ Profile = 'Basic'; Address = '127.0.46.61'; Answered = @() }
        @{ Profile = 'PortaSplit'; Address = '127.0.46.62'; Answered = @('OutSilent', 'Sound') }
        @{ Profile = 'Full'; Address = '127.0.46.63'; Answered = @('BreezeAway', 'Breezeless', 'IndoorHumidity', 'FreshAir', 'HorizontalSwingAngle', 'VerticalSwingAngle', 'OutSilent', 'Sound') }
    ) {
        $unit = Start-MideaSimulator -Address $Address -CapabilityProfile $Profile -ProtocolVersion 2
        $read = Send-Foreign $unit $MideaLocalQuery
        $read.Values | Should -HaveCount 11
        foreach ($line in $read.Values) {
            $name = ($line -split ' ')[0]
            if ($Answered -contains $name) { $line | Should -Match ' result 0x00 = [0-9a-f]+$' }
            else { $line | Should -Match ' result 0x11 \(failed\) = $' -Because "$Profile does not advertise $name" }
        }
    }
}

Describe 'Capability pages and data groups follow captured layouts' {
    It 'sends 0x0225 with seven bytes on <Profile>' -ForEach @(
        @{ Profile = 'Full'; Address = '127.0.46.70'; Ranges = '203c203c203c05' }
        @{ Profile = 'Basic'; Address = '127.0.46.71'; Ranges = '203c203c203c00' }
        @{ Profile = 'PortaSplit'; Address = '127.0.46.72'; Ranges = '203c203c203c00' }
    ) {
        $null = Start-MideaSimulator -Address $Address -CapabilityProfile $Profile -ProtocolVersion 2
        $caps = Get-MideaCapability -Address $Address
        $caps.Raw['0x0225'] | Should -Be $Ranges
        $caps.MinTemperature | Should -Be 16
        $caps.MaxTemperature | Should -Be 30
    }

    It 'reports no humidity in group 5 on the PortaSplit, which has no humidity sensor, and 45 % on the Full profile' -ForEach @(
        @{ Profile = 'PortaSplit'; Address = '127.0.46.73'; Humidity = $null }
        @{ Profile = 'Full'; Address = '127.0.46.74'; Humidity = 45 }
    ) {
        $unit = Start-MideaSimulator -Address $Address -CapabilityProfile $Profile -ProtocolVersion 2
        (Get-MideaCapability -Address $Address).Humidity | Should -Be ($null -ne $Humidity)
        $group = Send-Foreign $unit $MsmartGroup5
        $group.Group | Should -Be 5
        $group.Humidity | Should -Be $Humidity
    }
}
