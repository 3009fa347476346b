# Messages speak of units, targets and tools, in the words a user reads, never of .NET: no
# "(Parameter 'x')" suffix, every session error names its unit, a unit that is gone is unreachable,
# -WhatIf refuses what the real call refuses, and a missing Wi-Fi tool is an expected situation.
# Units on 127.0.33.x only.
BeforeDiscovery {
    # Only data, never contacted: an address off loopback that Start-MideaSimulator must refuse
    # before it opens any socket. It is from 192.0.2.0/24 (TEST-NET-1, RFC 5737), which is reserved
    # for documentation and routed nowhere, so even a bug could not reach a real host with it.
    $OffLoopback = '192.0.2.50'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:simulatorDll = Join-Path (Split-Path (Split-Path (Get-Module Midea).ModuleBase)) 'simulator/midea-simulator.dll'

    # Runs the standalone simulator with $Arguments, expecting it to exit by itself.
    function Invoke-Simulator([string[]] $Arguments) {
        $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @($simulatorDll) + $Arguments) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($info)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEnd()
        if (-not $process.WaitForExit(30000)) { $process.Kill(); throw "midea-simulator $Arguments did not exit." }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Out = $stdout.Result; Err = $stderr }
    }
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Target errors' {
    It 'Find-MideaDevice quotes a bad target <Target> without a .NET parameter name' -ForEach @(
        @{ Target = '127.0.0.0/8' }, @{ Target = '127.0.33.9-127.0.33.1' }, @{ Target = '127.0.33.1-x' }, @{ Target = '::1' }
    ) {
        Find-MideaDevice -Address $Target -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTarget,*'
        $failures[0].ToString() | Should -Match ([regex]::Escape("'$Target'"))
        $failures[0].ToString() | Should -Not -Match '\(Parameter'
    }

    It 'Start-MideaSimulator refuses <Address> x<Count> in its own words' -ForEach @(
        @{ Address = $OffLoopback; Count = 1 }, @{ Address = '127.255.255.255'; Count = 2 }
    ) {
        $failure = { Start-MideaSimulator -Address $Address -Count $Count } | Should -Throw -ErrorId 'InvalidArgument,*' -PassThru
        $failure.ToString() | Should -Match 'loopback addresses only'
        $failure.ToString() | Should -Not -Match '\(Parameter'
    }
}

Describe 'Start-MideaSimulator -WhatIf' {
    It 'refuses <Address> x<Count> as the real call does, before saying what it would do' -ForEach @(
        @{ Address = $OffLoopback; Count = 1 }, @{ Address = '127.255.255.255'; Count = 2 }
    ) {
        $failure = { Start-MideaSimulator -Address $Address -Count $Count -WhatIf } | Should -Throw -ErrorId 'InvalidArgument,*' -PassThru
        $failure.ToString() | Should -Match 'loopback addresses only'
    }

    It 'refuses a -HomeAddress off loopback (<HomeAddress>) before saying what it would do' -ForEach @(@{ HomeAddress = $OffLoopback }) {
        { Start-MideaSimulator -Address 127.0.33.40 -ApMode -HomeAddress $HomeAddress -WhatIf } | Should -Throw -ErrorId 'InvalidArgument,*'
    }

    It 'still starts nothing for a valid address' {
        Start-MideaSimulator -Address 127.0.33.41 -WhatIf | Should -BeNullOrEmpty
        Find-MideaDevice -Address 127.0.33.41 -TimeoutSeconds 1 | Should -BeNullOrEmpty
    }
}

Describe 'Errors name their unit' {
    It 'a refused token names the unit' {
        $unit = Start-MideaSimulator -Address 127.0.33.10
        try {
            Get-MideaState -Address 127.0.33.10 -Token ('00' * 64) -Key $unit.Key -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            $failures[0].ToString() | Should -Match '^127\.0\.33\.10:6444 rejected the token'
        }
        finally {
            $unit | Stop-MideaSimulator
        }
    }
}

Describe 'Every unit error names its unit' {
    BeforeAll {
        $script:v2 = Start-MideaSimulator -Address 127.0.33.11 -ProtocolVersion 2
    }

    AfterAll {
        $v2 | Stop-MideaSimulator
    }

    It 'when the unit <Name>' -ForEach @(
        @{ Name = 'answers garbage'; Fault = @{ Garbage = $true }; ErrorId = 'ProtocolError' }
        @{ Name = 'answers for another device id'; Fault = @{ ForeignDeviceId = 42 }; ErrorId = 'ProtocolError' }
        @{ Name = 'closes mid-response'; Fault = @{ CloseMidResponse = $true }; ErrorId = 'DeviceUnreachable' }
        @{ Name = 'is silent'; Fault = @{ Silent = $true }; ErrorId = 'DeviceTimeout' }
    ) {
        Set-MideaSimulator -Address 127.0.33.11 -Clear
        Set-MideaSimulator -Address 127.0.33.11 @Fault
        try {
            Get-MideaState -Address 127.0.33.11 -Id $v2.Id -ProtocolVersion 2 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        finally {
            Set-MideaSimulator -Address 127.0.33.11 -Clear
        }
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failures[0].ToString() | Should -Match '127\.0\.33\.11'
    }
}

Describe 'A unit that was discovered and is gone' {
    It 'is still asked for a token while it runs' {
        $unit = Start-MideaSimulator -Address 127.0.33.20
        try {
            Find-MideaDevice -Address 127.0.33.20 -TimeoutSeconds 2 | Should -HaveCount 1
            Get-MideaState -Address 127.0.33.20 -TimeoutSeconds 2 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
            $failures[0].ToString() | Should -Match 'give -Token and -Key'
        }
        finally {
            $unit | Stop-MideaSimulator
        }
    }

    It 'is unreachable after Stop-MideaSimulator, not a V3 unit that wants a token' {
        $unit = Start-MideaSimulator -Address 127.0.33.21
        Find-MideaDevice -Address 127.0.33.21 -TimeoutSeconds 2 | Should -HaveCount 1
        $unit | Stop-MideaSimulator
        Get-MideaState -Address 127.0.33.21 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $failures[0].ToString() | Should -Match '127\.0\.33\.21'
        $failures[0].ToString() | Should -Not -Match 'Token'
    }

    It 'is unreachable after its process ended' {
        # Another process, so nothing in this session learns that the unit stopped.
        $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in $simulatorDll, '--address', '127.0.33.22') { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($info)
        try {
            $null = $process.StandardOutput.ReadLine()
            Find-MideaDevice -Address 127.0.33.22 -TimeoutSeconds 2 | Should -HaveCount 1
        }
        finally {
            $process.Kill()
            $process.WaitForExit()
        }
        Get-MideaState -Address 127.0.33.22 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
    }
}

Describe 'midea-simulator --help' {
    It '<Option> prints the usage only, and succeeds' -ForEach @(@{ Option = '--help' }, @{ Option = '-h' }, @{ Option = '-?' }) {
        $run = Invoke-Simulator @($Option)
        $run.ExitCode | Should -Be 0
        $run.Out | Should -Match '^usage: midea-simulator '
        $run.Err | Should -BeNullOrEmpty
    }

    It 'still refuses an unknown option with exit code 2' {
        $run = Invoke-Simulator @('--no-such-option', 'x')
        $run.ExitCode | Should -Be 2
        $run.Err | Should -Match 'Unknown option --no-such-option'
    }
}

Describe 'Set-MideaWifi without the Wi-Fi tool' -Skip:$IsWindows {
    # Windows finds netsh in System32 whatever PATH says, and this must never switch a real radio;
    # on Linux and macOS an empty PATH hides nmcli and networksetup.
    BeforeAll {
        $script:savedPath = $env:PATH
        $unit = Start-MideaSimulator -Address 127.0.33.30 -ApMode
        $env:PATH = (New-Item -ItemType Directory (Join-Path $TestDrive 'empty-path')).FullName
        try {
            $script:result = Set-MideaWifi -ApSsid $unit.Name -Ssid 'home-net' -Passphrase 'correct horse' -CountryCode GB -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        finally {
            $env:PATH = $savedPath
        }
        $script:failures = $failures
    }

    AfterAll {
        Stop-MideaSimulator -Address 127.0.33.30
    }

    It 'fails the JoinAp step with its own ErrorId, not as unexpected' {
        $result.Success | Should -BeFalse
        $result.FailedStep | Should -Be 'JoinAp'
        $result.ErrorId | Should -Be 'WlanToolMissing'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WlanToolMissing,*'
        $failures[0].CategoryInfo.Category | Should -Be 'NotInstalled'
    }

    It 'names the tool it looked for and the ways forward' {
        $result.Error | Should -Match "'(nmcli|networksetup)' was not found"
        $result.Error | Should -Match '-SimulatedWlan'
        if ($IsLinux) { $result.Error | Should -Match 'Install NetworkManager' }
    }

    It 'does not claim the computer left its network' {
        ($result.Steps | Where-Object Name -EQ 'RejoinNetwork').Detail | Should -Match 'did not leave its network'
    }
}
