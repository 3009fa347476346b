# Every cmdlet, run with -Verbose and $DebugPreference = 'Continue', keeps the passphrase, token
# and key out of every stream, every error, every exception message and every default view.
# 127.0.18.x only. ($DebugPreference rather than -Debug: on compiled cmdlets PowerShell 7.6 turns
# -Debug into a prompt per message, which a non-interactive test run cannot answer.)
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:previousStore = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'
    $script:passphrase = 'Secret-Pass-2718'
    $script:unit = Start-MideaSimulator -Address 127.0.18.10 -Ssid 'secret-net' -Passphrase $passphrase
    $script:other = Start-MideaSimulator -Address 127.0.18.11
    $script:ap = Start-MideaSimulator -ApMode -Address 127.0.18.20 -HomeAddress 127.0.18.120 -JoinDelaySeconds 0.2

    # Everything a command writes, rendered as a user would see it; exceptions with their inner ones.
    function Get-AllText([scriptblock] $Command) {
        # Some commands fail on purpose; their errors are part of what is searched.
        $ErrorActionPreference = 'Continue'
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $InformationPreference = 'Continue'
        $WarningPreference = 'Continue'
        & $Command *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) {
                $_ | Format-List * -Force | Out-String
                for ($e = $_.Exception; $e; $e = $e.InnerException) { $e.Message }
            }
            elseif ($_ -is [string] -or $_ -is [System.Management.Automation.InformationalRecord]) { "$_" }
            else { $_ | Out-String; $_ | Format-List | Out-String }
        } | Out-String
    }
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:previousStore
}

Describe 'No secret in any stream' {
    It 'holds for <Name>' -ForEach @(
        @{ Name = 'Find-MideaDevice'; Command = { Find-MideaDevice -Address 127.0.18.10, 127.0.18.19 -TimeoutSeconds 1 } }
        @{ Name = 'Get-MideaState'; Command = { Get-MideaState -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key -IncludeCapabilities -IncludeProperties -IncludeEnergy -IncludeDiagnostics; Get-MideaState -Address 127.0.18.10 -Token $other.Token -Key $other.Key } }
        @{ Name = 'Get-MideaCapability'; Command = { Get-MideaCapability -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key } }
        @{ Name = 'Set-MideaState'; Command = { Set-MideaState -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key -Power $true -VerticalSwingAngle Position2 -PassThru; Set-MideaState -Address 127.0.18.10 -Token $unit.Token -Key $other.Key -Power $false } }
        @{ Name = 'Set-MideaDisplay'; Command = { Set-MideaDisplay -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key -Toggle -PassThru } }
        @{ Name = 'Test-MideaConnection'; Command = { Test-MideaConnection -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key; Test-MideaConnection -Address 127.0.18.10 -Token $other.Token -Key $other.Key } }
        @{ Name = 'New-MideaToken'; Command = { New-MideaToken -Ssid 'secret-net' -Passphrase $passphrase -MacAddress $unit.MacAddress -Address 127.0.18.10 | Get-MideaState } }
        @{ Name = 'Save-MideaDevice'; Command = { Find-MideaDevice -Address 127.0.18.10 | Save-MideaDevice -Token $unit.Token -Key $unit.Key -PassThru } }
        @{ Name = 'Get-MideaDevice'; Command = { Get-MideaDevice | Format-List * | Out-String; Get-MideaDevice | Get-MideaState } }
        @{ Name = 'Export-MideaDevice'; Command = { Export-MideaDevice -Path (Join-Path $TestDrive 'backup.xml') -IncludeSecrets -PassThru } }
        @{ Name = 'Import-MideaDevice'; Command = { Import-MideaDevice -Path (Join-Path $TestDrive 'backup.xml') -PassThru } }
        @{ Name = 'Restore-MideaDevice'; Command = { Save-MideaDevice -Id $unit.Id -Token $other.Token -Key $other.Key; Save-MideaDevice -Id $unit.Id -Token $other.Token -Key $other.Key -Force -Verbose; Restore-MideaDevice -Id $unit.Id -PassThru -Verbose | Format-List * | Out-String; Restore-MideaDevice -Id 1 } }
        @{ Name = 'Remove-MideaDevice'; Command = { Remove-MideaDevice -Id $unit.Id; Remove-MideaDevice -Id 1 } }
        @{ Name = 'Set-MideaWifi'; Command = { Set-MideaWifi -Ssid 'home' -Passphrase $passphrase -CountryCode DE -Address 127.0.18.20 -WaitForNetwork 127.0.18.120; Set-MideaWifi -Ssid 'home' -Passphrase $passphrase -CountryCode DE -Address 127.0.18.29 -TimeoutSeconds 1 } }
        @{ Name = 'ConvertFrom-MideaPacket'; Command = { ConvertFrom-MideaPacket ('8370004020000000' + $unit.Token) ; ConvertFrom-MideaPacket '8370' -Key $unit.Key } }
        @{ Name = 'Start-MideaSimulator'; Command = { Start-MideaSimulator -Address 127.0.18.30 -Token $unit.Token -Key $unit.Key } }
        @{ Name = 'Set-MideaSimulator'; Command = { Set-MideaSimulator -Address 127.0.18.30 -SlowDrip -PassThru | Format-List | Out-String; Set-MideaSimulator -Address 127.0.18.30 -Clear } }
        @{ Name = 'Stop-MideaSimulator'; Command = { Stop-MideaSimulator -Address 127.0.18.30 } }
        @{ Name = 'Watch-MideaState'; Command = { Watch-MideaState -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key -IntervalSeconds 1 -Duration (New-TimeSpan -Seconds 2); Watch-MideaState -Address 127.0.18.10 -Token $other.Token -Key $other.Key -Duration (New-TimeSpan -Seconds 1) } }
        @{ Name = 'Disconnect-MideaDevice'; Command = { Disconnect-MideaDevice -Address 127.0.18.10; Disconnect-MideaDevice } }
        @{ Name = 'Get-MideaOption'; Command = { Get-MideaState -Address 127.0.18.10 -Token $unit.Token -Key $unit.Key; Get-MideaOption | Format-List | Out-String } }
        @{ Name = 'Set-MideaOption'; Command = { Set-MideaOption -SessionIdleSeconds 60 -PassThru | Format-List | Out-String } }
    ) {
        $text = Get-AllText $Command
        $text | Should -Not -BeNullOrEmpty
        foreach ($secret in $passphrase, $unit.Token, $unit.Key, $other.Token, $other.Key) {
            $text | Should -Not -Match ([regex]::Escape($secret)) -Because "$Name must not show a secret"
        }
    }

    It 'covers every exported cmdlet but the cloud lookup (tested with its fake cloud in Cloud.Tests.ps1)' {
        $covered = 'Find-MideaDevice', 'Get-MideaState', 'Get-MideaCapability', 'Set-MideaState', 'Set-MideaDisplay', 'Test-MideaConnection',
            'New-MideaToken', 'Save-MideaDevice', 'Get-MideaDevice', 'Export-MideaDevice', 'Import-MideaDevice', 'Remove-MideaDevice', 'Restore-MideaDevice', 'Set-MideaWifi',
            'ConvertFrom-MideaPacket', 'Start-MideaSimulator', 'Set-MideaSimulator', 'Stop-MideaSimulator', 'Get-MideaToken',
            'Watch-MideaState', 'Disconnect-MideaDevice', 'Get-MideaOption', 'Set-MideaOption'
        (Get-Command -Module Midea | ForEach-Object Name | Sort-Object) | Should -Be ($covered | Sort-Object)
    }
}
