# Get-MideaState / Set-MideaState against simulated units on 127.0.2.x. Loopback only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $v2 = Start-MideaSimulator -Address 127.0.2.10 -ProtocolVersion 2
    $v3 = Start-MideaSimulator -Address 127.0.2.11 -ProtocolVersion 3
    $creds = @{ Token = $v3.Token; Key = $v3.Key }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Get-MideaState' {
    It 'reads a V2 unit' {
        $state = Get-MideaState -Address 127.0.2.10
        $state | Should -BeOfType Midea.MideaState
        $state.Address | Should -Be '127.0.2.10'
        $state.Id | Should -Be $v2.Id
        $state.ProtocolVersion | Should -Be 2
        $state.Mode | Should -BeOfType Midea.OperationalMode
        $state.IndoorTemperature | Should -BeGreaterThan 0
        $state.OutdoorTemperature | Should -Be 31.5
    }

    It 'reads a V3 unit with its token and key' {
        $state = Get-MideaState -Address 127.0.2.11 @creds
        $state.ProtocolVersion | Should -Be 3
        $state.Id | Should -Be $v3.Id
    }

    It 'binds a simulator object from the pipeline, credentials included' {
        $state = $v3 | Get-MideaState
        $state.Id | Should -Be $v3.Id
    }

    It 'skips discovery when -Id and -ProtocolVersion are given' {
        Disconnect-MideaDevice -Address 127.0.2.10
        $before = $v2.Connections
        $state = Get-MideaState -Address 127.0.2.10 -Id $v2.Id -ProtocolVersion 2
        $state.Id | Should -Be $v2.Id
        $v2.Connections | Should -Be ($before + 1)
    }

    It 'sends one query per poll' {
        $before = $v2.Requests
        $null = Get-MideaState -Address 127.0.2.10
        $v2.Requests | Should -Be ($before + 1)
    }
}

Describe 'Set-MideaState round trip on V<_>' -ForEach 2, 3 {
    BeforeAll {
        $unit = if ($_ -eq 2) { $v2 } else { $v3 }
        $extra = if ($_ -eq 2) { @{} } else { $creds }
    }

    It 'changes the named fields and reports them back' {
        $after = Set-MideaState -Address $unit.Address @extra -Power $true -Mode Heat -TargetTemperature 23.5 -FanSpeed Low -SwingMode Both -Eco $true -Turbo $true -Sleep $true -FreezeProtection $true -PassThru
        $after.Power | Should -BeTrue
        $after.Mode | Should -Be ([Midea.OperationalMode]::Heat)
        $after.TargetTemperature | Should -Be 23.5
        $after.FanSpeed | Should -Be ([Midea.FanSpeed]::Low)
        $after.SwingMode | Should -Be ([Midea.SwingMode]::Both)
        $after.Eco | Should -BeTrue
        $after.Turbo | Should -BeTrue
        $after.Sleep | Should -BeTrue
        $after.FreezeProtection | Should -BeTrue

        $read = Get-MideaState -Address $unit.Address @extra
        $read.Mode | Should -Be ([Midea.OperationalMode]::Heat)
        $read.TargetTemperature | Should -Be 23.5
        $read.FanSpeed | Should -Be ([Midea.FanSpeed]::Low)
    }

    It 'leaves fields it was not given as they were' {
        $null = Set-MideaState -Address $unit.Address @extra -Mode Cool -TargetTemperature 26 -FanSpeed High
        $after = Set-MideaState -Address $unit.Address @extra -TargetTemperature 16 -PassThru
        $after.TargetTemperature | Should -Be 16
        $after.Mode | Should -Be ([Midea.OperationalMode]::Cool)
        $after.FanSpeed | Should -Be ([Midea.FanSpeed]::High)
    }

    It 'round-trips every target from 16 to 30 in 0.5 steps' {
        foreach ($target in 16..60 | ForEach-Object { $_ / 2 } | Where-Object { $_ -ge 16 -and $_ -le 30 }) {
            (Set-MideaState -Address $unit.Address @extra -TargetTemperature $target -PassThru).TargetTemperature | Should -Be $target
        }
    }

    It 'writes nothing without -PassThru' {
        Set-MideaState -Address $unit.Address @extra -Power $false | Should -BeNullOrEmpty
    }
}

Describe 'Set-MideaState safety' {
    It 'sends nothing with -WhatIf' {
        $before = $v2.Connections
        $beforeState = Get-MideaState -Address 127.0.2.10
        $before = $v2.Connections
        Set-MideaState -Address 127.0.2.10 -Power (-not $beforeState.Power) -WhatIf
        $v2.Connections | Should -Be $before
        (Get-MideaState -Address 127.0.2.10).Power | Should -Be $beforeState.Power
    }

    It 'refuses a target outside the unit''s 16..30 range before changing anything' {
        $before = (Get-MideaState -Address 127.0.2.10).TargetTemperature
        Set-MideaState -Address 127.0.2.10 -TargetTemperature 31 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        "$($failures[0])" | Should -Match '16-30 °C'
        (Get-MideaState -Address 127.0.2.10).TargetTemperature | Should -Be $before
    }

    It 'refuses an absurd target at binding, sending nothing' {
        $before = $v2.Connections
        { Set-MideaState -Address 127.0.2.10 -TargetTemperature 150 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        $v2.Connections | Should -Be $before
    }

    It 'refuses a target that is not a 0.5 step' {
        { Set-MideaState -Address 127.0.2.10 -TargetTemperature 22.3 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
    }

    It 'warns and sends nothing when no field is named' {
        $before = $v2.Connections
        Set-MideaState -Address 127.0.2.10 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Not -BeNullOrEmpty
        $v2.Connections | Should -Be $before
    }

    It 'does not beep unless asked' {
        # The simulator reflects the request; the beep bit is only observable on the wire, so
        # check the command contract instead: -Beep is a switch and is off by default.
        (Get-Command Set-MideaState).Parameters['Beep'].SwitchParameter | Should -BeTrue
    }

    It 'never prompts under the default $ConfirmPreference' {
        (Get-Command Set-MideaState).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be ([System.Management.Automation.ConfirmImpact]::Medium)
    }
}
