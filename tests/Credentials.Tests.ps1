# Local token minting, the cloud-free flow end to end, and Test-MideaConnection. 127.0.13.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    # Tests here pass credentials explicitly; an empty store keeps a developer's real one out of play.
    $script:savedStorePath = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:savedStorePath
}

Describe 'The cloud-free flow: provision, mint, control' {
    It 'provisions an AP-mode unit, mints a token from its new network and MAC, and reads its state at its new address' {
        $unit = Start-MideaSimulator -ApMode -Address 127.0.13.10 -HomeAddress 127.0.13.110 -JoinDelaySeconds 0.2
        $wifi = Set-MideaWifi -Ssid 'home-net' -Passphrase 'home-passphrase' -CountryCode DE -Address 127.0.13.10 -WaitForNetwork 127.0.13.110 -WaitTimeoutSeconds 15
        $wifi.Success | Should -BeTrue

        $credential = New-MideaToken -Ssid 'home-net' -Passphrase 'home-passphrase' -MacAddress $wifi.MacAddress
        $credential.Source | Should -Be 'Minted'
        $state = Get-MideaState -Address $wifi.NewAddress -Token $credential.Token -Key $credential.Key
        $state.Id | Should -Be $unit.Id
        $state.Address | Should -Be '127.0.13.110'
    }

    It 'pipes Find-MideaDevice through New-MideaToken into Get-MideaState' {
        Start-MideaSimulator -Address 127.0.13.11 -Ssid 'office' -Passphrase 'office-passphrase' | Out-Null
        $state = Find-MideaDevice -Address 127.0.13.11 | New-MideaToken -Ssid 'office' -Passphrase 'office-passphrase' | Get-MideaState
        $state.Address | Should -Be '127.0.13.11'
    }

    It 'gives AuthenticationFailed for a token minted from the wrong passphrase' {
        $unit = Start-MideaSimulator -Address 127.0.13.12 -Ssid 'office' -Passphrase 'office-passphrase'
        $wrong = New-MideaToken -Ssid 'office' -Passphrase 'not-the-passphrase' -MacAddress $unit.MacAddress
        Get-MideaState -Address 127.0.13.12 -Token $wrong.Token -Key $wrong.Key -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,Midea.PowerShell.Cmdlets.GetMideaStateCommand'
    }

    It 'gives AuthenticationFailed for a token minted for another SSID or MAC' {
        $unit = Start-MideaSimulator -Address 127.0.13.13 -Ssid 'office' -Passphrase 'office-passphrase'
        foreach ($wrong in @(
                (New-MideaToken -Ssid 'other' -Passphrase 'office-passphrase' -MacAddress $unit.MacAddress),
                (New-MideaToken -Ssid 'office' -Passphrase 'office-passphrase' -MacAddress '02:4d:44:ff:ff:ff'))) {
            Get-MideaState -Address 127.0.13.13 -Token $wrong.Token -Key $wrong.Key -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        }
    }
}

Describe 'New-MideaToken' {
    It 'mints a different pair each time, each of which the unit accepts' {
        $unit = Start-MideaSimulator -Address 127.0.13.20 -Ssid 'lab' -Passphrase 'lab-passphrase'
        $a = New-MideaToken -Ssid 'lab' -Passphrase 'lab-passphrase' -MacAddress $unit.MacAddress
        $b = New-MideaToken -Ssid 'lab' -Passphrase 'lab-passphrase' -MacAddress $unit.MacAddress
        ($a.Token | ConvertFrom-SecureString -AsPlainText) | Should -Not -Be ($b.Token | ConvertFrom-SecureString -AsPlainText)
        ($a.Token | ConvertFrom-SecureString -AsPlainText) | Should -Match '^[0-9a-f]{128}$'
        ($a.Key | ConvertFrom-SecureString -AsPlainText) | Should -Match '^[0-9a-f]{64}$'
        foreach ($pair in $a, $b) { (Get-MideaState -Address 127.0.13.20 -Token $pair.Token -Key $pair.Key).Id | Should -Be $unit.Id }
    }

    It 'shows neither token nor key in its output, even with -Verbose' {
        $text = New-MideaToken -Ssid 'lab' -Passphrase 'lab-passphrase' -MacAddress '02:4d:44:00:0d:14' -Verbose 4>&1 | ForEach-Object {
            if ($_ -is [Midea.MideaCredential]) {
                $plain = ($_.Token | ConvertFrom-SecureString -AsPlainText), ($_.Key | ConvertFrom-SecureString -AsPlainText)
                $_ | Format-List | Out-String
                $_ | Format-Table | Out-String
            }
            else { "$_" }
        } | Out-String
        $text | Should -Match 'Minted'
        $text | Should -Not -Match $plain[0]
        $text | Should -Not -Match $plain[1]
        $text | Should -Not -Match 'lab-passphrase'
    }

    It 'refuses a malformed MAC address with InvalidArgument' {
        New-MideaToken -Ssid 'lab' -Passphrase 'x' -MacAddress '02:4d:44' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.NewMideaTokenCommand'
    }
}

Describe 'Test-MideaConnection' {
    BeforeAll {
        $script:v3 = Start-MideaSimulator -Address 127.0.13.30
        $script:v2 = Start-MideaSimulator -Address 127.0.13.31 -ProtocolVersion 2
        $script:other = Start-MideaSimulator -Address 127.0.13.32
    }

    It 'reports a working V3 session with its timings and changes nothing' {
        $before = Get-MideaState -Address 127.0.13.30 -Token $v3.Token -Key $v3.Key
        $result = Test-MideaConnection -Address 127.0.13.30 -Token $v3.Token -Key $v3.Key
        $result.Success | Should -BeTrue
        $result.ProtocolVersion | Should -Be 3
        $result.Id | Should -Be $v3.Id
        $result.CredentialSource | Should -Be 'Parameter'
        $result.ConnectMs | Should -BeGreaterThan 0
        $result.RoundTripMs | Should -BeGreaterThan 0
        $after = Get-MideaState -Address 127.0.13.30 -Token $v3.Token -Key $v3.Key
        $after.Power | Should -Be $before.Power
        $after.TargetTemperature | Should -Be $before.TargetTemperature
    }

    It 'reports a V2 unit, which needs no credentials' {
        $result = Test-MideaConnection -Address 127.0.13.31
        $result.Success | Should -BeTrue
        $result.CredentialSource | Should -Be 'None'
    }

    It 'reports refused credentials as a result, not an error' {
        $result = Test-MideaConnection -Address 127.0.13.30 -Token $other.Token -Key $other.Key -ErrorVariable failures
        $failures | Should -HaveCount 0
        $result.Success | Should -BeFalse
        $result.ErrorId | Should -Be 'AuthenticationFailed'
    }

    It 'reports a silent address as DeviceUnreachable' {
        (Test-MideaConnection -Address 127.0.13.39 -TimeoutSeconds 1).ErrorId | Should -Be 'DeviceUnreachable'
    }

    It 'answers only $true or $false with -Quiet' {
        Test-MideaConnection -Address 127.0.13.30 -Token $v3.Token -Key $v3.Key -Quiet | Should -BeTrue
        Test-MideaConnection -Address 127.0.13.30 -Token $other.Token -Key $other.Key -Quiet | Should -BeFalse
    }

    It 'takes the units from the pipeline' {
        $results = Find-MideaDevice -Address 127.0.13.30, 127.0.13.31 | Test-MideaConnection -Token $v3.Token -Key $v3.Key
        $results | Should -HaveCount 2
        ($results | ForEach-Object Success) | Should -Not -Contain $false
    }
}
