# A saved unit's token and key are replaced only after the unit accepts the new pair: Save- and
# Import-MideaDevice against simulated V3 units, -Force, the pair history and Restore-MideaDevice.
# 127.0.42.x only. MIDEA_STORE_PATH points into $TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:previousStorePath = $env:MIDEA_STORE_PATH
    $script:storeDir = Join-Path $TestDrive 'store'
    $env:MIDEA_STORE_PATH = Join-Path $storeDir 'devices.xml'
    # A unit that accepts its own pair and one minted from the network it joined.
    $script:unit = Start-MideaSimulator -Address 127.0.42.1 -Ssid 'guard-net' -Passphrase 'guard-passphrase'
    $script:minted = New-MideaToken -Ssid 'guard-net' -Passphrase 'guard-passphrase' -MacAddress $unit.MacAddress
    $script:mintedToken = ConvertFrom-SecureString $minted.Token -AsPlainText
    $script:mintedKey = ConvertFrom-SecureString $minted.Key -AsPlainText
    $script:wrongToken = 'ab' * 64
    $script:wrongKey = 'cd' * 32

    # A fresh store holding the unit with its own pair.
    function Reset-Store {
        Disconnect-MideaDevice
        Remove-Item -Recurse -Force $storeDir -ErrorAction SilentlyContinue
        Find-MideaDevice -Address 127.0.42.1 -TimeoutSeconds 2 | Save-MideaDevice -Token $unit.Token -Key $unit.Key
    }

    # The stored pair as hex, read the way a user would: Get-MideaDevice's SecureStrings.
    function Get-StoredPair {
        $device = Get-MideaDevice -Id $unit.Id
        (ConvertFrom-SecureString $device.Token -AsPlainText) + '/' + (ConvertFrom-SecureString $device.Key -AsPlainText)
    }
}

AfterAll {
    Disconnect-MideaDevice
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $previousStorePath
}

Describe 'Save-MideaDevice with a different pair' {
    BeforeEach { Reset-Store }

    It 'keeps the stored pair when the unit refuses the new one, and says so without the secret' {
        $errors = $null
        Save-MideaDevice -Id $unit.Id -Token $wrongToken -Key $wrongKey -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'CredentialRefused,Midea.PowerShell.Cmdlets.SaveMideaDeviceCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'SecurityError'
        "$($errors[0])" | Should -Match "id $($unit.Id)"
        "$($errors[0])" | Should -Not -Match $wrongToken
        "$($errors[0])" | Should -Not -Match $unit.Token
        Get-StoredPair | Should -Be "$($unit.Token)/$($unit.Key)"
        (Get-MideaDevice -Id $unit.Id).PreviousPairs | Should -Be 0
        (Get-MideaState -Address 127.0.42.1).Address | Should -Be '127.0.42.1'
    }

    It 'saves a pair the unit accepts, keeping the old one for Restore-MideaDevice' {
        Save-MideaDevice -Id $unit.Id -Token $mintedToken -Key $mintedKey -Verbose 4>&1 | Out-String | Should -Match 'accepted the new token and key'
        Get-StoredPair | Should -Be "$mintedToken/$mintedKey"
        (Get-MideaDevice -Id $unit.Id).PreviousPairs | Should -Be 1
        Disconnect-MideaDevice
        (Get-MideaState -Address 127.0.42.1).Address | Should -Be '127.0.42.1'
    }

    It 'saves an untried pair with -Force; Restore-MideaDevice brings the working one back, and again undoes that' {
        Save-MideaDevice -Id $unit.Id -Token $wrongToken -Key $wrongKey -Force
        Get-StoredPair | Should -Be "$wrongToken/$wrongKey"
        Disconnect-MideaDevice
        { Get-MideaState -Address 127.0.42.1 -ErrorAction Stop } | Should -Throw -ErrorId 'AuthenticationFailed,Midea.PowerShell.Cmdlets.GetMideaStateCommand'
        $restored = Get-MideaDevice -Id $unit.Id | Restore-MideaDevice -PassThru
        $restored.PreviousPairs | Should -Be 1
        Get-StoredPair | Should -Be "$($unit.Token)/$($unit.Key)"
        Disconnect-MideaDevice
        (Test-MideaConnection -Address 127.0.42.1).Success | Should -BeTrue
        Restore-MideaDevice -Id $unit.Id
        Get-StoredPair | Should -Be "$wrongToken/$wrongKey"
    }

    It 'keeps the stored pair when the unit cannot be reached' {
        Save-MideaDevice -Id $unit.Id -Address 127.0.42.99 -Token $mintedToken -Key $mintedKey -TimeoutSeconds 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'CredentialUntested,Midea.PowerShell.Cmdlets.SaveMideaDeviceCommand'
        "$($errors[0])" | Should -Match 'could not be tried'
        Get-StoredPair | Should -Be "$($unit.Token)/$($unit.Key)"
        (Get-MideaDevice -Id $unit.Id).Address | Should -Be '127.0.42.1'
    }

    It 'tries nothing and changes nothing with -WhatIf' {
        $before = $unit.Handshakes
        Save-MideaDevice -Id $unit.Id -Token $mintedToken -Key $mintedKey -WhatIf
        $unit.Handshakes | Should -Be $before
        Get-StoredPair | Should -Be "$($unit.Token)/$($unit.Key)"
    }

    It 'saves the same pair again without trying it' {
        $before = $unit.Handshakes
        Save-MideaDevice -Id $unit.Id -Token $unit.Token -Key $unit.Key
        $unit.Handshakes | Should -Be $before
        (Get-MideaDevice -Id $unit.Id).PreviousPairs | Should -Be 0
    }

    It 'keeps at most 3 previous pairs, newest first' {
        foreach ($i in 1..4) { Save-MideaDevice -Id $unit.Id -Token (('{0:x2}' -f $i) * 64) -Key (('{0:x2}' -f $i) * 32) -Force }
        (Get-MideaDevice -Id $unit.Id).PreviousPairs | Should -Be 3
        Restore-MideaDevice -Id $unit.Id
        Get-StoredPair | Should -Be ((('03' * 64)) + '/' + ('03' * 32))
    }
}

Describe 'Restore-MideaDevice errors' {
    BeforeAll { Reset-Store }

    It 'says NoPreviousPair for a unit with no earlier pair, DeviceNotFound for an unknown id' {
        $errors = $null
        Restore-MideaDevice -Id $unit.Id, 42 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Should -Be @('NoPreviousPair,Midea.PowerShell.Cmdlets.RestoreMideaDeviceCommand', 'DeviceNotFound,Midea.PowerShell.Cmdlets.RestoreMideaDeviceCommand')
    }
}

Describe 'Import-MideaDevice with a different pair' {
    BeforeEach { Reset-Store }

    It 'keeps the stored pair when the unit refuses the file''s, and imports it with -Force' {
        $backup = Join-Path $TestDrive 'other.xml'
        Export-MideaDevice $backup -IncludeSecrets -WarningAction SilentlyContinue
        # The same unit in a backup that holds another pair.
        (Get-Content -Raw $backup) -replace $unit.Token, $wrongToken -replace $unit.Key, $wrongKey | Set-Content $backup
        $errors = $null
        Import-MideaDevice $backup -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'CredentialRefused,Midea.PowerShell.Cmdlets.ImportMideaDeviceCommand'
        "$($errors[0])" | Should -Match ([regex]::Escape("from '$backup'"))
        Get-StoredPair | Should -Be "$($unit.Token)/$($unit.Key)"
        Import-MideaDevice $backup -Force
        Get-StoredPair | Should -Be "$wrongToken/$wrongKey"
        (Get-MideaDevice -Id $unit.Id).PreviousPairs | Should -Be 1
    }

    It 'keeps the pair history through an export with secrets and an import into an empty store' {
        Save-MideaDevice -Id $unit.Id -Token $wrongToken -Key $wrongKey -Force
        $backup = Join-Path $TestDrive 'history.xml'
        Export-MideaDevice $backup -IncludeSecrets -WarningAction SilentlyContinue
        Remove-Item -Recurse -Force $storeDir
        Import-MideaDevice $backup
        (Get-MideaDevice -Id $unit.Id).PreviousPairs | Should -Be 1
        Restore-MideaDevice -Id $unit.Id
        Get-StoredPair | Should -Be "$($unit.Token)/$($unit.Key)"
    }
}
