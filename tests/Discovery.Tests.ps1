# Discovery against simulated units on 127.0.1.x. Loopback only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $v2 = Start-MideaSimulator -Address 127.0.1.10 -ProtocolVersion 2
    $v3 = Start-MideaSimulator -Address 127.0.1.11 -ProtocolVersion 3
    $range = Start-MideaSimulator -Address 127.0.1.33 -Count 4 -ProtocolVersion 3
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Find-MideaDevice' {
    It 'finds a V2 unit with its identity' {
        $device = Find-MideaDevice -Address 127.0.1.10 -TimeoutSeconds 5
        $device | Should -HaveCount 1
        $device | Should -BeOfType Midea.MideaDevice
        $device.Address | Should -Be '127.0.1.10'
        $device.Port | Should -Be 6444
        $device.Id | Should -Be $v2.Id
        $device.ProtocolVersion | Should -Be 2
        $device.Name | Should -Be $v2.Name
        $device.Name | Should -Match '^net_ac_[0-9A-F]{4}$'
        $device.MacAddress | Should -Be $v2.MacAddress
        $device.Type | Should -Be 'AirConditioner'
        $device.SerialNumber.Substring(16, 12) | Should -Be ($v2.MacAddress -replace ':', '').ToUpperInvariant()
        $device.Token | Should -BeNullOrEmpty
    }

    It 'finds a V3 unit and tells its protocol' {
        $device = Find-MideaDevice -Address 127.0.1.11 -TimeoutSeconds 5
        $device.ProtocolVersion | Should -Be 3
        $device.Id | Should -Be $v3.Id
        $device.MacAddress | Should -Be $v3.MacAddress
    }

    It 'sweeps a CIDR range and finds every unit in it once' {
        $found = Find-MideaDevice -Address 127.0.1.32/29 -TimeoutSeconds 2
        ($found | ForEach-Object Address | Sort-Object) | Should -Be ($range | ForEach-Object Address | Sort-Object)
        ($found.Id | Sort-Object -Unique) | Should -HaveCount 4
    }

    It 'returns as soon as every unicast target has answered, long before the timeout' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $found = Find-MideaDevice -Address 127.0.1.10, 127.0.1.11 -TimeoutSeconds 60
        $watch.Stop()
        $found | Should -HaveCount 2
        # Not a speed test: without the early return this call would last the full 60 s.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 30
    }

    It 'waits the whole timeout when a target stays silent' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $found = Find-MideaDevice -Address 127.0.1.10, 127.0.1.99 -TimeoutSeconds 2
        $watch.Stop()
        $found.Address | Should -Be '127.0.1.10'
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
    }

    It 'says when no unit answered a sweep, naming how many addresses were asked' {
        $found = Find-MideaDevice -Address 127.0.1.200/30 -TimeoutSeconds 1 -WarningVariable warned -WarningAction SilentlyContinue
        $found | Should -BeNullOrEmpty
        $warned | Should -HaveCount 1
        "$warned" | Should -Match 'No Midea unit answered: asked 2 address\(es\) for 1 s'
        Find-MideaDevice -Address 127.0.1.10 -TimeoutSeconds 1 -WarningVariable quiet -WarningAction SilentlyContinue | Should -Not -BeNullOrEmpty
        $quiet | Should -HaveCount 0
    }

    It 'stops after -Count devices' {
        $found = Find-MideaDevice -Address 127.0.1.32/29 -Count 2 -TimeoutSeconds 10
        $found | Should -HaveCount 2
    }

    It 'de-duplicates a unit named twice' {
        $found = Find-MideaDevice -Address 127.0.1.10, 127.0.1.10/32 -TimeoutSeconds 5
        $found | Should -HaveCount 1
    }

    It 'takes targets from the pipeline' {
        $found = '127.0.1.10', '127.0.1.11' | Find-MideaDevice -TimeoutSeconds 5
        $found | Should -HaveCount 2
    }

    It 'reports a bad target as InvalidTarget and still probes the others' {
        $found = Find-MideaDevice -Address 'not an address!', 127.0.1.10 -TimeoutSeconds 5 -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Address | Should -Be '127.0.1.10'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTarget,*'
    }

    It 'refuses a range larger than a /16' {
        Find-MideaDevice -Address 127.0.0.0/8 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTarget,*'
    }

    It 'pipes into Get-MideaState (V2, no credentials needed)' {
        $state = Find-MideaDevice -Address 127.0.1.10 | Get-MideaState
        $state | Should -BeOfType Midea.MideaState
        $state.Id | Should -Be $v2.Id
    }

    It 'completes -Address with units it has found' {
        $null = Find-MideaDevice -Address 127.0.1.10
        $result = TabExpansion2 -inputScript 'Get-MideaState -Address 127.0.1.1' -cursorColumn 'Get-MideaState -Address 127.0.1.1'.Length
        $result.CompletionMatches.CompletionText | Should -Contain '127.0.1.10'
    }
}
