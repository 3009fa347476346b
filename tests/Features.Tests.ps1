# Capabilities, feature properties, energy, diagnostics and the display, against simulated units
# with the Full, Basic and PortaSplit profiles on 127.0.10.x. Loopback only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea

    $full = Start-MideaSimulator -Address 127.0.10.10 -CapabilityProfile Full
    $basic = Start-MideaSimulator -Address 127.0.10.11 -CapabilityProfile Basic
    $porta = Start-MideaSimulator -Address 127.0.10.12 -CapabilityProfile PortaSplit
    # Only read from, never changed, so its energy and diagnostics stay those of a unit that is off.
    $reader = Start-MideaSimulator -Address 127.0.10.13 -CapabilityProfile Full
    $display = Start-MideaSimulator -Address 127.0.10.14 -CapabilityProfile Full

    # The device parameters of a simulated unit, for splatting.
    function Get-Unit($sim) { @{ Address = $sim.Address; Token = $sim.Token; Key = $sim.Key } }

    # The state fields a refused change must leave alone, as one comparable string.
    function Get-Snapshot($sim) {
        $unit = Get-Unit $sim
        $s = Get-MideaState @unit
        ($s.Power, $s.Mode, $s.TargetTemperature, [int]$s.FanSpeed, $s.SwingMode, $s.Eco, $s.Turbo, $s.Sleep, $s.Fahrenheit,
            $s.TargetHumidity, $s.FollowMe, $s.Purifier, $s.AuxHeatMode, $s.FreezeProtection, $s.Display) -join '|'
    }

    # Capabilities are read once per session per device id; reading them here means later request
    # counts only contain what the command under test sends.
    $uFull = Get-Unit $full
    $uBasic = Get-Unit $basic
    $uPorta = Get-Unit $porta
    $uReader = Get-Unit $reader
    $uDisplay = Get-Unit $display
    foreach ($unit in $uFull, $uBasic, $uPorta, $uReader, $uDisplay) { $null = Get-MideaCapability @unit }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Get-MideaCapability' {
    It 'reports every capability of the Full profile' {
        $caps = Get-MideaCapability @uFull
        $caps | Should -BeOfType Midea.MideaCapabilities
        $caps.Address | Should -Be '127.0.10.10'
        $caps.Id | Should -Be $full.Id
        ($caps.Modes | ForEach-Object { "$_" } | Sort-Object) | Should -Be ('Auto', 'Cool', 'Dry', 'FanOnly', 'Heat', 'SmartDry')
        ($caps.SwingModes | ForEach-Object { "$_" } | Sort-Object) | Should -Be ('Both', 'Horizontal', 'Off', 'Vertical')
        ($caps.FanSpeeds | ForEach-Object { "$_" } | Sort-Object) | Should -Be ('Auto', 'High', 'Low', 'Max', 'Medium', 'Silent')
        ($caps.AuxHeatModes | ForEach-Object { "$_" }) | Should -Be ('Off', 'On', 'Only')
        ($caps.BreezeModes | ForEach-Object { "$_" }) | Should -Be ('Off', 'BreezeAway', 'BreezeMild', 'Breezeless')
        ($caps.RateSelects | ForEach-Object { [int]$_ } | Sort-Object) | Should -Be (1, 20, 40, 60, 80, 100)
        $caps.EnergyFormat | Should -Be ([Midea.EnergyFormat]::Bcd)
        $caps.MinTemperature | Should -Be 16
        $caps.MaxTemperature | Should -Be 30
        foreach ($flag in 'CustomFanSpeed', 'Eco', 'TurboCool', 'TurboHeat', 'FreezeProtection', 'DisplayControl', 'Fahrenheit', 'Humidity',
            'TargetHumidity', 'Energy', 'FilterReminder', 'SelfClean', 'VerticalSwingAngle', 'HorizontalSwingAngle', 'FreshAir', 'Cascade',
            'Flash', 'OutSilent', 'IEco', 'Purifier', 'Buzzer') {
            $caps.$flag | Should -BeTrue -Because "the Full profile reports $flag"
        }
    }

    It 'keeps the ids it cannot decode, 0x0040 and 0x0051, and says so on the verbose stream' {
        $output = Get-MideaCapability @uFull -Verbose 4>&1
        $caps = $output | Where-Object { $_ -is [Midea.MideaCapabilities] }
        @($caps.Undecoded.Keys) | Should -Be ('0x0040', '0x0051')
        # 00 as every captured 0x0040 (K02, K05); the Full profile carried an invented 01 before issue 18.
        $caps.Undecoded['0x0040'] | Should -Be '00'
        $caps.Undecoded['0x0051'] | Should -Be '01'
        # Raw keeps every entry of both pages (15 on page 1, 14 on page 2), decoded or not.
        $caps.Raw.Count | Should -Be 29
        $caps.Raw['0x0214'] | Should -Be '09'
        $caps.Raw['0x0040'] | Should -Be '00'
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n" |
            Should -Match 'kept undecoded: 0x0040, 0x0051'
    }

    It 'asks the unit again each time (both pages), rather than answering from the session''s memory' {
        $before = $full.Requests
        $null = Get-MideaCapability @uFull
        $full.Requests | Should -Be ($before + 2)
    }

    It 'reports the Basic profile: no heat, vertical swing only, no energy, no swing angles' {
        $caps = Get-MideaCapability @uBasic
        ($caps.Modes | ForEach-Object { "$_" } | Sort-Object) | Should -Be ('Auto', 'Cool', 'Dry', 'FanOnly')
        ($caps.SwingModes | ForEach-Object { "$_" } | Sort-Object) | Should -Be ('Off', 'Vertical')
        ($caps.FanSpeeds | ForEach-Object { "$_" } | Sort-Object) | Should -Be ('Auto', 'High', 'Low', 'Medium')
        $caps.CustomFanSpeed | Should -BeFalse
        $caps.Energy | Should -BeFalse
        $caps.EnergyFormat | Should -Be ([Midea.EnergyFormat]::Auto)
        $caps.VerticalSwingAngle | Should -BeFalse
        $caps.HorizontalSwingAngle | Should -BeFalse
        $caps.BreezeModes | Should -HaveCount 0
        $caps.RateSelects | Should -HaveCount 0
        $caps.AuxHeatModes | Should -HaveCount 0
        foreach ($flag in 'TargetHumidity', 'Humidity', 'Fahrenheit', 'FreezeProtection', 'SelfClean', 'IEco', 'OutSilent', 'Flash', 'Cascade', 'FreshAir', 'Purifier') {
            $caps.$flag | Should -BeFalse -Because "the Basic profile does not report $flag"
        }
        $caps.DisplayControl | Should -BeTrue
        $caps.Undecoded.Count | Should -Be 0
    }

    It 'reports the PortaSplit profile: out-silent, iECO and binary energy' {
        $caps = Get-MideaCapability @uPorta
        $caps.OutSilent | Should -BeTrue
        $caps.IEco | Should -BeTrue
        $caps.Energy | Should -BeTrue
        $caps.EnergyFormat | Should -Be ([Midea.EnergyFormat]::Binary)
        $caps.SelfClean | Should -BeTrue
        $caps.Buzzer | Should -BeTrue
        $caps.Raw['0x00cd'] | Should -Be '03'
        foreach ($flag in 'Flash', 'Cascade', 'FreshAir', 'VerticalSwingAngle', 'HorizontalSwingAngle', 'Humidity') {
            $caps.$flag | Should -BeFalse -Because "the PortaSplit profile does not report $flag"
        }
        @($caps.Undecoded.Keys) | Should -Be '0x0051'
    }
}

Describe 'Get-MideaState and its -Include switches' {
    It 'sends exactly one request without switches and fills none of the optional parts' {
        $before = $reader.Requests
        $state = Get-MideaState @uReader
        $reader.Requests | Should -Be ($before + 1)
        $state.Id | Should -Be $reader.Id
        foreach ($part in 'Capabilities', 'Properties', 'PropertyResults', 'Energy', 'Diagnostics') {
            $null -eq $state.$part | Should -BeTrue -Because "$part was not asked for"
        }
    }

    It '-<Switch> fills <Part> alone, with <Requests> requests' -ForEach @(
        @{ Switch = 'IncludeCapabilities'; Part = 'Capabilities'; Requests = 3 }   # GetState + both B5 pages (always read fresh)
        @{ Switch = 'IncludeProperties'; Part = 'Properties'; Requests = 2 }       # GetState + one B1
        @{ Switch = 'IncludeEnergy'; Part = 'Energy'; Requests = 2 }               # GetState + group 4
        @{ Switch = 'IncludeDiagnostics'; Part = 'Diagnostics'; Requests = 6 }     # GetState + groups 1, 2, 5, 7, 11
    ) {
        $switches = @{ $Switch = $true }
        $before = $reader.Requests
        $state = Get-MideaState @uReader @switches
        $reader.Requests | Should -Be ($before + $Requests)
        $null -eq $state.$Part | Should -BeFalse -Because "-$Switch asks for $Part"
        foreach ($other in 'Capabilities', 'Properties', 'PropertyResults', 'Energy', 'Diagnostics' | Where-Object { $_ -ne $Part }) {
            $null -eq $state.$other | Should -BeTrue -Because "only -$Switch was given"
        }
    }

    It 'reads the capabilities into the state with -IncludeCapabilities' {
        $state = Get-MideaState @uReader -IncludeCapabilities
        $state.Capabilities.Id | Should -Be $reader.Id
        ($state.Capabilities.Modes | ForEach-Object { "$_" }) | Should -Contain 'SmartDry'
    }

    It 'reads every property of the Full profile with -IncludeProperties' {
        $properties = (Get-MideaState @uReader -IncludeProperties).Properties
        $properties.VerticalSwingAngle | Should -Be ([Midea.SwingAngle]::Off)
        $properties.HorizontalSwingAngle | Should -Be ([Midea.SwingAngle]::Off)
        $properties.Breeze | Should -Be ([Midea.BreezeSetting]::Off)
        $properties.RateSelect | Should -Be ([Midea.RateSelect]::Off)
        $properties.FreshAir | Should -Be ([Midea.FreshAirSpeed]::Off)
        $properties.Cascade | Should -Be ([Midea.CascadeMode]::Off)
        foreach ($flag in 'SelfClean', 'IEco', 'Flash', 'OutSilent') {
            $properties.$flag | Should -Not -BeNullOrEmpty -Because "the Full profile answers $flag"
            $properties.$flag | Should -BeFalse
        }
    }

    It 'gives empty properties on the Basic profile, asking nothing beyond the state' {
        $before = $basic.Requests
        $properties = (Get-MideaState @uBasic -IncludeProperties).Properties
        $basic.Requests | Should -Be ($before + 1)
        $properties | Should -BeOfType Midea.MideaProperties
        foreach ($name in 'VerticalSwingAngle', 'HorizontalSwingAngle', 'Breeze', 'SelfClean', 'IEco', 'RateSelect', 'FreshAir', 'Cascade', 'Flash', 'OutSilent') {
            $properties.$name | Should -BeNullOrEmpty -Because "the Basic profile has no $name"
        }
    }
}

Describe 'Energy (-IncludeEnergy)' {
    It 'reads BCD energy from the Full profile, plausible' {
        $state = Get-MideaState @uReader -IncludeEnergy -WarningVariable warnings -WarningAction SilentlyContinue
        $energy = $state.Energy
        $energy.Format | Should -Be ([Midea.EnergyFormat]::Bcd)
        $energy.TotalKwh | Should -BeGreaterOrEqual 1234.56
        $energy.TotalKwh | Should -BeLessThan 1240
        $energy.CurrentKwh | Should -Be 0
        $energy.PowerW | Should -Be 1.5
        $energy.Plausible | Should -BeTrue
        $energy.Warnings | Should -HaveCount 0
        $warnings | Should -HaveCount 0
    }

    It 'reads binary energy from the PortaSplit profile' {
        $energy = (Get-MideaState @uPorta -IncludeEnergy).Energy
        $energy.Format | Should -Be ([Midea.EnergyFormat]::Binary)
        # Binary counts tenths: 1234.56 kWh is sent as 12346.
        $energy.TotalKwh | Should -BeGreaterOrEqual 1234.5
        $energy.TotalKwh | Should -BeLessThan 1240
        $energy.PowerW | Should -Be 1.5
        $energy.Plausible | Should -BeTrue
    }

    It 'gives no energy on the Basic profile, with a warning, and asks nothing' {
        $before = $basic.Requests
        $state = Get-MideaState @uBasic -IncludeEnergy -WarningVariable warnings -WarningAction SilentlyContinue
        $basic.Requests | Should -Be ($before + 1)
        $state | Should -Not -BeNullOrEmpty
        $null -eq $state.Energy | Should -BeTrue
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match '127\.0\.10\.11: the unit reports no energy counters'
        "$warnings" | Should -Match '-EnergyFormat'
    }

    It 'asks the Basic profile for group 4 anyway when -EnergyFormat is given' {
        # The Basic simulator stays silent for group 4, as units do for groups they lack; only the asking is checked here.
        $before = $basic.Requests
        $null = Get-MideaState @uBasic -IncludeEnergy -EnergyFormat Bcd -TimeoutSeconds 1 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $basic.Requests | Should -Be ($before + 2)
    }

    It 'reads the Full profile''s BCD bytes as binary with -EnergyFormat Binary, without flagging them' {
        # The thresholds (20 kW, 1,000,000 kWh, current > total) do not catch BCD read as binary here:
        # 1234.56 kWh in BCD is 00 12 34 56, which as binary tenths is 119304.6 kWh.
        $bcd = (Get-MideaState @uReader -IncludeEnergy).Energy
        $binary = (Get-MideaState @uReader -IncludeEnergy -EnergyFormat Binary -WarningVariable warnings -WarningAction SilentlyContinue).Energy
        $binary.Format | Should -Be ([Midea.EnergyFormat]::Binary)
        $digits = '{0:d8}' -f [long][math]::Round($bcd.TotalKwh * 100)
        $binary.TotalKwh | Should -Be ([Convert]::ToInt64($digits, 16) / 10)
        $binary.TotalKwh | Should -Not -Be $bcd.TotalKwh
        $binary.PowerW | Should -Be 2.1   # 1.5 W in BCD is 00 00 15, 0x15 = 21 tenths
        $binary.Plausible | Should -BeTrue
        $binary.Warnings | Should -HaveCount 0
        $warnings | Should -HaveCount 0
    }

    It 'flags the PortaSplit profile''s binary bytes read as BCD with -EnergyFormat Bcd' {
        $energy = (Get-MideaState @uPorta -IncludeEnergy -EnergyFormat Bcd -WarningVariable warnings -WarningAction SilentlyContinue).Energy
        $energy.Format | Should -Be ([Midea.EnergyFormat]::Bcd)
        $energy.Plausible | Should -BeFalse
        ($energy.Warnings -join "`n") | Should -Match 'digit above 9'
        "$warnings" | Should -Match '127\.0\.10\.12: .*digit above 9'
    }
}

Describe 'Diagnostics (-IncludeDiagnostics)' {
    It 'reads every group of the Full profile' {
        $state = Get-MideaState @uReader -IncludeDiagnostics -WarningVariable warnings -WarningAction SilentlyContinue
        $d = $state.Diagnostics
        $d.VoltageV | Should -Be 230
        $d.Humidity | Should -Be 45
        $d.T4Outdoor | Should -Be 31.5
        $d.CompressorHz | Should -Be 0          # the unit is off
        $d.OutdoorPowerW | Should -Be 0
        $d.IndoorFanActual | Should -Be 0
        $d.HorizontalLouverAngle | Should -Be 0
        $d.VerticalLouverAngle | Should -Be 0
        $d.MissingGroups | Should -HaveCount 0
        $d.Warnings | Should -HaveCount 0
        $warnings | Should -HaveCount 0
    }

    It 'lists the groups the Basic profile does not answer, and warns' {
        $state = Get-MideaState @uBasic -IncludeDiagnostics -TimeoutSeconds 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 0
        $state | Should -Not -BeNullOrEmpty
        $state.Diagnostics.MissingGroups | Should -Be 1, 2, 7, 11
        $state.Diagnostics.VoltageV | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'data group\(s\) 1, 2, 7, 11 did not answer'
    }
}

Describe 'Set-MideaState state parameters on the Full profile' {
    It '-Unit Fahrenheit -TargetTemperature 72 sets 22 °C' {
        $null = Set-MideaState @uFull -TargetTemperature 25
        $after = Set-MideaState @uFull -Unit Fahrenheit -TargetTemperature 72 -PassThru
        $after.TargetTemperature | Should -Be 22
        $after.TargetTemperatureFahrenheit | Should -Be 72
        $null -eq $after.PropertyResults | Should -BeTrue -Because 'no feature property was set'
        $read = Get-MideaState @uFull
        $read.TargetTemperature | Should -Be 22
        $read.TargetTemperatureFahrenheit | Should -Be 72
    }

    It 'refuses a °F target that is not a whole degree before connecting' {
        $before = $full.Requests
        $connections = $full.Connections
        Set-MideaState @uFull -Unit Fahrenheit -TargetTemperature 72.5 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        $full.Connections | Should -Be $connections
        "$($failures[0])" | Should -Match 'whole degrees'
        $full.Requests | Should -Be $before
    }

    It '-FanSpeedPercent 55 sets a custom fan speed' {
        $null = Set-MideaState @uFull -FanSpeed Low
        $after = Set-MideaState @uFull -FanSpeedPercent 55 -PassThru
        [int]$after.FanSpeed | Should -Be 55
        [int](Get-MideaState @uFull).FanSpeed | Should -Be 55
    }

    It 'refuses -FanSpeed with -FanSpeedPercent, sending nothing' {
        $before = $full.Connections
        Set-MideaState @uFull -FanSpeed High -FanSpeedPercent 55 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        $full.Connections | Should -Be $before
    }

    It '-TargetHumidity 55' {
        $null = Set-MideaState @uFull -TargetHumidity 40
        (Get-MideaState @uFull).TargetHumidity | Should -Be 40
        (Set-MideaState @uFull -TargetHumidity 55 -PassThru).TargetHumidity | Should -Be 55
        (Get-MideaState @uFull).TargetHumidity | Should -Be 55
    }

    It '-FollowMe <Value>' -ForEach @(@{ Value = $true }, @{ Value = $false }) {
        $null = Set-MideaState @uFull -FollowMe (-not $Value)
        (Set-MideaState @uFull -FollowMe $Value -PassThru).FollowMe | Should -Be $Value
        (Get-MideaState @uFull).FollowMe | Should -Be $Value
    }

    It '-Purifier <Value>' -ForEach @(@{ Value = $true }, @{ Value = $false }) {
        $null = Set-MideaState @uFull -Purifier (-not $Value)
        (Set-MideaState @uFull -Purifier $Value -PassThru).Purifier | Should -Be $Value
        (Get-MideaState @uFull).Purifier | Should -Be $Value
    }

    It '-AuxHeat <Mode>' -ForEach @(
        @{ Mode = 'Only'; From = 'Off'; AuxHeat = $false }
        @{ Mode = 'On'; From = 'Only'; AuxHeat = $true }
        @{ Mode = 'Off'; From = 'On'; AuxHeat = $false }
    ) {
        $null = Set-MideaState @uFull -AuxHeat $From
        (Get-MideaState @uFull).AuxHeatMode | Should -Be ([Midea.AuxiliaryHeat]$From)
        $after = Set-MideaState @uFull -AuxHeat $Mode -PassThru
        $after.AuxHeatMode | Should -Be ([Midea.AuxiliaryHeat]$Mode)
        $after.AuxHeat | Should -Be $AuxHeat
        $read = Get-MideaState @uFull
        $read.AuxHeatMode | Should -Be ([Midea.AuxiliaryHeat]$Mode)
        $read.AuxHeat | Should -Be $AuxHeat
    }
}

Describe 'Set-MideaState feature properties on the Full profile' {
    It '-<Parameter> <To> (from <From>)' -ForEach @(
        @{ Parameter = 'VerticalSwingAngle'; From = 'Position1'; To = 'Position3' }
        @{ Parameter = 'VerticalSwingAngle'; From = 'Position5'; To = 'Off' }
        @{ Parameter = 'HorizontalSwingAngle'; From = 'Position2'; To = 'Position5' }
        @{ Parameter = 'HorizontalSwingAngle'; From = 'Position4'; To = 'Off' }
        @{ Parameter = 'Breeze'; From = 'Off'; To = 'BreezeAway' }
        @{ Parameter = 'Breeze'; From = 'BreezeAway'; To = 'BreezeMild' }
        @{ Parameter = 'Breeze'; From = 'BreezeMild'; To = 'Breezeless' }
        @{ Parameter = 'Breeze'; From = 'Breezeless'; To = 'Off' }
        @{ Parameter = 'IEco'; From = $false; To = $true }
        @{ Parameter = 'IEco'; From = $true; To = $false }
        @{ Parameter = 'RateSelect'; From = 'Off'; To = 'Level60' }
        @{ Parameter = 'RateSelect'; From = 'Level80'; To = 'Level1' }
        @{ Parameter = 'RateSelect'; From = 'Level20'; To = 'Off' }
        @{ Parameter = 'FreshAir'; From = 'Off'; To = 'High' }
        @{ Parameter = 'FreshAir'; From = 'Low'; To = 'Boost' }
        @{ Parameter = 'FreshAir'; From = 'Medium'; To = 'Off' }
        @{ Parameter = 'Cascade'; From = 'Off'; To = 'Up' }
        @{ Parameter = 'Cascade'; From = 'Up'; To = 'Down' }
        @{ Parameter = 'Cascade'; From = 'Down'; To = 'Off' }
        @{ Parameter = 'Flash'; From = $false; To = $true }
        @{ Parameter = 'Flash'; From = $true; To = $false }
        @{ Parameter = 'OutSilent'; From = $false; To = $true }
        @{ Parameter = 'OutSilent'; From = $true; To = $false }
    ) {
        $first = @{ $Parameter = $From }
        $second = @{ $Parameter = $To }
        $null = Set-MideaState @uFull @first
        "$((Get-MideaState @uFull -IncludeProperties).Properties.$Parameter)" | Should -Be "$From"

        $after = Set-MideaState @uFull @second -PassThru -ErrorVariable failures
        $failures | Should -HaveCount 0
        $after.PropertyResults | Should -HaveCount 1
        $result = $after.PropertyResults[0]
        $result.Property | Should -Be $Parameter
        "$($result.Value)" | Should -Be "$To"
        $result.Success | Should -BeTrue
        $result.ResultCode | Should -Be 0
        $result.Address | Should -Be '127.0.10.10'
        "$($after.Properties.$Parameter)" | Should -Be "$To"
        "$((Get-MideaState @uFull -IncludeProperties).Properties.$Parameter)" | Should -Be "$To"
    }

    It '-StartSelfClean starts a cycle' {
        (Get-MideaState @uFull -IncludeProperties).Properties.SelfClean | Should -BeFalse
        $after = Set-MideaState @uFull -StartSelfClean -PassThru
        $after.PropertyResults | Should -HaveCount 1
        $after.PropertyResults[0].Property | Should -Be 'StartSelfClean'
        $after.PropertyResults[0].Value | Should -BeTrue
        $after.PropertyResults[0].Success | Should -BeTrue
        (Get-MideaState @uFull -IncludeProperties).Properties.SelfClean | Should -BeTrue
    }

    It 'applies several properties and a state field in one call, each with its own result' {
        $null = Set-MideaState @uFull -IEco $false -RateSelect Off -FreshAir Off -Cascade Off -Flash $false -OutSilent $false -Sleep $false
        $after = Set-MideaState @uFull -IEco $true -RateSelect Level40 -FreshAir Medium -Cascade Down -Flash $true -OutSilent $true -Sleep $true -PassThru
        $after.Sleep | Should -BeTrue
        ($after.PropertyResults | ForEach-Object Property) | Should -Be 'IEco', 'RateSelect', 'FreshAir', 'Cascade', 'Flash', 'OutSilent'
        ($after.PropertyResults | ForEach-Object Success) | Should -Not -Contain $false
        $read = Get-MideaState @uFull -IncludeProperties
        $read.Sleep | Should -BeTrue
        $read.Properties.IEco | Should -BeTrue
        $read.Properties.RateSelect | Should -Be ([Midea.RateSelect]::Level40)
        $read.Properties.FreshAir | Should -Be ([Midea.FreshAirSpeed]::Medium)
        $read.Properties.Cascade | Should -Be ([Midea.CascadeMode]::Down)
        $read.Properties.Flash | Should -BeTrue
        $read.Properties.OutSilent | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $was = (Get-MideaState @uFull -IncludeProperties).Properties.Cascade
        $before = $full.Connections
        Set-MideaState @uFull -Cascade Up -Mode Heat -WhatIf
        $full.Connections | Should -Be $before
        (Get-MideaState @uFull -IncludeProperties).Properties.Cascade | Should -Be $was
    }
}

Describe 'Set-MideaState refusals on the Basic profile' {
    It 'refuses <Name>, naming what the unit supports, and changes nothing' -ForEach @(
        @{ Name = '-Mode Heat'; Arguments = @{ Mode = 'Heat' }; Message = 'does not support Mode Heat; it supports: FanOnly, Dry, Cool, Auto\.' }
        @{ Name = '-SwingMode Both'; Arguments = @{ SwingMode = 'Both' }; Message = 'does not support SwingMode Both; it supports: Off, Vertical\.' }
        @{ Name = '-FanSpeed Silent'; Arguments = @{ FanSpeed = 'Silent' }; Message = 'does not support FanSpeed Silent; it supports: Low, Medium, High, Auto\.' }
        @{ Name = '-FanSpeedPercent 55'; Arguments = @{ FanSpeedPercent = 55 }; Message = 'custom fan speed \(-FanSpeedPercent\) feature' }
        @{ Name = '-VerticalSwingAngle'; Arguments = @{ VerticalSwingAngle = 'Position2' }; Message = 'VerticalSwingAngle feature' }
        @{ Name = '-HorizontalSwingAngle'; Arguments = @{ HorizontalSwingAngle = 'Position2' }; Message = 'HorizontalSwingAngle feature' }
        @{ Name = '-Breeze BreezeAway'; Arguments = @{ Breeze = 'BreezeAway' }; Message = 'does not support Breeze BreezeAway; it supports: none\.' }
        @{ Name = '-Breeze Off'; Arguments = @{ Breeze = 'Off' }; Message = 'does not support Breeze Off; it supports: none\.' }
        @{ Name = '-TargetHumidity'; Arguments = @{ TargetHumidity = 55 }; Message = 'TargetHumidity feature' }
        @{ Name = '-AuxHeat On'; Arguments = @{ AuxHeat = 'On' }; Message = 'does not support AuxHeat On; it supports: Off\.' }
        @{ Name = '-Fahrenheit $true'; Arguments = @{ Fahrenheit = $true }; Message = 'Fahrenheit display feature' }
        @{ Name = '-TargetTemperature 31'; Arguments = @{ TargetTemperature = 31 }; Message = 'target of 31 °C; its range is 16-30 °C' }
        @{ Name = '-Unit Fahrenheit -TargetTemperature 90'; Arguments = @{ Unit = 'Fahrenheit'; TargetTemperature = 90 }; Message = 'target of 90 °F; its range is 61-86 °F' }
        @{ Name = '-RateSelect Level60'; Arguments = @{ RateSelect = 'Level60' }; Message = 'does not support RateSelect Level60; it supports: none\.' }
        @{ Name = '-StartSelfClean'; Arguments = @{ StartSelfClean = $true }; Message = 'self clean feature' }
        @{ Name = '-IEco'; Arguments = @{ IEco = $true }; Message = 'IEco feature' }
        @{ Name = '-OutSilent'; Arguments = @{ OutSilent = $true }; Message = 'OutSilent feature' }
        @{ Name = '-Mode Heat with -Power $true'; Arguments = @{ Mode = 'Heat'; Power = $true; SwingMode = 'Vertical' }; Message = 'does not support Mode Heat' }
    ) {
        $before = Get-Snapshot $basic
        $requests = $basic.Requests
        $result = Set-MideaState @uBasic @Arguments -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be '127.0.10.11'
        "$($failures[0])" | Should -Match "^127\.0\.10\.11 "
        "$($failures[0])" | Should -Match $Message
        # Capabilities are known from BeforeAll, so a refusal sends no command frame at all.
        $basic.Requests | Should -Be $requests
        Get-Snapshot $basic | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-Snapshot $basic
        $connections = $basic.Connections
        Set-MideaState @uBasic -SwingMode Vertical -Power $true -WhatIf
        $basic.Connections | Should -Be $connections
        Get-Snapshot $basic | Should -Be $before
    }

    It 'still applies what the Basic profile can do' {
        $null = Set-MideaState @uBasic -SwingMode Off -Mode Cool
        $after = Set-MideaState @uBasic -SwingMode Vertical -Mode Dry -PassThru
        $after.SwingMode | Should -Be ([Midea.SwingMode]::Vertical)
        $after.Mode | Should -Be ([Midea.OperationalMode]::Dry)
    }
}

Describe 'Per-property results' {
    BeforeAll {
        # A Full and a PortaSplit unit that report the same device id. Capabilities are remembered per
        # device id for the session, so once the Full unit's have been read, Set-MideaState lets
        # through to the PortaSplit unit a property only the Full unit has, and the PortaSplit unit
        # itself refuses it (result 0x11) while applying the others.
        $sharedId = 0x7E5700000A0F
        $sameIdFull = Start-MideaSimulator -Address 127.0.10.15 -CapabilityProfile Full -Id $sharedId
        $sameIdPorta = Start-MideaSimulator -Address 127.0.10.16 -CapabilityProfile PortaSplit -Id $sharedId
        $uSameFull = Get-Unit $sameIdFull
        $uSamePorta = Get-Unit $sameIdPorta
    }

    It 'refuses on PortaSplit, before sending anything, a property its capabilities lack' {
        $requests = $porta.Requests
        Set-MideaState @uPorta -OutSilent $true -Flash $true -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        "$($failures[0])" | Should -Match 'Flash feature'
        $porta.Requests | Should -Be $requests
        (Get-MideaState @uPorta -IncludeProperties).Properties.OutSilent | Should -BeFalse
    }

    It 'applies SelfClean, IEco and OutSilent on PortaSplit' {
        $after = Set-MideaState @uPorta -StartSelfClean -IEco $true -OutSilent $true -PassThru
        ($after.PropertyResults | ForEach-Object Property) | Should -Be 'StartSelfClean', 'IEco', 'OutSilent'
        ($after.PropertyResults | ForEach-Object Success) | Should -Be $true, $true, $true
        $read = (Get-MideaState @uPorta -IncludeProperties).Properties
        $read.SelfClean | Should -BeTrue
        $read.IEco | Should -BeTrue
        $read.OutSilent | Should -BeTrue
        $read.Flash | Should -BeNullOrEmpty
        $null = Set-MideaState @uPorta -IEco $false -OutSilent $false
    }

    It 'reports the property the unit refused and applies the others' {
        $null = Get-MideaCapability @uSameFull
        $after = Set-MideaState @uSamePorta -Flash $true -OutSilent $true -IEco $true -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $after | Should -Not -BeNullOrEmpty
        ($after.PropertyResults | ForEach-Object Property) | Should -Be 'IEco', 'Flash', 'OutSilent'
        $flash = $after.PropertyResults | Where-Object Property -EQ 'Flash'
        $flash.Success | Should -BeFalse
        $flash.ResultCode | Should -Be 0x11
        $flash.Value | Should -BeTrue
        ($after.PropertyResults | Where-Object Property -NE 'Flash' | ForEach-Object Success) | Should -Be $true, $true
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PropertyRejected,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        $failures[0].TargetObject | Should -Be '127.0.10.16'
        "$($failures[0])" | Should -Match 'did not apply Flash=True \(result 0x11\); 2 other properties were applied'

        # Read the PortaSplit unit's own capabilities again, then check what it really holds.
        $null = Get-MideaCapability @uSamePorta
        $read = (Get-MideaState @uSamePorta -IncludeProperties).Properties
        $read.OutSilent | Should -BeTrue
        $read.IEco | Should -BeTrue
        $read.Flash | Should -BeNullOrEmpty
    }
}

Describe 'Set-MideaDisplay' {
    It '-Off then -On switches the display' {
        (Get-MideaState @uDisplay).Display | Should -BeTrue
        $before = $display.Requests
        Set-MideaDisplay @uDisplay -Off
        $display.Requests | Should -Be ($before + 2)   # GetState, ToggleDisplay
        (Get-MideaState @uDisplay).Display | Should -BeFalse
        $after = Set-MideaDisplay @uDisplay -On -PassThru
        $after.Display | Should -BeTrue
        (Get-MideaState @uDisplay).Display | Should -BeTrue
    }

    It '-Off on a display that is already off sends no toggle' {
        Set-MideaDisplay @uDisplay -Off
        (Get-MideaState @uDisplay).Display | Should -BeFalse
        $before = $display.Requests
        $output = Set-MideaDisplay @uDisplay -Off -Verbose 4>&1
        $display.Requests | Should -Be ($before + 1)    # GetState only
        ($output | ForEach-Object Message) -join "`n" | Should -Match 'already off; nothing sent'
        (Get-MideaState @uDisplay).Display | Should -BeFalse
        Set-MideaDisplay @uDisplay -On
    }

    It '-Toggle flips the display without reading it first' {
        $was = (Get-MideaState @uDisplay).Display
        $before = $display.Requests
        (Set-MideaDisplay @uDisplay -Toggle -PassThru).Display | Should -Be (-not $was)
        $display.Requests | Should -Be ($before + 1)
        (Get-MideaState @uDisplay).Display | Should -Be (-not $was)
        (Set-MideaDisplay @uDisplay -Toggle -PassThru).Display | Should -Be $was
        (Get-MideaState @uDisplay).Display | Should -Be $was
    }

    It 'sends nothing with -WhatIf' {
        $was = (Get-MideaState @uDisplay).Display
        $before = $display.Connections
        Set-MideaDisplay @uDisplay -Toggle -WhatIf
        $display.Connections | Should -Be $before
        (Get-MideaState @uDisplay).Display | Should -Be $was
    }

    It 'refuses a unit whose capabilities lack display control, sending no toggle' {
        $before = $porta.Requests
        Set-MideaDisplay @uPorta -Off -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaDisplayCommand'
        "$($failures[0])" | Should -Match 'display control'
        # The capabilities were read earlier in the session: nothing at all was sent.
        $porta.Requests | Should -Be $before
    }

    It 'Full and Basic report display control; the PortaSplit profile does not' {
        (Get-MideaCapability @uFull).DisplayControl | Should -BeTrue
        (Get-MideaCapability @uBasic).DisplayControl | Should -BeTrue
        (Get-MideaCapability @uPorta).DisplayControl | Should -BeFalse
    }
}

Describe 'Beep' {
    It 'is off by default on <Command>' -ForEach @(
        @{ Command = 'Set-MideaState' }
        @{ Command = 'Set-MideaDisplay' }
    ) {
        # The beep bit is only observable on the wire (the simulator does not record it), so check
        # the command contract: an optional switch that is not present unless given.
        $parameter = (Get-Command $Command).Parameters['Beep']
        $parameter.SwitchParameter | Should -BeTrue
        ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | ForEach-Object Mandatory) | Should -Not -Contain $true
        (Get-Command $Command).ImplementingType::new().Beep.IsPresent | Should -BeFalse
    }
}
