# Commercial units (appliance type 0xCC) through the cmdlets, against simulated units: found, read,
# changed (only the named fields), refused before sending, tested, watched, stored, and shown next
# to air conditioners. 127.0.41.x only. MIDEA_STORE_PATH points into $TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $script:previousStorePath = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'store/devices.xml'

    # A V3 0xCC unit and a V2 one, and an air conditioner beside them.
    $script:cc3 = Start-MideaSimulator -Address 127.0.41.1 -DeviceType CommercialAc -ProtocolVersion 3
    $script:cc2 = Start-MideaSimulator -Address 127.0.41.2 -DeviceType CommercialAc -ProtocolVersion 2
    $script:ac = Start-MideaSimulator -Address 127.0.41.3 -ProtocolVersion 2
    $script:creds = @{ Token = $cc3.Token; Key = $cc3.Key }

    # The state's properties, without those a change is expected to touch, as name=value lines.
    function Get-Rest($State, [string[]] $Except) {
        $State.PSObject.Properties | Where-Object { $_.Name -notin $Except -and $_.Name -notin 'Capabilities', 'Unconfirmed', 'TargetTemperatureFahrenheit' } |
            ForEach-Object { "$($_.Name)=$($_.Value)" }
    }

    function Wait-Until([scriptblock] $Condition, [int] $Seconds = 10) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        & $Condition
    }
}

AfterAll {
    Disconnect-MideaDevice
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $previousStorePath
}

Describe 'Reading a commercial unit' {
    It 'pipes from Find-MideaDevice into Get-MideaState, V2 and V3, and gives the family''s state type' {
        $found = Find-MideaDevice -Address 127.0.41.1, 127.0.41.2 -TimeoutSeconds 2 | Sort-Object Address
        $found.Type | Should -Be @('CommercialAc', 'CommercialAc')
        $found[0].Token = ConvertTo-SecureString $cc3.Token -AsPlainText -Force
        $found[0].Key = ConvertTo-SecureString $cc3.Key -AsPlainText -Force
        $states = $found | Get-MideaState
        $states | ForEach-Object { $_ | Should -BeOfType Midea.MideaCommercialAcState }
        $states.Type | Should -Be @('CommercialAc', 'CommercialAc')
        $states.ProtocolVersion | Should -Be @(3, 2)
        $states[0].FanLevel | Should -BeOfType Midea.FanLevel
        $states[0].Mode | Should -BeOfType Midea.OperationalMode
    }

    It 'reads state and capabilities in one request' {
        $before = $cc3.Requests
        $state = Get-MideaState -Address 127.0.41.1 @creds -IncludeCapabilities
        $cc3.Requests - $before | Should -Be 1
        $state.Capabilities | Should -BeOfType Midea.MideaCommercialAcCapabilities
        $state.Capabilities.Modes | Should -Contain 'Cool'
        $state.Capabilities.MaxTemperature | Should -BeGreaterThan $state.Capabilities.MinTemperature
        $caps = Get-MideaCapability -Address 127.0.41.2
        $caps.Type | Should -Be 'CommercialAc'
        $caps.Modes | Should -Be $state.Capabilities.Modes
    }

    It 'refuses the air conditioner''s extra parts by name, sending nothing' {
        $before = $cc2.Requests
        $errors = $null
        Get-MideaState -Address 127.0.41.2 -IncludeEnergy -IncludeProperties -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.GetMideaStateCommand'
        "$($errors[0])" | Should -Match '127\.0\.41\.2.*CommercialAc.*-IncludeProperties, -IncludeEnergy.*air conditioners'
        $cc2.Requests | Should -Be $before
    }

    It 'tests the connection with one query, naming the type' {
        $result = Test-MideaConnection -Address 127.0.41.1 @creds
        $result.Success | Should -BeTrue
        $result.Type | Should -Be 'CommercialAc'
    }
}

Describe 'Changing a commercial unit' {
    It 'changes only the named fields, V2 and V3 (<Address>)' -ForEach @(
        @{ Address = '127.0.41.1'; V3 = $true }
        @{ Address = '127.0.41.2'; V3 = $false }
    ) {
        $c = if ($V3) { $creds } else { @{} }
        $before = Get-MideaState -Address $Address @c
        $fields = 'Power', 'Mode', 'TargetTemperature', 'FanLevel', 'Silent', 'VerticalSwingAngle'
        $after = Set-MideaState -Address $Address @c -Power (-not $before.Power) -Mode Heat -TargetTemperature 25.5 -FanLevel Level6 -Silent $true -VerticalSwingAngle Auto -PassThru
        $after | Should -BeOfType Midea.MideaCommercialAcState
        $after.Unconfirmed | Should -BeNullOrEmpty
        $read = Get-MideaState -Address $Address @c
        foreach ($state in $after, $read) {
            $state.Power | Should -Be (-not $before.Power)
            $state.Mode | Should -Be 'Heat'
            $state.TargetTemperature | Should -Be 25.5
            $state.FanLevel | Should -Be 'Level6'
            $state.Silent | Should -BeTrue
            $state.VerticalSwingAngle | Should -Be 'Auto'
        }
        Get-Rest $read $fields | Should -Be (Get-Rest $before $fields)
    }

    It 'takes a target in °F, converted to the nearest half degree' {
        (Set-MideaState -Address 127.0.41.2 -TargetTemperature 70 -Unit Fahrenheit -PassThru).TargetTemperature | Should -Be 21
    }

    It 'sends nothing with -WhatIf' {
        $before = $cc2.Requests
        $state = Get-MideaState -Address 127.0.41.2
        Set-MideaState -Address 127.0.41.2 -Eco (-not $state.Eco) -WhatIf
        $cc2.Requests - $before | Should -Be 1
        (Get-MideaState -Address 127.0.41.2).Eco | Should -Be $state.Eco
    }

    It 'refuses <Given> for a commercial unit before sending anything' -ForEach @(
        @{ Given = '-Turbo'; Splat = @{ Turbo = $true }; Pattern = '-Turbo is for air conditioners' }
        @{ Given = '-FanSpeed'; Splat = @{ FanSpeed = 'High' }; Pattern = '-FanSpeed is for air conditioners' }
        @{ Given = '-Beep'; Splat = @{ Beep = $true; Power = $true }; Pattern = '-Beep is for air conditioners' }
        @{ Given = '-Mode SmartDry'; Splat = @{ Mode = 'SmartDry' }; Pattern = 'has no -Mode SmartDry' }
        @{ Given = '-AuxHeat Only'; Splat = @{ AuxHeat = 'Only' }; Pattern = 'has no -AuxHeat Only' }
    ) {
        $before = $cc2.Requests
        $errors = $null
        Set-MideaState -Address 127.0.41.2 @Splat -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        "$($errors[0])" | Should -Match '127\.0\.41\.2'
        "$($errors[0])" | Should -Match ([regex]::Escape($Pattern))
        $cc2.Requests | Should -Be $before
    }

    It 'refuses what the unit''s capabilities rule out after its one query, with no control sent' {
        $caps = Get-MideaCapability -Address 127.0.41.2
        $caps.WindSense | Should -BeFalse
        $before = $cc2.Requests
        $errors = $null
        Set-MideaState -Address 127.0.41.2 -WindSense Soft -ErrorVariable errors -ErrorAction SilentlyContinue
        Set-MideaState -Address 127.0.41.2 -TargetTemperature ($caps.MaxTemperature + 1) -ErrorVariable +errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 2
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaStateCommand' }
        "$($errors[0])" | Should -Match 'wind sense'
        "$($errors[1])" | Should -Match "range is $($caps.MinTemperature)-$($caps.MaxTemperature) °C"
        $cc2.Requests - $before | Should -Be 2
    }

    It 'refuses the commercial unit''s parameters and values for an air conditioner' -ForEach @(
        @{ Splat = @{ FanLevel = 'Level2' }; Pattern = '-FanLevel is for commercial units' }
        @{ Splat = @{ Silent = $true; Buzzer = $false }; Pattern = '-Silent, -Buzzer are for commercial units' }
        @{ Splat = @{ VerticalSwingAngle = 'Auto' }; Pattern = '-VerticalSwingAngle Auto is for commercial units' }
        @{ Splat = @{ AuxHeat = 'Separate' }; Pattern = '-AuxHeat Separate is for commercial units' }
    ) {
        $before = $ac.Requests
        $errors = $null
        Set-MideaState -Address 127.0.41.3 @Splat -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByUnit,Midea.PowerShell.Cmdlets.SetMideaStateCommand'
        "$($errors[0])" | Should -Match '127\.0\.41\.3.*AirConditioner'
        "$($errors[0])" | Should -Match ([regex]::Escape($Pattern))
        $ac.Requests | Should -Be $before
    }
}

Describe 'Commercial units beside air conditioners' {
    It 'reads a mixed list in input order, each in its family''s type, in one table' {
        $states = '127.0.41.3', '127.0.41.2' | Get-MideaState
        $states[0] | Should -BeOfType Midea.MideaState
        $states[1] | Should -BeOfType Midea.MideaCommercialAcState
        $states.Type | Should -Be @('AirConditioner', 'CommercialAc')
        $table = ($states | Format-Table | Out-String) -split "`r?`n" | Where-Object { $_ -match '\S' }
        # One header, one rule, two rows: the families share the table.
        $table.Count | Should -Be 4
        $table[0] | Should -Match 'Address\s+Power\s+Mode'
        $table[3] | Should -Match "^127\.0\.41\.2\s+\w+\s+\w+.*Level"
    }

    It 'has a list view for the commercial state and capabilities' {
        $state = Get-MideaState -Address 127.0.41.2 -IncludeCapabilities
        $list = $state | Format-List | Out-String
        $list | Should -Match 'Type\s+: CommercialAc'
        $list | Should -Match 'FanLevel\s+: \w+'
        $list | Should -Match 'Capabilities\s+: modes '
        ($state.Capabilities | Format-List | Out-String) | Should -Match 'AuxHeatModes\s+:'
    }

    It 'keeps the type in the store, so a saved unit is driven as a commercial unit with -Id and -ProtocolVersion' {
        Find-MideaDevice -Address 127.0.41.2 -TimeoutSeconds 2 | Save-MideaDevice
        (Get-MideaDevice -Id $cc2.Id).Type | Should -Be 'CommercialAc'
        # A fresh process knows nothing of the discovery above: only the store says what the unit is.
        $job = Start-Job -ArgumentList $env:MIDEA_STORE_PATH, $modulePath, $cc2.Id {
            param($store, $module, $id)
            $env:MIDEA_STORE_PATH = $store
            Import-Module $module
            (Get-MideaDevice -Id $id | Get-MideaState).Type
        }
        try { $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be 'CommercialAc' }
        finally { $job | Remove-Job -Force }
    }

    It 'takes -DeviceType when -Id and -ProtocolVersion skip discovery' {
        $state = Get-MideaState -Address 127.0.41.2 -Id $cc2.Id -ProtocolVersion 2 -DeviceType CommercialAc
        $state.Type | Should -Be 'CommercialAc'
    }
}

Describe 'Watching a commercial unit' {
    It 'writes a change of a commercial unit, with its state' {
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$modulePath'; Watch-MideaState -Address 127.0.41.2 -IntervalSeconds 1 -Property Power, FanLevel -Count 1")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        try {
            $start = $cc2.Requests
            Wait-Until { $cc2.Requests -gt $start } | Should -BeTrue
            $now = Get-MideaState -Address 127.0.41.2
            Set-MideaState -Address 127.0.41.2 -Power (-not $now.Power) -FanLevel Level2
            Wait-Until { $handle.IsCompleted } | Should -BeTrue
            $change = $output[0]
            $change.Event | Should -Be 'Changed'
            ($change.Changes.Property) | Should -Contain 'Power'
            $change.State | Should -BeOfType Midea.MideaCommercialAcState
        }
        finally {
            $shell.Dispose()
        }
    }

    It 'writes a change made with the remote as a push (V3), with no regular read due' {
        $unit = Start-MideaSimulator -Address 127.0.41.10 -DeviceType CommercialAc
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$modulePath'; Watch-MideaState -Address 127.0.41.10 -Token $($unit.Token) -Key $($unit.Key) -IntervalSeconds 3600 -Property FanLevel, Silent -Count 1")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        try {
            Wait-Until { $unit.Requests -ge 1 } | Should -BeTrue
            Set-MideaSimulator -Address 127.0.41.10 -RemoteControl @{ FanLevel = 'Level2'; Silent = $true }
            Wait-Until { $handle.IsCompleted } | Should -BeTrue
            $unit.PushesSent | Should -Be 1
            $change = $output[0]
            $change.Source | Should -Be 'Push'
            $change.Summary | Should -Be 'FanLevel: Auto -> Level2; Silent: False -> True'
        }
        finally {
            $shell.Dispose()
            $unit | Stop-MideaSimulator
        }
    }
}
