# A simulated 0xCC unit (Start-MideaSimulator -DeviceType CommercialAc) seen through the cmdlets:
# discovery, the object, a frame captured from it decoded by ConvertFrom-MideaPacket.
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
    It 'is refused before any unit changes: its keys are an air conditioner''s' {
        Start-MideaSimulator -Address 127.0.39.54 -DeviceType CommercialAc
        { Set-MideaSimulator -Address 127.0.39.54 -RemoteControl @{ Power = $true } } |
            Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.SetMideaSimulatorCommand'
    }
}
