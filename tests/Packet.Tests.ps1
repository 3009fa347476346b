# ConvertFrom-MideaPacket on the vectors of protocol.md §3.7 and §7. It sends nothing; the
# reserved range for this file is 127.0.11.x. Addresses inside decoded packets are compared with
# values built from bytes, never written out.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea

    # §7.1 T02, T03, T04, T05, T08.
    $T02 = '5a5a011178007a8000000000000000000000000060ca0000000e0000000000000000000001000000c08651cb1b88a167bdcf7d37534ef81312d39429bf9b2673f200b635fae369a560fa9655eab8344be22b1e3b024ef5dfd392dc3db64dbffb6a66fb9cd5ec87a78000cd9043833b9f76991e8af29f3496'
    $T03 = '837000c8200f00005a5a0111b8007a800000000061433702060817143daa00000086000000000000000001800000000041c7129527bc03ee009284a90c2fbd2f179764ac35b55e7fb0e4ab0de9298fa1a5ca328046c603fb1ab60079d550d03546b605180127fdb5bb33a105f5206b5f008bffba2bae272aa0c96d56b45c4afa33f826a0a4215d1dd87956a267d2dbd34bdfb3e16e33d88768cc4c3d0658937d0bb19369bf0317b24d3a4de9e6a13106f7ceb5acc6651ce53d684a32ce34dc3a4fbe0d4139de99cc88a0285e14657045'
    $T04 = '5a5a01116800208000000000000000000000000060ca0000000e0000000000000000000001000000c6a90377a364cb55af337259514c6f96bf084e8c7a899b50b68920cdea36cecf11c882a88861d1f46cd87912f201218c66151f0c9fbe5941c5384e707c36ff76'
    $T05 = '8370008e2063ec2b8aeb17d4e3aff77094dde7fa65cf22671adf807f490a97b927347943626e9b4f58362cf34b97a0d641f8bf0c8fcbf69ad8cca131d2d7baa70ef048c5e3f3dc78da8af4598ff47aee762a0345c18815d91b50a24dedcacde0663c4ec5e73a963dc8bbbea9a593859996eb79dcfcc6a29b96262fcaa8ea6346366efea214e4a2e48caf83489475246b6fef90192b00'
    $T05Key = '55a0a178746a424bf1fc6bb74b9fb9e4515965048d24ce8dc72aca91597d05ab'
    $T08 = '5a5a01116800200000000000001e2d0c0f06181460ca0000000e000000000000000000000000000065cd8728fc6a5d31e6464235e81fa3b3e10c552981b23022cb71ea0fc54dc25e29ff4bed361a3a2fbe593a9d1a721035a458421f741399e8a96ce997d1e943a0'

    # §3.7 worked example: token, handshake request and response, link (session) key, one encrypted request and response.
    $Token = '43ecc03aaa33ee1005ac00007986531a6b60d9a2947ca17e4ea04e4d75b793bf04a649a886235a9cef517c194d5c5b8c1e9933cfae69d6e0f0bb50e4c57ad50a'
    $HandshakeRequest = '8370004020000000' + $Token
    $HandshakeResponse = '83700040200100002ec3e7f94ef68b2940cd5769883a2f5005ab9bc6b403d5c7e691bb860b0e96e3ca2a4fe727faaecf16ecd130a86e0885c5540c05375340445071c0657555fd42'
    $SessionKey = 'c4ad6a672d493884f3626dfb3116ba3dffe1fd0f65fddce108e8f96e05fce046'
    $EncryptedRequest = '8370008e20660ce2ee585e96398f1cec9c4598c35281e733c3486c03a18af28c19153ccb6344d18fea85fdc26c202a5375e42828ad0a534479aa24392475fafec697ab6cb56e78cbb59dddf9096037956c7bec368b6f8e9a96d946a4cc6ef47857d578286dd65a9dac0cb2af845241341a5ef156e9e8350187e484fca5dd95efca0c471721f059a16634cbbcd892608afbbcbe294c1d'
    $EncryptedResponse = '8370008e2063f58dda7b3ff4d3df9067a54a91701010ddee0b81ec6eb8d9c2398fd90edf4192535194c4ccb1ff39ca499654e9ce39c36d778fe38ea832bdfd44af82c4de618a65e366d8bc4ef44a0ccbcdd36c8fea178e9bbdc4e1ea1847b820b64497600e687e48d1e691438fd82f5cc307eca32d825564e5453902b9c340bb408be5d1ff970099a47b8e4bee2f1bb6b7de5d5bb4eb'

    # §7.3-§7.7 AA frames.
    $S03 = 'aa23ac00000000000303c00145660000003c0010045c6b20000000000000000000020d79'
    $K01 = 'aa29ac00000000000303b5071202010113020101140201011502010116020101170201001a020101dedb'
    $K09 = 'aa27ac00000000000303b5051f0201002c020101670001011602010451000101e30001010004f564'
    $P01 = 'aa21ac00000000000303b10409000001000a00000100150000012b1e020000005fa3'
    $P02 = 'aa18ac00000000000302b0020a0000013209001101000089a4'
    $P03 = 'aa1aac00000000000205b50310060101090001010a000101dcbcb4'
    $G01 = 'aa1fac00000000000303c121014400067920000000000000000000000000aabf'
    $G04 = 'aa22ac00000000000803c1210144000005e00000000000000006000aeb000000487a5e'
    $G05 = 'aa20ac00000000000303c12101453f546c005d0a000000de1f0000ba9a0004af9c'

    # A dotted address from its octets, so no non-loopback literal appears in this file.
    function Join-Octets([byte[]] $Octets) { [ipaddress]::new($Octets).ToString() }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'ConvertFrom-MideaPacket: discovery replies' {
    It 'decodes a V2 discovery reply (T02)' {
        $packet = ConvertFrom-MideaPacket $T02
        $packet | Should -HaveCount 1
        $packet.PSObject.TypeNames[0] | Should -Be 'Midea.MideaPacket'
        $packet.Kind | Should -Be 'V2 packet'
        $packet.Length | Should -Be 120
        $packet.Magic | Should -Be 'DiscoveryReply (0x807a)'
        $packet.DeviceId | Should -Be 15393162840672
        $packet.Timestamp | Should -Be '0000000000000000'
        $packet.Reserved | Should -Be '000000000000000001000000'
        $packet.PayloadLength | Should -Be 52

        $reply = $packet.Inner
        $reply.Kind | Should -Be 'Discovery reply'
        $reply.DeviceId | Should -Be 15393162840672
        $reply.Address | Should -Be (Join-Octets 10, 100, 1, 140)
        $reply.Port | Should -Be 6444
        $reply.SerialNumber | Should -Be '000000P0000000Q1F0C9D153F7B40000'
        $reply.Name | Should -Be 'net_ac_F7B4'
        $reply.ApplianceType | Should -Be '0xac'
    }

    It 'decodes a V3 discovery reply (T03): wrapper, trailer, inner V2 packet and body' {
        $packet = ConvertFrom-MideaPacket $T03
        $packet.Kind | Should -Be 'V3 type F (ERROR or discovery reply)'
        $packet.Size | Should -Be 200
        $packet.Type | Should -Be 15
        $packet.Pad | Should -Be 0
        $packet.PacketId | Should -Be 0
        $packet.Trailer | Should -Be '4fbe0d4139de99cc88a0285e14657045'
        $packet.Note | Should -Match 'V3 discovery reply'

        $v2 = $packet.Inner
        $v2.Kind | Should -Be 'V2 packet'
        $v2.Length | Should -Be 184
        $v2.Magic | Should -Be 'DiscoveryReply (0x807a)'
        $v2.DeviceId | Should -Be 147334558165565
        $v2.Reserved | Should -Be '000000000000018000000000'

        $reply = $v2.Inner
        $reply.Kind | Should -Be 'Discovery reply'
        $reply.DeviceId | Should -Be 147334558165565
        $reply.Address | Should -Be (Join-Octets 10, 100, 1, 239)
        $reply.Port | Should -Be 6444
        $reply.SerialNumber | Should -Be '000000P0000000Q1B88C29C963BA0000'
        $reply.Name | Should -Be 'net_ac_63BA'
        $reply.ApplianceType | Should -Be '0xac'
        $reply.Subtype | Should -Be 0xacac
        $reply.MacAddress | Should -Be 'b8:8c:29:c9:63:ba'
    }
}

Describe 'ConvertFrom-MideaPacket: V2 packets' {
    It 'decodes a V2 device response down to its C0 state (T04 → S04)' {
        $packet = ConvertFrom-MideaPacket $T04
        $packet.Kind | Should -Be 'V2 packet'
        $packet.Magic | Should -Be 'Response (0x8020)'
        $packet.Length | Should -Be 104
        $packet.DeviceId | Should -Be 15393162840672

        $frame = $packet.Inner
        $frame.Kind | Should -Be 'AA frame'
        $frame.ApplianceType | Should -Be '0xac'
        $frame.FrameType | Should -Be 'Query (0x03)'
        $frame.BodyId | Should -Be '0xc0'
        $frame.Body | Should -Be 'c0014566000000300010045cff2070000000000000008b'

        $state = $frame.Inner
        $state.Kind | Should -Be 'State (C0)'
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Cool'
        $state.TargetTemperature | Should -Be 21
        $state.FanSpeed | Should -Be 102
        $state.Swing | Should -Be 'Off'
        $state.Eco | Should -BeTrue
        $state.Fahrenheit | Should -BeTrue
        $state.IndoorTemperature | Should -Be 21
        $state.OutdoorTemperature | Should -BeNullOrEmpty
        $state.FilterAlert | Should -BeTrue
        $state.Display | Should -BeFalse
    }

    It 'decodes a V2 request carrying GetState (T08)' {
        $packet = ConvertFrom-MideaPacket $T08
        $packet.Magic | Should -Be 'Request (0x0020)'
        $packet.Timestamp | Should -Be '001e2d0c0f061814'
        $packet.DeviceId | Should -Be 15393162840672
        $packet.Inner.Kind | Should -Be 'AA frame'
        $packet.Inner.Inner.Kind | Should -Be 'GetState (41)'
        $packet.Inner.Inner.TemperatureType | Should -Be 2
    }
}

Describe 'ConvertFrom-MideaPacket: V3 handshake' {
    It 'shows a handshake request without its token' {
        $packet = ConvertFrom-MideaPacket $HandshakeRequest
        $packet.Kind | Should -Be 'V3 handshake request'
        $packet.Size | Should -Be 64
        $packet.Type | Should -Be 0
        $packet.PacketId | Should -Be 0
        $packet.Token | Should -Be '<64 bytes, not shown>'

        $views = @(
            $packet | Out-String
            $packet | Format-List * -Force | Out-String
            $packet | Format-Table * -Force | Out-String -Width 1000
            "$packet"
            $packet | ConvertTo-Json -Depth 5
        ) -join "`n"
        $views | Should -Match 'handshake request'
        $views | Should -Not -Match $Token
        $views | Should -Not -Match $Token.Substring(0, 32)
        $views | Should -Not -Match $Token.Substring(64)
    }

    It 'shows a handshake response without its encrypted random or hash' {
        $packet = ConvertFrom-MideaPacket $HandshakeResponse
        $packet.Kind | Should -Be 'V3 handshake response'
        $packet.Type | Should -Be 1
        $packet.EncryptedRandom | Should -Be '<32 bytes, not shown>'
        $text = ($packet | Format-List * -Force | Out-String) + "$packet"
        $text | Should -Not -Match $HandshakeResponse.Substring(16, 64)
        $text | Should -Not -Match $HandshakeResponse.Substring(80)
    }
}

Describe 'ConvertFrom-MideaPacket: V3 encrypted packets' {
    It 'decrypts the §3.7 request with -Key down to GetState' {
        $packet = ConvertFrom-MideaPacket $EncryptedRequest -Key $SessionKey
        $packet.Kind | Should -Be 'V3 encrypted request'
        $packet.Size | Should -Be 142
        $packet.Type | Should -Be 6
        $packet.Pad | Should -Be 6
        $packet.PacketId | Should -Be 1
        $packet.Note | Should -BeNullOrEmpty

        $v2 = $packet.Inner
        $v2.Kind | Should -Be 'V2 packet'
        $v2.Length | Should -Be 104
        $v2.Magic | Should -Be 'Request (0x0020)'
        $v2.DeviceId | Should -Be 15393162840672
        $v2.Timestamp | Should -Be '001e2d0c0f061814'
        $v2.Inner.BodyId | Should -Be '0x41'
        $v2.Inner.Inner.Kind | Should -Be 'GetState (41)'
    }

    It 'decrypts the §3.7 response with the same key down to its state frame' {
        $packet = ConvertFrom-MideaPacket $EncryptedResponse -Key $SessionKey
        $packet.Kind | Should -Be 'V3 encrypted response'
        $packet.Type | Should -Be 3
        $packet.PacketId | Should -Be 1
        $packet.Inner.Magic | Should -Be 'Response (0x8020)'
        $packet.Inner.Inner.Body | Should -Be 'c0014566000000300010045cff2070000000000000008b'
        $packet.Inner.Inner.Inner.Kind | Should -Be 'State (C0)'
    }

    It 'decrypts the captured response T05 with its link key (S05 inside)' {
        $packet = ConvertFrom-MideaPacket $T05 -Key $T05Key
        $packet.PacketId | Should -Be 0
        $packet.Inner.DeviceId | Should -Be 147334558165565
        $packet.Inner.Timestamp | Should -Be 'eaa908020c081714'
        $state = $packet.Inner.Inner.Inner
        $state.Kind | Should -Be 'State (C0)'
        $state.Swing | Should -Be 'Vertical'
        $state.OutdoorTemperature | Should -Be 27
        $state.FilterAlert | Should -BeFalse
    }

    It 'says to give the key when -Key is missing' {
        $packet = ConvertFrom-MideaPacket $EncryptedRequest
        $packet.Kind | Should -Be 'V3 encrypted request'
        $packet.Size | Should -Be 142
        $packet.Note | Should -Match 'give the session key \(-Key\)'
        $packet.PSObject.Properties['Inner'] | Should -BeNullOrEmpty
        $packet.PSObject.Properties['PacketId'] | Should -BeNullOrEmpty
    }

    It 'shows no ciphertext bytes as the packet id of an encrypted packet' {
        (ConvertFrom-MideaPacket $EncryptedRequest -Key $SessionKey).PacketId | Should -Be 1
        (ConvertFrom-MideaPacket $EncryptedRequest).PSObject.Properties['PacketId'] | Should -BeNullOrEmpty
    }

    It 'reports a wrong key as ProtocolError and writes no object' {
        $result = ConvertFrom-MideaPacket $T05 -Key $SessionKey -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ProtocolError,Midea.PowerShell.Cmdlets.ConvertFromMideaPacketCommand'
        "$($failures[0])" | Should -Match 'SHA-256'
    }

    It 'reports a key that is not 64 hex digits as InvalidArgument' -ForEach @(
        @{ Case = 'too long'; Suffix = '00' }
        @{ Case = 'not hex'; Suffix = 'g' }
    ) {
        ConvertFrom-MideaPacket $EncryptedRequest -Key ($SessionKey + $Suffix) -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.ConvertFromMideaPacketCommand'
        "$($failures[0])" | Should -Match 'session key'
    }
}

Describe 'ConvertFrom-MideaPacket: AA frame bodies' {
    It 'decodes a C0 state reply (S03)' {
        $frame = ConvertFrom-MideaPacket $S03
        $frame.Kind | Should -Be 'AA frame'
        $frame.Length | Should -Be 35
        $frame.ProtocolVersion | Should -Be 3
        $frame.FrameType | Should -Be 'Query (0x03)'
        $state = $frame.Inner
        $state.Kind | Should -Be 'State (C0)'
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Cool'
        $state.TargetTemperature | Should -Be 21
        $state.Swing | Should -Be 'Vertical'
        $state.IndoorTemperature | Should -Be 21
        $state.OutdoorTemperature | Should -Be 28.5
        $state.FilterAlert | Should -BeTrue
        $state.Display | Should -BeTrue
        $state.Turbo | Should -BeFalse
    }

    It 'decodes a B5 capabilities reply (K01)' {
        $frame = ConvertFrom-MideaPacket $K01
        $frame.BodyId | Should -Be '0xb5'
        $caps = $frame.Inner
        $caps.Kind | Should -Be 'Capabilities (B5)'
        $caps.Entries | Should -HaveCount 7
        $caps.Entries[0] | Should -Be '0x0212 Eco = 01'
        $caps.Entries | Should -Contain '0x0217 Filter = 00'
        $caps.Trailer | Should -Be ''
        $caps.MorePages | Should -BeFalse
        ($caps.Modes | Sort-Object) | Should -Be 'Auto', 'Cool', 'Dry', 'FanOnly', 'Heat'
        ($caps.SwingModes | Sort-Object) | Should -Be 'Both', 'Horizontal', 'Off', 'Vertical'
        # No 0x0210: the default fan speeds LOW, MEDIUM, HIGH, AUTO.
        ($caps.FanSpeeds | ForEach-Object { [int]$_ }) | Should -Be 40, 60, 80, 102
        $caps.UndecodedIds | Should -HaveCount 0
    }

    It 'parses exactly count entries of a B5 reply and leaves the rest as trailer (K09)' {
        $caps = (ConvertFrom-MideaPacket $K09).Inner
        $caps.Entries | Should -HaveCount 5
        $caps.Entries | Should -Contain '0x0067 Flash = 01'
        $caps.Trailer | Should -Be 'e30001010004'
        $caps.MorePages | Should -BeFalse
        $caps.UndecodedIds | Should -Be '0x0051'
    }

    It 'does not read a B5 notification (frame type 05, P03) as capabilities' {
        $frame = ConvertFrom-MideaPacket $P03
        $frame.FrameType | Should -Be 'Notify (0x05)'
        $frame.BodyId | Should -Be '0xb5'
        $inner = $frame.Inner
        $inner.Kind | Should -Be 'Notification (B5)'
        $inner.Body | Should -Be 'b50310060101090001010a000101dc'
        $inner.Note | Should -Match 'not a capabilities reply'
        foreach ($name in 'Entries', 'Modes', 'SwingModes', 'MorePages') {
            $inner.PSObject.Properties[$name] | Should -BeNullOrEmpty -Because "a notification has no $name"
        }
    }

    It 'decodes a pushed state report (A0, frame type 05) built from midea-local''s example (§5.10)' {
        $frame = ConvertFrom-MideaPacket 'aa1dac00000000000105a05fe07f0000000f281d43000020010000008c8f'
        $frame.FrameType | Should -Be 'Notify (0x05)'
        $frame.BodyId | Should -Be '0xa0'
        $report = $frame.Inner
        $report.Kind | Should -Be 'State report (A0)'
        $report.Note | Should -Match 'Pushed by the unit unasked \(frame type 0x05\)'
        $report.Note | Should -Match 'display is not shown'
        $report.Power | Should -BeTrue
        $report.TargetTemperature | Should -Be 27.5
        # Mode bits 7 are no mode; §5.1 reads them as fan only.
        $report.Mode | Should -Be 'FanOnly'
        $report.FanSpeed | Should -Be 127
        $report.Swing | Should -Be 'Both'
        $report.Eco | Should -BeTrue
        $report.Turbo | Should -BeTrue
        $report.Sleep | Should -BeTrue
        $report.FreezeProtection | Should -BeNullOrEmpty
        $report.PSObject.Properties['Display'] | Should -BeNullOrEmpty
    }

    It 'decodes a pushed sensor report (A1, frame type 04)' {
        $report = (ConvertFrom-MideaPacket 'aa20ac00000000000304a10000000000000000000000005c6e00002d53000078ca').Inner
        $report.Kind | Should -Be 'Sensor report (A1)'
        $report.IndoorTemperature | Should -Be 21.3
        $report.OutdoorTemperature | Should -Be 30.5
        $report.Humidity | Should -Be 45
    }

    It 'reads a captured short A1 report whose check byte is wrong (U01) and says both' {
        $frame = ConvertFrom-MideaPacket 'aa11ac00000000000304a100038a95b6c102'
        $frame.FrameType | Should -Be 'Report (0x04)'
        $frame.Note | Should -Match 'check byte c1 matches neither'
        $report = $frame.Inner
        $report.Kind | Should -Be 'Sensor report (A1)'
        $report.Note | Should -Match 'Too short for the sensor report layout: 6 bytes'
        $report.Body | Should -Be 'a100038a95b6'
    }

    It 'names a pushed body no decoder knows (U06)' {
        $frame = ConvertFrom-MideaPacket 'aa2bac00000000000204a60000000000000000000000000000000000000000000000000000000000003b3b07'
        $frame.Note | Should -BeNullOrEmpty -Because 'its check byte is the CRC-8'
        $frame.Inner.Kind | Should -Be 'Body 0xa6'
        $frame.Inner.Note | Should -Match 'Pushed by the unit unasked \(frame type 0x04\); no decoder'
    }

    It 'decodes a B1 properties reply (P01)' {
        $frame = ConvertFrom-MideaPacket $P01
        $frame.BodyId | Should -Be '0xb1'
        $inner = $frame.Inner
        $inner.Kind | Should -Be 'Properties (B1) reply'
        $inner.Values | Should -HaveCount 4
        $inner.Values[0] | Should -Be 'VerticalSwingAngle result 0x00 = 00'
        $inner.Values[1] | Should -Be 'HorizontalSwingAngle result 0x00 = 00'
        $inner.Values[2] | Should -Be 'IndoorHumidity result 0x00 = 2b'
        $inner.Values[3] | Should -Match '^Anion result 0x00 = $'
    }

    It 'decodes a B0 acknowledgement with one failed property (P02)' {
        $frame = ConvertFrom-MideaPacket $P02
        $frame.FrameType | Should -Be 'Set (0x02)'
        $frame.BodyId | Should -Be '0xb0'
        $inner = $frame.Inner
        $inner.Kind | Should -Be 'SetProperties (B0) reply'
        $inner.Values | Should -Be 'HorizontalSwingAngle result 0x00 = 32', 'VerticalSwingAngle result 0x11 (failed) = 00'
    }

    It 'decodes a B1 request (F15)' {
        $inner = (ConvertFrom-MideaPacket 'aa12ac00000000000003b10209000a00011761').Inner
        $inner.Kind | Should -Be 'Properties (B1) request'
        $inner.Ids | Should -Be 'VerticalSwingAngle', 'HorizontalSwingAngle'
    }

    It 'decodes a B0 request (F16)' {
        $inner = (ConvertFrom-MideaPacket 'aa16ac00000000000002b002090001191a000101012d1d').Inner
        $inner.Kind | Should -Be 'SetProperties (B0) request'
        $inner.Values | Should -Be 'VerticalSwingAngle = 19', 'Buzzer = 01'
    }

    It 'decodes C1 group 4 energy in binary (G04), showing both readings' {
        $frame = ConvertFrom-MideaPacket $G04
        $frame.ProtocolVersion | Should -Be 8
        $frame.BodyId | Should -Be '0xc1'
        $group = $frame.Inner
        $group.Kind | Should -Be 'Group data 4 (C1)'
        $group.Group | Should -Be 4
        $group.Valid | Should -BeTrue
        $group.TotalKwhBinary | Should -Be 150.4
        $group.CurrentKwhBinary | Should -Be 0.6
        $group.PowerWBinary | Should -Be 279.5
        $group.TotalKwhBcd | Should -Be 6.4
        $group.CurrentKwhBcd | Should -Be 0.06
        $group.PowerWBcd | Should -Be 115.1
        $group.BcdDigitsValid | Should -BeFalse
    }

    It 'decodes C1 group 4 energy in BCD (G01)' {
        $group = (ConvertFrom-MideaPacket $G01).Inner
        $group.TotalKwhBcd | Should -Be 679.2
        $group.CurrentKwhBcd | Should -Be 0
        $group.PowerWBcd | Should -Be 0
        $group.BcdDigitsValid | Should -BeTrue
    }

    It 'decodes C1 group 5 (G05)' {
        $group = (ConvertFrom-MideaPacket $G05).Inner
        $group.Kind | Should -Be 'Group data 5 (C1)'
        $group.Group | Should -Be 5
        $group.Humidity | Should -Be 63
        $group.OutdoorFanSpeed | Should -Be 744
        $group.Defrost | Should -BeFalse
    }

    It 'decodes the requests: <Name>' -ForEach @(
        @{ Name = 'GetCapabilities page 1 (F03)'; Hex = 'aa0fac00000000000003b5010001e5a6'; Kind = 'GetCapabilities (B5)'; Field = 'Page'; Value = 1 }
        @{ Name = 'GetCapabilities page 2 (F04)'; Hex = 'aa10ac00000000000003b5010101012365'; Kind = 'GetCapabilities (B5)'; Field = 'Page'; Value = 2 }
        @{ Name = 'group 11 query (F10)'; Hex = 'aa20ac000000000000034121014b00000000000000000000000000000000013a48'; Kind = 'Group query (41 21)'; Field = 'Group'; Value = 11 }
        @{ Name = 'ToggleDisplay with beep (F11)'; Hex = 'aa21ac00000000000003414200ff020002000000000000000000000000000001e6c3'; Kind = 'ToggleDisplay (41)'; Field = 'Beep'; Value = $true }
        @{ Name = 'SetState HEAT 22.5 (F13)'; Hex = 'aa24ac000000000000024003963c7f7f003f2000020000000000000000280000000001f998'; Kind = 'SetState (40)'; Field = 'TargetTemperature'; Value = 22.5 }
    ) {
        $inner = (ConvertFrom-MideaPacket $Hex).Inner
        $inner.Kind | Should -Be $Kind
        $inner.$Field | Should -Be $Value
    }
}

Describe 'ConvertFrom-MideaPacket: 0xCC frames (protocol.md §9)' {
    It 'decodes a captured 0xCC query answer (M02) into state and capabilities' {
        $frame = ConvertFrom-MideaPacket 'aa63cc0000000000000301fe00000043005001728c79010100728c728c797900010141ff010203000603010000000300000001030103010000000000000000000001000100010000000000000000000000000001000200000100000101000102ff02ff6a'
        $frame.ApplianceType | Should -Be '0xcc'
        $frame.Note | Should -Match 'check byte ff is no CRC-8'
        $answer = $frame.Inner
        $answer.Kind | Should -Be '0xCC query answer (01 FE)'
        $answer.Power | Should -BeTrue
        $answer.Mode | Should -Be 'Heat'
        $answer.TargetTemperature | Should -Be 20.5
        $answer.IndoorTemperature | Should -Be 25.7
        $answer.OutdoorTemperature | Should -BeNullOrEmpty
        $answer.HorizontalSwingAngle | Should -Be 'Position3'
        $answer.Purifier | Should -Be 'Off'
        $answer.MinimumTargetTemperature | Should -Be 17
        $answer.MaximumTargetTemperature | Should -Be 30
        $answer.Modes | Should -Be 'Fan', 'Cool', 'Heat', 'Dry'
        $answer.AuxiliaryHeatModes | Should -Be 'Auto', 'On', 'Off'
        $answer.Note | Should -Match 'Unverified'
    }

    It 'decodes a 0xCC control (M37) and the unit''s answer to one (M38)' {
        $control = (ConvertFrom-MideaPacket 'aa1bcc0000000000000200000101ff00120102ff001c0104ff028b55').Inner
        $control.Kind | Should -Be '0xCC control (02)'
        $control.Power | Should -BeTrue
        $control.Mode | Should -Be 'Cool'
        $control.VerticalSwingAngle | Should -Be 'Position4'
        $answer = ConvertFrom-MideaPacket 'aa16cc0000000000000200000101ff00120102ff000007'
        $answer.Note | Should -Match 'check byte 00 is no CRC-8'
        $answer.Inner.Mode | Should -Be 'Cool'
        $answer.Inner.PSObject.Properties['VerticalSwingAngle'] | Should -BeNullOrEmpty
    }

    It 'decodes the 0xCC query (M01)' {
        (ConvertFrom-MideaPacket 'aa22cc000000000000030100000000000000000000000000000000000000000001cc41').Inner.Kind | Should -Be '0xCC query (01)'
    }
}

Describe 'ConvertFrom-MideaPacket input' {
    It 'takes bytes from the pipeline as one packet' {
        $bytes = [Convert]::FromHexString($S03)
        $packets = , $bytes | ConvertFrom-MideaPacket
        $packets | Should -HaveCount 1
        $packets[0].Inner.Kind | Should -Be 'State (C0)'
        $packets[0].Inner.OutdoorTemperature | Should -Be 28.5
    }

    It 'takes -Bytes' {
        $packet = ConvertFrom-MideaPacket -Bytes ([Convert]::FromHexString($K01))
        $packet.Inner.Kind | Should -Be 'Capabilities (B5)'
    }

    It 'takes a capture file read with Get-Content -AsByteStream -Raw' {
        $file = Join-Path $TestDrive 'capture.bin'
        [IO.File]::WriteAllBytes($file, [Convert]::FromHexString($T04))
        $packets = Get-Content $file -AsByteStream -Raw | ConvertFrom-MideaPacket
        $packets | Should -HaveCount 1
        $packets[0].Magic | Should -Be 'Response (0x8020)'
        $packets[0].Inner.Inner.Kind | Should -Be 'State (C0)'
    }

    It 'allows spaces, colons and dashes between byte pairs, and upper case' {
        $spaced = (($S03.ToUpperInvariant() -split '(..)' | Where-Object { $_ }) -join ' ')
        (ConvertFrom-MideaPacket $spaced).Body | Should -Be (ConvertFrom-MideaPacket $S03).Body
        $mixed = 'aa:23-ac ' + $S03.Substring(6)
        (ConvertFrom-MideaPacket $mixed).Inner.OutdoorTemperature | Should -Be 28.5
    }

    It 'decodes each hex string from the pipeline and goes on after a failure' {
        $packets = 'zz', $S03, '0102', $K01 | ConvertFrom-MideaPacket -ErrorVariable failures -ErrorAction SilentlyContinue
        ($packets | ForEach-Object { $_.Inner.Kind }) | Should -Be 'State (C0)', 'Capabilities (B5)'
        ($failures | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) | Should -Be 'InvalidHex', 'ProtocolError'
    }
}

Describe 'ConvertFrom-MideaPacket errors' {
    It 'reports <Case> as InvalidHex' -ForEach @(
        @{ Case = 'a non-hex digit'; Text = 'aa2z'; Message = "'z' is not a hex digit" }
        @{ Case = 'an odd number of digits'; Text = 'aa2'; Message = 'even number of digits' }
    ) {
        $result = ConvertFrom-MideaPacket $Text -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidHex,Midea.PowerShell.Cmdlets.ConvertFromMideaPacketCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $Text
        "$($failures[0])" | Should -Match $Message
    }

    It 'reports <Case> as ProtocolError' -ForEach @(
        @{ Case = 'bytes that are no Midea packet'; Text = '0102'; Message = 'Not a Midea packet' }
        @{ Case = 'a 4-byte fragment (N04)'; Text = '01000000'; Message = 'Not a Midea packet' }
        @{ Case = 'a truncated AA frame'; Text = 'aa23ac00'; Message = 'truncated' }
        @{ Case = 'a truncated V3 packet'; Text = '8370'; Message = 'truncated' }
        @{ Case = 'a wrong frame checksum (N01)'; Text = 'aa14ac00000000000303b10109000001003c0000ff'; Message = 'checksum' }
        @{ Case = 'a C0 with a bad body CRC (N03)'; Text = 'aa22ac00000000000303c0014566000000300010045eff00000000000000000069aa0c'; Message = 'CRC' }
        # N05 (a 0xCC answer) with its type byte made a1, a dehumidifier's, and its checksum fixed.
        @{ Case = 'an appliance type neither ac nor cc'; Text = 'aa63a10000000000000301fe00000043005000728c8000bc00728c728c808000010141ff010203000603010000000000000001000103010000000000000000000001000100010000000000000000000000000001000200000100000101000102ff02ffcd'; Message = 'appliance type a1' }
    ) {
        $result = ConvertFrom-MideaPacket $Text -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ProtocolError,Midea.PowerShell.Cmdlets.ConvertFromMideaPacketCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ProtocolError'
        $failures[0].TargetObject | Should -Be $Text
        "$($failures[0])" | Should -Match $Message
    }

    It 'names undecodable bytes by their count' {
        ConvertFrom-MideaPacket -Bytes ([byte[]](1, 2, 3)) -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ProtocolError,*'
        $failures[0].TargetObject | Should -Be '3 bytes'
    }

    It 'accepts a B1 reply whose body CRC is wrong (N02)' {
        $inner = (ConvertFrom-MideaPacket 'aa14ac00000000000303b10109000001003c000042').Inner
        $inner.Kind | Should -Be 'Properties (B1) reply'
        $inner.Values | Should -Be 'VerticalSwingAngle result 0x00 = 00'
    }
}

Describe 'ConvertFrom-MideaPacket keeps the session key secret' {
    It 'never writes the key to any of the six streams, a result or an error' {
        $DebugPreference = 'Continue'
        $InformationPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $captured = & {
            ConvertFrom-MideaPacket $EncryptedRequest -Key $SessionKey -Verbose -Debug | ForEach-Object {
                $_ | Out-String
                $_ | Format-List * -Force | Out-String
                "$_"
                $_ | ConvertTo-Json -Depth 10
                $_.Inner | Format-List * -Force | Out-String
                $_.Inner.Inner | Format-List * -Force | Out-String
            }
            ConvertFrom-MideaPacket $EncryptedResponse -Key $SessionKey -Verbose -Debug | Format-List * | Out-String
            # The wrong key for this packet, a key too long, a key with a non-hex digit.
            ConvertFrom-MideaPacket $T05 -Key $SessionKey -Verbose -Debug -ErrorAction Continue
            ConvertFrom-MideaPacket $EncryptedRequest -Key ($SessionKey + '00') -Verbose -ErrorAction Continue
            ConvertFrom-MideaPacket $EncryptedRequest -Key ($SessionKey.Substring(1) + 'g') -Verbose -ErrorAction Continue
            ConvertFrom-MideaPacket -Bytes ([Convert]::FromHexString($EncryptedRequest)) -Key $SessionKey -Verbose -Debug | Out-String
        } *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) {
                $_ | Format-List * -Force | Out-String
                $_.Exception | Format-List * -Force | Out-String
                $_.InvocationInfo.Line
            }
            else { "$_" }
        } | Out-String
        $captured | Should -Match 'GetState \(41\)'
        $captured | Should -Match 'State \(C0\)'
        $captured | Should -Match 'SHA-256'
        $captured | Should -Match 'InvalidArgument'
        # The invocation lines hold "$SessionKey", never its value.
        $captured | Should -Not -Match $SessionKey
        $captured | Should -Not -Match $SessionKey.Substring(0, 32)
        $captured | Should -Not -Match $SessionKey.Substring(32)
    }
}
