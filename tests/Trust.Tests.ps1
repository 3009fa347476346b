# Units and hosts that lie, through the built cmdlets: replies for another unit, discovery answers
# from addresses nobody asked, floods, changes left in doubt, misanswered data groups. 127.0.31.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'A reply for another unit' {
    It 'is refused as ProtocolError naming both ids, for <Version>' -ForEach @(
        @{ Version = 2; Address = '127.0.31.10' }
        @{ Version = 3; Address = '127.0.31.11' }
    ) {
        $unit = Start-MideaSimulator -Address $Address -ProtocolVersion $Version
        Set-MideaSimulator -Address $Address -ForeignDeviceId 10066329
        $state = Get-MideaState -Address $Address -Id $unit.Id -ProtocolVersion $Version -Token $unit.Token -Key $unit.Key -ErrorAction SilentlyContinue -ErrorVariable failed
        $state | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ProtocolError,*'
        $failed[0].Exception.Message | Should -Match "device id 10066329.*device id $($unit.Id)"
        $failed[0].TargetObject | Should -Be $Address
    }
}

Describe 'Discovery answers from an address that was not asked' {
    BeforeAll {
        $script:liar = Start-MideaSimulator -Address 127.0.31.20 -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.31.20 -DiscoveryReplyFrom 127.0.31.21
    }

    It 'are dropped by a unicast sweep, with one verbose line' {
        $verbose = Find-MideaDevice -Address 127.0.31.20 -TimeoutSeconds 2 -Verbose 4>&1
        @($verbose | Where-Object { $_ -is [Midea.MideaDevice] }) | Should -HaveCount 0
        $lines = @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '127\.0\.31\.21' })
        $lines | Should -HaveCount 1
        $lines[0].Message | Should -Match 'not one of the addresses asked'
    }

    It 'lend no id to Get-MideaState, which finds no unit at the address asked' {
        Get-MideaState -Address 127.0.31.20 -TimeoutSeconds 1 -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $failed[0].Exception.Message | Should -Match 'No Midea unit answered discovery at 127\.0\.31\.20'
    }

    It 'count when the other address was asked too' {
        $found = Find-MideaDevice -Address 127.0.31.20, 127.0.31.21 -TimeoutSeconds 2
        $found.Address | Should -Be '127.0.31.21'
        $found.Id | Should -Be $script:liar.Id
    }
}

Describe 'A discovery flood' {
    It 'from one address gives one device and one warning' {
        $flooder = Start-MideaSimulator -Address 127.0.31.30 -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.31.30 -DiscoveryFloodMs 2000
        # 127.0.31.31 is silent, so the sweep stays open while the flood lasts.
        $found = Find-MideaDevice -Address 127.0.31.30, 127.0.31.31 -TimeoutSeconds 2 -WarningVariable warned -WarningAction SilentlyContinue
        $flooder.RepliesSent | Should -BeGreaterThan 1000
        $found | Should -HaveCount 1
        $found.Id | Should -Be $flooder.Id
        $warned | Should -HaveCount 1
        "$warned" | Should -Match "127\.0\.31\.30 answered as device id \d+ after answering as id $($flooder.Id)"
    }

    It 'of garbage gives one warning for the address' {
        $flooder = Start-MideaSimulator -Address 127.0.31.32 -ProtocolVersion 3
        Set-MideaSimulator -Address 127.0.31.32 -DiscoveryFloodMs 1500 -DiscoveryFloodGarbage
        $found = Find-MideaDevice -Address 127.0.31.32, 127.0.31.33 -TimeoutSeconds 2 -WarningVariable warned -WarningAction SilentlyContinue
        $flooder.RepliesSent | Should -BeGreaterThan 1000
        $found | Should -HaveCount 1
        $warned | Should -HaveCount 1
        "$warned" | Should -Match 'Ignored a reply from 127\.0\.31\.32 that is not a valid discovery reply'
    }
}

Describe 'A change whose reply is lost' {
    It 'is OutcomeUnknown, sent once, and was in fact applied' {
        $unit = Start-MideaSimulator -Address 127.0.31.40 -ProtocolVersion 2
        $display = (Get-MideaState -Address 127.0.31.40 -Id $unit.Id -ProtocolVersion 2).Display
        # The capabilities are known from here on, so the toggle is the next request the unit sees.
        $null = Get-MideaCapability -Address 127.0.31.40 -Id $unit.Id -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.31.40 -DropFirst 1
        $before = $unit.Requests
        Set-MideaDisplay -Address 127.0.31.40 -Id $unit.Id -ProtocolVersion 2 -Toggle -TimeoutSeconds 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
        $failed[0].Exception.Message | Should -Match 'may or may not have been applied; read the state to find out'
        $unit.Requests | Should -Be ($before + 1)
        (Get-MideaState -Address 127.0.31.40 -Id $unit.Id -ProtocolVersion 2).Display | Should -Be (-not $display)
    }

    It 'is not claimed when nothing was sent' {
        Set-MideaState -Address 127.0.31.41 -Id 1 -ProtocolVersion 2 -Power $true -TimeoutSeconds 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
    }
}

Describe 'A data group answered with another group' {
    It 'leaves the state written and lists the group as missing, saying what came back' {
        $unit = Start-MideaSimulator -Address 127.0.31.50
        Set-MideaSimulator -Address 127.0.31.50 -WrongDataGroup
        $state = Get-MideaState -Address 127.0.31.50 -Id $unit.Id -ProtocolVersion 3 -Token $unit.Token -Key $unit.Key -IncludeDiagnostics -IncludeEnergy -IncludeCapabilities -IncludeProperties `
            -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 0
        $state | Should -HaveCount 1
        $state.TargetTemperature | Should -Not -BeNullOrEmpty
        $state.Capabilities | Should -Not -BeNullOrEmpty
        $state.Properties | Should -Not -BeNullOrEmpty
        $state.Energy | Should -BeNullOrEmpty
        $state.Diagnostics.MissingGroups | Should -Contain 1
        $state.Diagnostics.MissingGroups | Should -Contain 2
        "$warned" | Should -Match 'the energy group \(4\) is missing: asked for data group 4, the unit answered with group 1'
        "$warned" | Should -Match 'data group 2 is missing: asked for data group 2, the unit answered with group 1'
        "$warned" | Should -Match 'data group 1 is missing: asked for data group 1, the unit answered with group 2'
    }
}
