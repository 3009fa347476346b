<#
    How to test your own script with the simulator: a Pester 5 test of Invoke-CoolingPolicy.ps1.
    The simulated units run inside this PowerShell session on loopback addresses, so the test
    never touches a real air conditioner.

        Invoke-Pester ./Invoke-CoolingPolicy.Tests.ps1 -Output Detailed

    To test with a module that is not installed, or another copy of the script:

        $data = @{ ModulePath = './output/Midea/<version>/Midea.psd1' }
        Invoke-Pester -Container (New-PesterContainer -Path ./Invoke-CoolingPolicy.Tests.ps1 -Data $data)
#>
param(
    # The Midea module: the installed one by default, or the path of a Midea.psd1.
    [string] $ModulePath = 'Midea',
    # The script under test: the one next to this file by default.
    [string] $ScriptPath = (Join-Path $PSScriptRoot 'Invoke-CoolingPolicy.ps1')
)

BeforeAll {
    Import-Module $ModulePath -ErrorAction Stop

    # A store of our own in the test drive, so the test neither sees nor changes your saved units.
    $script:previousStore = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'

    # Two simulated V3 units, saved with their credentials as you would save real ones.
    # 127.0.27.19 runs nothing: it stands for a unit that is switched off at the wall.
    $script:idle = Start-MideaSimulator -Address 127.0.27.10
    $script:cooling = Start-MideaSimulator -Address 127.0.27.11
    foreach ($unit in $idle, $cooling) {
        Find-MideaDevice -Address $unit.Address | Save-MideaDevice -Token $unit.Token -Key $unit.Key
    }
    $script:missing = '127.0.27.19'

    # Puts both units back to a known start before each test: one off, one cooling at 25 °C.
    function Reset-Units {
        $null = Set-MideaState -Address $idle.Address -Power $false -Mode Cool -TargetTemperature 25
        $null = Set-MideaState -Address $cooling.Address -Power $true -Mode Cool -TargetTemperature 25
    }

    # Heats or chills the simulated room at once. The script's default thresholds are 26 °C (hot)
    # and 21 °C (cold); the room then moves slowly (0.05 °C per second at most), far too little
    # to cross a threshold while a test runs.
    function Set-Room([string[]] $Address, [double] $Temperature) {
        Set-MideaSimulator -Address $Address -IndoorTemperature $Temperature
    }
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:previousStore
}

Describe 'Invoke-CoolingPolicy.ps1' {
    BeforeEach {
        Reset-Units
    }

    Context 'in a hot room' {
        It 'switches an idle unit on in Cool at the target' {
            Set-Room $idle.Address 30
            $result = & $ScriptPath -Address $idle.Address -TargetTemperature 22

            $result.Decision | Should -Be 'SwitchOn'
            $result.Applied | Should -BeTrue
            # Check the unit itself, not only what the script says it did.
            $state = Get-MideaState -Address $idle.Address
            $state.Power | Should -BeTrue
            $state.Mode | Should -Be 'Cool'
            $state.TargetTemperature | Should -Be 22
        }

        It 'leaves a unit that is already cooling alone' {
            Set-Room $cooling.Address 30
            $result = & $ScriptPath -Address $cooling.Address -TargetTemperature 22

            $result.Decision | Should -Be 'NoChange'
            $result.Applied | Should -BeFalse
            # Its own target is kept, not replaced by the policy's.
            (Get-MideaState -Address $cooling.Address).TargetTemperature | Should -Be 25
        }

        It 'with -WhatIf reports the decision and changes nothing' {
            Set-Room $idle.Address 30
            $result = & $ScriptPath -Address $idle.Address -WhatIf

            $result.Decision | Should -Be 'SwitchOn'
            $result.Applied | Should -BeFalse
            (Get-MideaState -Address $idle.Address).Power | Should -BeFalse
        }
    }

    Context 'in a cold room' {
        It 'switches a cooling unit off and leaves an idle unit off' {
            Set-Room $cooling.Address, $idle.Address 19
            $results = & $ScriptPath -Address $cooling.Address, $idle.Address

            $results.Decision | Should -Be 'SwitchOff', 'NoChange'
            (Get-MideaState -Address $cooling.Address).Power | Should -BeFalse
            (Get-MideaState -Address $idle.Address).Power | Should -BeFalse
        }
    }

    Context 'with several units' {
        It 'reports an unreachable unit and still handles the others' {
            Set-Room $idle.Address, $cooling.Address 30
            # A short timeout keeps the test quick: nothing will ever answer at $missing.
            $results = & $ScriptPath -Address $idle.Address, $missing, $cooling.Address -TimeoutSeconds 1

            $results | Should -HaveCount 3
            $results[1].Address | Should -Be $missing
            $results[1].Decision | Should -Be 'Unreachable'
            $results[1].Error | Should -Be 'DeviceUnreachable'
            $results[0].Decision | Should -Be 'SwitchOn'
            $results[2].Decision | Should -Be 'NoChange'
            (Get-MideaState -Address $idle.Address).Power | Should -BeTrue
        }

        It 'handles every saved unit when no address is given' {
            Set-Room $idle.Address, $cooling.Address 30
            $results = & $ScriptPath

            # ForEach-Object: on an array, .Address would be the array's own Address() method.
            ($results | ForEach-Object Address | Sort-Object) | Should -Be $idle.Address, $cooling.Address
            (Get-MideaState -Address $idle.Address).Power | Should -BeTrue
        }

        It 'handles no unit at all when an empty list is piped in' {
            Set-Room $idle.Address 30
            $results = Get-MideaDevice | Where-Object Name -EQ 'no such unit' | & $ScriptPath

            $results | Should -BeNullOrEmpty
            (Get-MideaState -Address $idle.Address).Power | Should -BeFalse
        }
    }

    It 'refuses a cold threshold that is not below the hot one' {
        { & $ScriptPath -Address $idle.Address -HotAbove 22 -ColdBelow 24 } | Should -Throw '*must be lower*'
    }
}
