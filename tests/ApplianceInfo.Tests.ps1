# Get-MideaCapability -IncludeApplianceInfo (protocol.md §5.11): the appliance query asked only
# when wanted, its answer in Subtype and MessageProtocolVersion, a slow unit costing one short wait
# and a warning, never the capabilities. Units on 127.0.45.70-79 only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:portaSplit = Start-MideaSimulator -Address 127.0.45.70 -CapabilityProfile PortaSplit
    $script:basic = Start-MideaSimulator -Address 127.0.45.71 -CapabilityProfile Basic -ProtocolVersion 2
    $script:slow = Start-MideaSimulator -Address 127.0.45.72 -CapabilityProfile Basic -ProtocolVersion 2
    $script:commercial = Start-MideaSimulator -Address 127.0.45.73 -DeviceType CommercialAc -ProtocolVersion 2
}

AfterAll {
    Stop-MideaSimulator -Address 127.0.45.70, 127.0.45.71, 127.0.45.72, 127.0.45.73
}

Describe 'Get-MideaCapability -IncludeApplianceInfo' {
    It 'fills in the subtype and version of a unit (<Profile>)' -ForEach @(
        @{ Profile = 'PortaSplit'; Unit = 'portaSplit'; Subtype = 4096; Version = 8 }
        @{ Profile = 'Basic, V2'; Unit = 'basic'; Subtype = 172; Version = 3 }
    ) {
        $caps = (Get-Variable -Scope Script $Unit).Value | Get-MideaCapability -IncludeApplianceInfo -WarningVariable warnings
        $caps.Subtype | Should -Be $Subtype
        $caps.MessageProtocolVersion | Should -Be $Version
        $caps.Modes | Should -Not -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'asks nothing more without the switch: both stay null and the unit gets the capability queries only' {
        $before = $portaSplit.Requests
        $caps = $portaSplit | Get-MideaCapability
        $caps.Subtype | Should -BeNullOrEmpty
        $caps.MessageProtocolVersion | Should -BeNullOrEmpty
        # Two capability pages, no appliance query.
        $portaSplit.Requests - $before | Should -Be 2
    }

    It 'shows both in the list view only when the unit answered' {
        ($portaSplit | Get-MideaCapability -IncludeApplianceInfo | Format-List | Out-String) | Should -Match '(?m)^Subtype\s+: 4096\s*$'
        ($portaSplit | Get-MideaCapability -IncludeApplianceInfo | Format-List | Out-String) | Should -Match '(?m)^MessageProtocolVersion\s+: 8\s*$'
        ($portaSplit | Get-MideaCapability | Format-List | Out-String) | Should -Not -Match 'Subtype|MessageProtocolVersion'
    }

    It 'keeps both through Export-Clixml, and the deserialized view shows them' {
        $file = Join-Path $TestDrive 'caps.xml'
        $portaSplit | Get-MideaCapability -IncludeApplianceInfo | Export-Clixml -Path $file
        $copy = Import-Clixml -Path $file
        $copy.Subtype | Should -Be 4096
        $copy.MessageProtocolVersion | Should -Be 8
        ($copy | Format-List | Out-String) | Should -Match '(?m)^MessageProtocolVersion\s+: 8\s*$'
    }

    It 'gives a slow unit its capabilities and a warning after one short wait' {
        # Every answer comes after 2.5 s: in time for the capabilities (5 s), too late for the appliance query (2 s).
        Set-MideaSimulator -Address 127.0.45.72 -ResponseDelayMs 2500
        try {
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $caps = $slow | Get-MideaCapability -IncludeApplianceInfo -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failed
            $clock.Stop()
        }
        finally {
            Set-MideaSimulator -Address 127.0.45.72 -Clear
        }
        $failed | Should -BeNullOrEmpty
        $caps.Modes | Should -Not -BeNullOrEmpty
        $caps.Subtype | Should -BeNullOrEmpty
        $caps.MessageProtocolVersion | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Be '127.0.45.72: the unit did not answer the appliance query within 2 s.'
        # One page at 2.5 s, then the query's 2 s; never the 5 s request limit for it.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6.5
    }

    It 'refuses the switch for a commercial unit before sending anything, and reads it without' {
        $before = $commercial.Requests
        $caps = $commercial | Get-MideaCapability -IncludeApplianceInfo -ErrorVariable failed -ErrorAction SilentlyContinue
        $caps | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'NotSupportedByUnit,*'
        $failed[0].Exception.Message | Should -Match '-IncludeApplianceInfo is for air conditioners'
        $commercial.Requests | Should -Be $before
        ($commercial | Get-MideaCapability).Modes | Should -Not -BeNullOrEmpty
    }
}
