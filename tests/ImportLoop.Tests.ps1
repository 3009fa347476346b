# Bring your tokens, the whole loop: a simulated V3 unit's real token and key written into each
# other tool's file, imported, and used with no -Token; a file with a wrong pair refused with the
# stored pair kept, -Force, Restore-MideaDevice; export and import giving back the same units.
# 127.0.44.x only. MIDEA_STORE_PATH points into $TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'ImportFixtures.ps1')
    Import-BuiltMidea
    $script:previousStorePath = $env:MIDEA_STORE_PATH
    $script:storeDir = Join-Path $TestDrive 'store'
    $env:MIDEA_STORE_PATH = Join-Path $storeDir 'devices.xml'
    $script:ac = Start-MideaSimulator -Address 127.0.44.10
    $script:cc = Start-MideaSimulator -Address 127.0.44.11 -DeviceType CommercialAc
    $script:v2 = Start-MideaSimulator -Address 127.0.44.12 -ProtocolVersion 2

    function Clear-Store {
        Disconnect-MideaDevice
        Remove-Item -Recurse -Force $storeDir -ErrorAction SilentlyContinue
    }

    # The unit as a fixture sees it, with another pair than its own.
    function Get-WrongUnit($Unit) {
        [pscustomobject]@{ Id = $Unit.Id; Address = $Unit.Address; Port = $Unit.Port; ProtocolVersion = 3; Type = "$($Unit.DeviceType)"; Name = $Unit.Name; Token = 'ab' * 64; Key = 'cd' * 32 }
    }

    function Get-StoredToken([long] $Id) { ConvertFrom-SecureString (Get-MideaDevice -Id $Id).Token -AsPlainText }
}

AfterAll {
    Disconnect-MideaDevice
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $previousStorePath
}

Describe 'Import-MideaDevice from <Format>' -ForEach @(
    @{ Format = 'HomeAssistant'; File = 'core.config_entries' }
    @{ Format = 'MsmartNg'; File = 'discover.log' }
    @{ Format = 'Homebridge'; File = 'config.json' }
) {
    BeforeEach { Clear-Store }

    It 'imports a V3 unit and a 0xCC unit whose pairs then open them with no -Token' {
        foreach ($unit in $ac, $cc) {
            $path = Join-Path $TestDrive "$($unit.Id)-$File"
            New-ImportFixture -Format $Format -Path $path -Unit $unit | Out-Null
            Import-MideaDevice $path -Verbose -WarningAction SilentlyContinue 4>&1 | Out-String | Should -Match "reads as"
            $state = Get-MideaState -Address $unit.Address
            $state.Id | Should -Be $unit.Id
            $state.Type | Should -Be "$($unit.DeviceType)"
        }
        @(Get-MideaDevice).Count | Should -Be 2
    }

    It 'keeps the stored pair when the file''s is refused, takes it with -Force, and Restore-MideaDevice brings the working one back' {
        Find-MideaDevice -Address $ac.Address -TimeoutSeconds 2 | Save-MideaDevice -Token $ac.Token -Key $ac.Key
        $path = Join-Path $TestDrive "wrong-$File"
        New-ImportFixture -Format $Format -Path $path -Unit (Get-WrongUnit $ac) | Out-Null
        $errors = $null
        Import-MideaDevice $path -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errors.FullyQualifiedErrorId | Should -Be 'CredentialRefused,Midea.PowerShell.Cmdlets.ImportMideaDeviceCommand'
        "$($errors[0])" | Should -Not -Match ('ab' * 64)
        Get-StoredToken $ac.Id | Should -Be $ac.Token
        Import-MideaDevice $path -Force -WarningAction SilentlyContinue
        Get-StoredToken $ac.Id | Should -Be ('ab' * 64)
        Restore-MideaDevice -Id $ac.Id
        Disconnect-MideaDevice
        (Test-MideaConnection -Address $ac.Address).Success | Should -BeTrue
    }
}

Describe 'What an import skips, refuses and only shows' {
    BeforeEach { Clear-Store }

    It 'says which entries of other appliance types it skipped, as warnings, and saves the rest' {
        $path = Join-Path $TestDrive 'skips.config_entries'
        New-ImportFixture -Format HomeAssistant -Path $path -Unit $ac | Out-Null
        $warnings = $null
        Import-MideaDevice $path -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join "`n") | Should -Match '0xA1'
        @(Get-MideaDevice).Id | Should -Be @($ac.Id)
    }

    It 'imports a V2 unit without a pair' {
        $path = Join-Path $TestDrive 'v2.json'
        New-ImportFixture -Format Homebridge -Path $path -Unit $v2 | Out-Null
        Import-MideaDevice $path -WarningAction SilentlyContinue
        (Get-MideaDevice -Id $v2.Id).Token | Should -BeNullOrEmpty
        (Get-MideaState -Address $v2.Address).ProtocolVersion | Should -Be 2
    }

    It 'saves nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.log'
        New-ImportFixture -Format MsmartNg -Path $path -Unit $ac | Out-Null
        Import-MideaDevice $path -WhatIf -WarningAction SilentlyContinue
        @(Get-MideaDevice).Count | Should -Be 0
    }

    It 'refuses a malformed file whole, naming the file and the entry, with no secret, and saves nothing' {
        $path = Join-Path $TestDrive 'broken.config_entries'
        New-ImportFixture -Format HomeAssistant -Path $path -Unit $ac | Out-Null
        # The unit's key loses a digit: that entry is malformed, and so the whole file.
        (Get-Content -Raw $path) -replace $ac.Key, $ac.Key.Substring(1) | Set-Content $path
        $errors = $null
        Import-MideaDevice $path -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidDeviceFile,Midea.PowerShell.Cmdlets.ImportMideaDeviceCommand'
        "$($errors[0])" | Should -Match ([regex]::Escape($path))
        "$($errors[0])" | Should -Match "$($ac.Id)"
        "$($errors[0])" | Should -Not -Match $ac.Key.Substring(1, 20)
        "$($errors[0])" | Should -Not -Match $ac.Token.Substring(0, 20)
        Test-Path $env:MIDEA_STORE_PATH | Should -BeFalse
    }
}

Describe 'Export then import gives the same units (<Format>)' -ForEach @(
    @{ Format = 'Csv' }
    @{ Format = 'Json' }
    @{ Format = 'Midea' }
) {
    It 'round-trips every saved unit with its pair' {
        Clear-Store
        foreach ($unit in $ac, $cc, $v2) {
            $c = if ($unit.ProtocolVersion -eq 3) { @{ Token = $unit.Token; Key = $unit.Key } } else { @{} }
            Find-MideaDevice -Address $unit.Address -TimeoutSeconds 2 | Save-MideaDevice @c
        }
        $describe = { Get-MideaDevice | Sort-Object Id | ForEach-Object {
                $t = if ($_.Token) { ConvertFrom-SecureString $_.Token -AsPlainText } else { '' }
                $k = if ($_.Key) { ConvertFrom-SecureString $_.Key -AsPlainText } else { '' }
                '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}' -f $_.Id, $_.Address, $_.Port, $_.ProtocolVersion, $_.Type, $_.Name, $t, $k } }
        $before = & $describe
        $path = Join-Path $TestDrive "units.$Format"
        Export-MideaDevice $path -Format $Format -IncludeSecrets -WarningAction SilentlyContinue
        Clear-Store
        Import-MideaDevice $path
        & $describe | Should -Be $before
        (Get-MideaState -Address $cc.Address).Type | Should -Be 'CommercialAc'
    }
}
