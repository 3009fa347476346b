# New-ImportFixture (tests/ImportFixtures.ps1) writes files in other tools' layouts that the import
# readers (Internal/Import, called directly by reflection, so a fixture is checked apart from the cmdlet) take
# back as the same unit, with its real token and key. 127.0.47.x only; nothing is sent to the units:
# they are started only to be described by their MideaSimulator objects.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'ImportFixtures.ps1')
    Import-BuiltMidea
    $reader = (Get-Module Midea).ImplementingAssembly.GetType('Midea.PowerShell.Internal.Import.ImportReader', $true)

    # ImportReader.Read(path, format, log): the ImportResult, or the reader's exception itself.
    function Read-ImportFile([string] $Path, [string] $Format = 'Auto') {
        try {
            $reader.GetMethod('Read').Invoke($null, @($Path, [Midea.ImportFormat]$Format, $null))
        }
        catch [System.Reflection.TargetInvocationException] {
            throw $_.Exception.InnerException
        }
    }

    $script:units = @(
        Start-MideaSimulator -Address 127.0.47.10 -ProtocolVersion 3
        Start-MideaSimulator -Address 127.0.47.11 -ProtocolVersion 3 -DeviceType CommercialAc
        Start-MideaSimulator -Address 127.0.47.12 -ProtocolVersion 2
    )
}

AfterAll {
    $units | Stop-MideaSimulator
}

Describe 'New-ImportFixture' {
    It 'writes a <Format> file that reads back as each simulated unit, with its token and key' -ForEach @(
        @{ Format = 'HomeAssistant' }
        @{ Format = 'MsmartNg' }
        @{ Format = 'Homebridge' }
    ) {
        foreach ($unit in $units) {
            $path = Join-Path $TestDrive "$Format-$($unit.Id).txt"
            New-ImportFixture -Format $Format -Path $path -Unit $unit | Should -BeOfType System.IO.FileInfo
            $result = Read-ImportFile $path
            $result.Format | Should -Be $Format -Because 'Auto finds the format from the content'
            $result.Devices.Count | Should -Be 1
            $device = $result.Devices[0].Device
            $device.Id | Should -Be $unit.Id
            $device.Address | Should -Be $unit.Address
            $device.Port | Should -Be $unit.Port
            $device.Type | Should -Be "$($unit.DeviceType)"
            $device.ProtocolVersion | Should -Be $unit.ProtocolVersion
            if ($unit.ProtocolVersion -eq 3) {
                [Convert]::ToHexString($device.Token) | Should -Be $unit.Token.ToUpperInvariant()
                [Convert]::ToHexString($device.Key) | Should -Be $unit.Key.ToUpperInvariant()
            }
            else {
                $device.Token | Should -BeNullOrEmpty
                $device.Key | Should -BeNullOrEmpty
            }
        }
    }

    It 'puts an unrelated entry and a dehumidifier beside the unit in core.config_entries, each passed over by the reader' {
        $path = Join-Path $TestDrive 'core.config_entries'
        New-ImportFixture -Format HomeAssistant -Path $path -Unit $units[0] | Out-Null
        $entries = (Get-Content -Raw $path | ConvertFrom-Json).data.entries
        $entries.domain | Should -Be 'met', 'midea_ac', 'midea_ac_lan'
        $entries[1].data.id | Should -Be $units[0].Id
        $result = Read-ImportFile $path 'HomeAssistant'
        $result.Notes.Count | Should -Be 1
        $result.Notes[0] | Should -Match 'Dehumidifier.*0xA1.*skipped'
    }

    It 'takes a plain object with bytes and a SecureString, and refuses a type the module does not drive' {
        $token = [byte[]](1..64)
        $key = ConvertTo-SecureString ('AB' * 32) -AsPlainText -Force
        $unit = [pscustomobject]@{ Id = 281474976710655; Address = '127.0.0.10'; Port = 6445; ProtocolVersion = 3; Type = 'CommercialAc'; Name = "O'Brien's unit"; Token = $token; Key = $key }
        $path = Join-Path $TestDrive 'discover.log'
        New-ImportFixture -Format MsmartNg -Path $path -Unit $unit | Out-Null
        $device = (Read-ImportFile $path 'MsmartNg').Devices[0].Device
        $device.Id | Should -Be 281474976710655
        $device.Port | Should -Be 6445
        $device.Name | Should -Be "O'Brien's unit"
        $device.Type | Should -Be 'CommercialAc'
        $device.Token | Should -Be $token
        [Convert]::ToHexString($device.Key) | Should -Be ('AB' * 32)

        $unit.Type = 'Dehumidifier'
        { New-ImportFixture -Format MsmartNg -Path $path -Unit $unit } | Should -Throw '*not the type*'
    }

    It 'warns that Homebridge has no port for a unit off 6444' {
        $unit = [pscustomobject]@{ Id = 123456789012345; Address = '127.0.0.10'; Port = 6445; ProtocolVersion = 2 }
        New-ImportFixture -Format Homebridge -Path (Join-Path $TestDrive 'config.json') -Unit $unit -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        $warned | Should -HaveCount 1
        (Read-ImportFile (Join-Path $TestDrive 'config.json')).Devices[0].Device.Port | Should -Be 6444
    }
}
