# The default views show the domain, not .NET: a secret is shown to be there but never shown,
# provisioning steps are one readable cell in a CSV, and every table reads well at 80 columns.
# Units on 127.0.33.200-209 only.
BeforeDiscovery {
    # Every table view of the built module, with its column labels: one test each.
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    [xml] $format = Get-Content -Raw (Join-Path (Get-Module Midea).ModuleBase 'Midea.Format.ps1xml')
    $tables = @($format.Configuration.ViewDefinitions.View | Where-Object { $_.TableControl } | ForEach-Object {
            @{
                View   = $_.Name
                Type   = @($_.ViewSelectedBy.TypeName) | Where-Object { $_ -notlike 'Deserialized.*' } | Select-Object -First 1
                Labels = @($_.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { $_.Label })
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:savedStorePath = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'

    $script:sim = Start-MideaSimulator -Address 127.0.33.200 -Ssid 'a-long-home-network-name-of-32-b' -Passphrase 'correct horse'
    $ap = Start-MideaSimulator -Address 127.0.33.201 -ApMode -HomeAddress 127.0.33.202 -JoinDelaySeconds 0
    $creds = @{ Token = $sim.Token; Key = $sim.Key }
    $script:device = Find-MideaDevice -Address 127.0.33.200 -TimeoutSeconds 2
    $script:credential = $sim | New-MideaToken -Ssid 'a-long-home-network-name-of-32-b' -Passphrase 'correct horse'
    $script:wifi = @(
        Set-MideaWifi -Ssid 'home-net' -Passphrase 'correct horse' -CountryCode GB -Address 127.0.33.201 -WaitForNetwork 127.0.33.202 -WaitTimeoutSeconds 10
        # Nothing listens on .203: a failed row, with a long error message.
        Set-MideaWifi -Ssid 'home-net' -Passphrase 'correct horse' -CountryCode GB -Address 127.0.33.203 -TimeoutSeconds 1 -ErrorAction SilentlyContinue
    )
    # A watch that sees the remote change a unit, and one of an address where nothing answers.
    $watched = Start-MideaSimulator -Address 127.0.33.204 -ProtocolVersion 2
    $remote = Start-ThreadJob -ArgumentList $watched, (Get-Module Midea).Path {
        param($unit, $module)
        Import-Module $module
        while ($unit.Requests -lt 1) { Start-Sleep -Milliseconds 20 }
        Set-MideaSimulator -Address 127.0.33.204 -RemoteControl @{ Power = $true; Mode = 'Heat'; TargetTemperature = 30.5 }
    }
    $changes = @(
        Watch-MideaState -Address 127.0.33.204 -Id $watched.Id -ProtocolVersion 2 -IntervalSeconds 3600 -Property Power, Mode, TargetTemperature -Count 1 -Duration (New-TimeSpan -Seconds 20)
        Watch-MideaState -Address 127.0.33.205 -Id 1 -ProtocolVersion 2 -Count 1
    )
    $remote | Remove-Job -Force
    $null = Start-MideaSimulator -Address 127.0.33.206 -DeviceType CommercialAc -ProtocolVersion 2
    # One real object of every type a view is for, with long values where a column can be long.
    $script:samples = @{
        'Midea.MideaDevice'         = $device
        'Midea.MideaSimulator'      = @($sim, $ap)
        # Both families share the state table: an air conditioner and a commercial unit (0xCC) with its longest cells.
        'Midea.MideaState'          = @(
            Set-MideaState -Address 127.0.33.200 @creds -Mode SmartDry -FanSpeed Medium -SwingMode Horizontal -Eco $true -PassThru
            Set-MideaState -Address 127.0.33.206 -Power $true -Mode FanOnly -FanLevel Level7 -VerticalSwingAngle Position5 -HorizontalSwingAngle Position4 -Eco $true -Silent $true -PassThru
        )
        'Midea.MideaPropertyResult' = (Set-MideaState -Address 127.0.33.200 @creds -HorizontalSwingAngle Position3 -PassThru).PropertyResults
        'Midea.MideaConnectionTest' = @(
            Test-MideaConnection -Address 127.0.33.200 @creds
            Test-MideaConnection -Address 127.0.33.200 -Token ('00' * 64) -Key $sim.Key -ErrorAction SilentlyContinue
        )
        'Midea.MideaCredential'     = $credential
        'Midea.MideaWifiResult'     = $wifi
        'Midea.MideaWifiStep'       = $wifi[1].Steps
        'Midea.MideaStateChange'    = $changes
    }

}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $savedStorePath
}

Describe 'Secrets in views' {
    It 'Format-List of a credential shows that Token and Key are there, not what they are' {
        $text = $credential | Format-List | Out-String
        $text | Should -Match '(?m)^Token\s+: <secret>\s*$'
        $text | Should -Match '(?m)^Key\s+: <secret>\s*$'
        $text | Should -Not -Match 'SecureString'
        $text | Should -Not -Match (ConvertFrom-SecureString $credential.Token -AsPlainText)
        $text | Should -Not -Match (ConvertFrom-SecureString $credential.Key -AsPlainText)
    }

    It 'Format-List of a saved device shows that Token and Key are there, not what they are' {
        $device | Save-MideaDevice -Token $sim.Token -Key $sim.Key
        $text = Get-MideaDevice -Id $device.Id | Format-List | Out-String
        $text | Should -Match '(?m)^Token\s+: <secret>\s*$'
        $text | Should -Not -Match 'SecureString'
        $text | Should -Not -Match $sim.Token
        $text | Should -Not -Match $sim.Key
    }

    It 'Format-List of a discovered device, which holds no secret, shows none' {
        $text = $device | Format-List | Out-String
        $text | Should -Match '(?m)^Token\s+:\s*$'
        $text | Should -Not -Match '<secret>|SecureString'
    }
}

Describe 'Set-MideaWifi results in a CSV file' {
    BeforeAll {
        $csv = Join-Path $TestDrive 'report.csv'
        $wifi | Export-Csv $csv
        $script:rows = Import-Csv $csv
    }

    It 'has a Steps column that reads as the steps, not as a .NET type' {
        $rows[0].Steps | Should -Be 'Validate: Succeeded; JoinAp: Skipped; FindOnAp: Succeeded; Connect: Succeeded; Handshake: Succeeded; Acknowledge: Succeeded; FindOnNetwork: Succeeded'
        $rows[1].Steps | Should -Be 'Validate: Succeeded; JoinAp: Skipped; FindOnAp: Failed'
        Get-Content -Raw $csv | Should -Not -Match 'System\.Collections'
    }

    It 'keeps the failed step and its error beside it' {
        $rows[1].FailedStep | Should -Be 'FindOnAp'
        $rows[1].ErrorId | Should -Be 'DeviceUnreachable'
        $rows[1].Error | Should -Match '127\.0\.33\.203'
    }

    It 'keeps Steps as objects for scripts' {
        $wifi[1].Steps[2] | Should -BeOfType ([Midea.MideaWifiStep])
        $wifi[1].Steps[2].Outcome | Should -Be ([Midea.WifiStepOutcome]::Failed)
        $wifi[1].Steps.Name | Should -Be 'Validate', 'JoinAp', 'FindOnAp'
    }
}

Describe 'Tables at 80 columns' {
    It 'every table view has a sample object here (so none goes unchecked)' -ForEach @{ Tables = $tables } {
        $Tables.Count | Should -BeGreaterOrEqual 8
        $Tables | Where-Object { -not $samples.ContainsKey($_.Type) } | ForEach-Object View | Should -BeNullOrEmpty
    }

    It '<View> keeps its header whole, no column narrower than its label, no line past 80' -ForEach $tables {
        $objects = $samples[$Type]
        $objects | Should -Not -BeNullOrEmpty
        $lines = ($objects | Format-Table -View $View | Out-String -Width 80) -split '\r?\n'
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty

        $rule = [array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^-[- ]*$' })
        $rule | Should -BeGreaterThan 0 -Because 'a table has a header rule'
        $lines[$rule - 2].Trim() | Should -BeNullOrEmpty -Because "the header is one line, not broken over two:`n$($lines -join "`n")"
        $header = $lines[$rule - 1]
        $groups = [regex]::Matches($lines[$rule], '-+')
        $groups.Count | Should -Be $Labels.Count -Because "every column is shown:`n$($lines -join "`n")"
        for ($i = 0; $i -lt $Labels.Count; $i++) {
            $g = $groups[$i]
            $g.Length | Should -BeGreaterOrEqual $Labels[$i].Length -Because "column '$($Labels[$i])' is not squeezed"
            $cell = $header.Substring($g.Index, [Math]::Min($g.Length, $header.Length - $g.Index)).Trim()
            $cell | Should -Be $Labels[$i]
        }
    }
}
