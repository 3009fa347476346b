# Saved units that DHCP moved: Get-/Set-MideaState and Test-MideaConnection look for them by
# device id, use the new address, update the store and warn; another unit is never adopted, and a
# unit that is not saved, or failed after it answered, is not looked for. A move is a simulated
# unit stopped and started again, with the same id, token and key, at another address.
# 127.0.36.1-99 only (the xunit tests of the search have 127.0.36.200-229); the default search of
# a unit here probes 127.0.36.0/24, which no other test file uses.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:previousStore = $env:MIDEA_STORE_PATH
    $script:store = Join-Path $TestDrive 'devices.xml'

    # The unit, stopped, and the same unit (id, token, key, version) started at $To.
    function Move-Unit($Unit, [string] $To) {
        $Unit | Stop-MideaSimulator
        Start-MideaSimulator -Address $To -Id $Unit.Id -Token $Unit.Token -Key $Unit.Key -ProtocolVersion $Unit.ProtocolVersion
    }

    # A unit started at $Address and saved with its id, version and test credentials. Not through
    # Find-MideaDevice, so that nothing in this session remembers the address's identity.
    function Start-SavedUnit([string] $Address, [int] $ProtocolVersion = 3) {
        $unit = Start-MideaSimulator -Address $Address -ProtocolVersion $ProtocolVersion
        $unit | Save-MideaDevice
        $unit
    }

    function ConvertTo-Plain([securestring] $Secure) {
        [Net.NetworkCredential]::new('', $Secure).Password
    }

    function Get-StoreHash { (Get-FileHash $store).Hash }

    # Each test starts with an empty store of its own, and no unit left from the one before.
    function Reset-Case {
        $env:MIDEA_STORE_PATH = $store
        Remove-Item $store -ErrorAction SilentlyContinue
        Stop-MideaSimulator
    }

    $script:notFound = 'was not found elsewhere in'
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:previousStore
}

Describe 'A saved V3 unit that moved' {
    BeforeEach { Reset-Case }

    It 'is found by Get-MideaState, with one warning, and the store has its new address' {
        $unit = Start-SavedUnit 127.0.36.10
        $moved = Move-Unit $unit 127.0.36.11
        $state = Get-MideaDevice -Id $unit.Id | Get-MideaState -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $failed | Should -HaveCount 0
        $state.Address | Should -Be '127.0.36.11'
        $state.Id | Should -Be $unit.Id
        $warned | Should -HaveCount 1
        "$warned" | Should -BeExactly "Unit $($unit.Id) moved from 127.0.36.10 to 127.0.36.11; the store now has the new address."
        $saved = Get-MideaDevice -Id $unit.Id
        $saved.Address | Should -Be '127.0.36.11'
        # Only the address changed: the token and key are those saved.
        ConvertTo-Plain $saved.Token | Should -Be $unit.Token
        ConvertTo-Plain $saved.Key | Should -Be $unit.Key
        $moved.Requests | Should -Be 1
    }

    It 'is read at the new address directly the next time, without a search or a warning' {
        $unit = Start-SavedUnit 127.0.36.12
        $moved = Move-Unit $unit 127.0.36.13
        $null = Get-MideaDevice -Id $unit.Id | Get-MideaState -WarningAction SilentlyContinue
        $replies = $moved.RepliesSent
        $lines = Get-MideaDevice -Id $unit.Id | Get-MideaState -Verbose -WarningVariable warned 4>&1 | ForEach-Object { "$_" }
        $warned | Should -HaveCount 0
        ($lines -join "`n") | Should -Not -Match 'looking for unit'
        ($lines -join "`n") | Should -Not -Match '127\.0\.36\.12'
        # The session kept from the first call, and one reply to the state query: no discovery, no search.
        ($lines -join "`n") | Should -Match 'Reusing the open session with 127\.0\.36\.13:6444'
        $moved.RepliesSent | Should -Be ($replies + 1)
    }

    It 'says in verbose lines why and where it looks' {
        $unit = Start-SavedUnit 127.0.36.14
        $null = Move-Unit $unit 127.0.36.15
        $lines = Get-MideaDevice -Id $unit.Id | Get-MideaState -Verbose -WarningAction SilentlyContinue 4>&1 | ForEach-Object { "$_" }
        $lines | Should -Contain "127.0.36.14 is unreachable; looking for unit $($unit.Id) in 127.0.36.0/24 (up to 2 s)."
        $lines | Should -Contain "Unit $($unit.Id) answered discovery at 127.0.36.15."
    }

    It 'gets the change of Set-MideaState at the new address' {
        $unit = Start-SavedUnit 127.0.36.16
        $moved = Move-Unit $unit 127.0.36.17
        Get-MideaDevice -Id $unit.Id | Set-MideaState -Power $true -Mode Cool -TargetTemperature 21.5 -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $failed | Should -HaveCount 0
        "$warned" | Should -BeExactly "Unit $($unit.Id) moved from 127.0.36.16 to 127.0.36.17; the store now has the new address."
        $state = $moved | Get-MideaState
        $state.Power | Should -BeTrue
        $state.Mode | Should -Be 'Cool'
        $state.TargetTemperature | Should -Be 21.5
        (Get-MideaDevice -Id $unit.Id).Address | Should -Be '127.0.36.17'
    }

    It 'is found by Test-MideaConnection given the stored address alone, and tested where it answers' {
        $unit = Start-SavedUnit 127.0.36.18
        $null = Move-Unit $unit 127.0.36.19
        $result = Test-MideaConnection -Address 127.0.36.18 -TimeoutSeconds 1 -WarningVariable warned -WarningAction SilentlyContinue
        $result.Success | Should -BeTrue
        $result.Address | Should -Be '127.0.36.19'
        $result.Id | Should -Be $unit.Id
        $result.CredentialSource | Should -Be 'Store'
        "$warned" | Should -BeExactly "Unit $($unit.Id) moved from 127.0.36.18 to 127.0.36.19; the store now has the new address."
        (Get-MideaDevice -Id $unit.Id).Address | Should -Be '127.0.36.19'
    }

    It 'is looked for when the handshake at the old address times out' {
        # Something at the old address takes the connection and never answers, like a hung device.
        $unit = Start-SavedUnit 127.0.36.20
        Set-MideaSimulator -Address 127.0.36.20 -Silent
        $twin = Start-MideaSimulator -Address 127.0.36.21 -Id $unit.Id -Token $unit.Token -Key $unit.Key
        $state = Get-MideaDevice -Id $unit.Id | Get-MideaState -TimeoutSeconds 1 -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $failed | Should -HaveCount 0
        $state.Address | Should -Be '127.0.36.21'
        "$warned" | Should -Match 'moved from 127\.0\.36\.20 to 127\.0\.36\.21'
        $twin.Requests | Should -Be 1
    }

    It 'that is found nowhere keeps its ErrorId, says where it was looked for, and the store is unchanged' {
        $unit = Start-SavedUnit 127.0.36.22
        $unit | Stop-MideaSimulator
        $before = Get-StoreHash
        Get-MideaDevice -Id $unit.Id | Get-MideaState -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $failed[0].Exception.Message | Should -Match "127\.0\.36\.22.*; unit $($unit.Id) was not found elsewhere in 127\.0\.36\.0/24 either\.$"
        $warned | Should -HaveCount 0
        Get-StoreHash | Should -Be $before

        $result = Test-MideaConnection -Address 127.0.36.22 -TimeoutSeconds 1
        $result.Success | Should -BeFalse
        $result.ErrorId | Should -Be 'DeviceUnreachable'
        $result.Error | Should -Match "unit $($unit.Id) was not found elsewhere in 127\.0\.36\.0/24 either"
        Get-StoreHash | Should -Be $before
    }
}

Describe 'Another unit at the old address' {
    BeforeEach { Reset-Case }

    It 'is never adopted: with the saved unit gone, the error stays and the store is unchanged' {
        $unit = Start-SavedUnit 127.0.36.30 -ProtocolVersion 2
        $unit | Stop-MideaSimulator
        $impostor = Start-MideaSimulator -Address 127.0.36.30 -ProtocolVersion 2 -Id 3603099
        # And one more unit in the range searched, which answers the search with its own id.
        $other = Start-MideaSimulator -Address 127.0.36.37 -ProtocolVersion 2 -Id 3603799
        $before = Get-StoreHash
        Get-MideaDevice -Id $unit.Id | Get-MideaState -TimeoutSeconds 1 -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ProtocolError,*'
        $failed[0].Exception.Message | Should -Match 'device id 3603099'
        $failed[0].Exception.Message | Should -Match "unit $($unit.Id) $notFound 127\.0\.36\.0/24 either"
        $warned | Should -HaveCount 0
        Get-StoreHash | Should -Be $before
        # Asked for a state (which changes nothing), never probed by the search.
        $impostor.Requests | Should -BeGreaterThan 0
        $impostor.RepliesSent | Should -Be $impostor.Requests
        # Probed, answered with its own id, and left alone.
        $other.RepliesSent | Should -BeGreaterThan 0
        $other.Connections | Should -Be 0
    }

    It 'is passed over for the saved unit where it answers now' {
        $unit = Start-SavedUnit 127.0.36.31 -ProtocolVersion 2
        $moved = Move-Unit $unit 127.0.36.32
        $null = Start-MideaSimulator -Address 127.0.36.31 -ProtocolVersion 2 -Id 3603199
        $state = Get-MideaDevice -Id $unit.Id | Get-MideaState -TimeoutSeconds 1 -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $failed | Should -HaveCount 0
        $state.Id | Should -Be $unit.Id
        $state.Address | Should -Be '127.0.36.32'
        "$warned" | Should -BeExactly "Unit $($unit.Id) moved from 127.0.36.31 to 127.0.36.32; the store now has the new address."
        (Get-MideaDevice -Id $unit.Id).Address | Should -Be '127.0.36.32'
        $moved.Requests | Should -Be 1
    }

    It 'is passed over when a V3 unit there takes the saved key but answers as another id' {
        $unit = Start-SavedUnit 127.0.36.33
        $null = Move-Unit $unit 127.0.36.34
        $null = Start-MideaSimulator -Address 127.0.36.33 -Id 3603399 -Token $unit.Token -Key $unit.Key
        $state = Get-MideaDevice -Id $unit.Id | Get-MideaState -TimeoutSeconds 1 -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $failed | Should -HaveCount 0
        $state.Id | Should -Be $unit.Id
        $state.Address | Should -Be '127.0.36.34'
        (Get-MideaDevice -Id $unit.Id).Address | Should -Be '127.0.36.34'
    }

    It 'that refuses the saved V3 key and answers discovery as another id is not adopted, and the unit is found elsewhere' {
        $unit = Start-SavedUnit 127.0.36.35
        $null = Move-Unit $unit 127.0.36.36
        $null = Start-MideaSimulator -Address 127.0.36.35 -Id 3603599
        $state = Get-MideaDevice -Id $unit.Id | Get-MideaState -TimeoutSeconds 1 -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $failed | Should -HaveCount 0
        $state.Id | Should -Be $unit.Id
        $state.Address | Should -Be '127.0.36.36'
        "$warned" | Should -Be "Unit $($unit.Id) moved from 127.0.36.35 to 127.0.36.36; the store now has the new address."
    }

    It 'that is the saved unit refusing the saved key is an answer, not a move: AuthenticationFailed, and no search' {
        $unit = Start-SavedUnit 127.0.36.38
        # The unit was paired again: it takes another key now, and keeps its id.
        $unit | Stop-MideaSimulator
        $null = Start-MideaSimulator -Address 127.0.36.38 -Id $unit.Id
        $elsewhere = Start-MideaSimulator -Address 127.0.36.39 -Id $unit.Id -Token $unit.Token -Key $unit.Key
        $before = Get-StoreHash
        Get-MideaDevice -Id $unit.Id | Get-MideaState -TimeoutSeconds 1 -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $failed[0].Exception.Message | Should -Not -Match $notFound
        $warned | Should -HaveCount 0
        $elsewhere.RepliesSent | Should -Be 0
        Get-StoreHash | Should -Be $before
    }
}

Describe '-SearchRange' {
    BeforeEach { Reset-Case }

    It 'replaces the default range: a unit moved into it is found' {
        $unit = Start-SavedUnit 127.0.36.40
        $null = Move-Unit $unit 127.0.36.45
        $lines = Get-MideaDevice -Id $unit.Id | Get-MideaState -SearchRange 127.0.36.44-127.0.36.46 -Verbose -WarningVariable warned -WarningAction SilentlyContinue 4>&1 | ForEach-Object { "$_" }
        $lines | Should -Contain "127.0.36.40 is unreachable; looking for unit $($unit.Id) in 127.0.36.44-127.0.36.46 (up to 2 s)."
        "$warned" | Should -Match 'moved from 127\.0\.36\.40 to 127\.0\.36\.45'
        (Get-MideaDevice -Id $unit.Id).Address | Should -Be '127.0.36.45'
    }

    It 'leaves out the rest of the /24: a unit moved outside it is not found, and the error names the range' {
        $unit = Start-SavedUnit 127.0.36.41
        $moved = Move-Unit $unit 127.0.36.55
        $before = Get-StoreHash
        Get-MideaDevice -Id $unit.Id | Get-MideaState -SearchRange 127.0.36.44-127.0.36.46 -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $failed[0].Exception.Message | Should -Match "unit $($unit.Id) $notFound 127\.0\.36\.44-127\.0\.36\.46 either"
        $moved.RepliesSent | Should -Be 0
        Get-StoreHash | Should -Be $before

        $result = Test-MideaConnection -Address 127.0.36.41 -SearchRange 127.0.36.44-127.0.36.46 -TimeoutSeconds 1
        $result.ErrorId | Should -Be 'DeviceUnreachable'
        $result.Error | Should -Match "$notFound 127\.0\.36\.44-127\.0\.36\.46 either"
        $moved.RepliesSent | Should -Be 0
    }

    It 'that cannot be used is refused by <Command> before any unit is contacted' -ForEach @(
        @{ Command = 'Get-MideaState'; Extra = @{} }
        @{ Command = 'Set-MideaState'; Extra = @{ Power = $true } }
        @{ Command = 'Test-MideaConnection'; Extra = @{} }
    ) {
        { & $Command -Address 127.0.36.42 -SearchRange 127.0.0.0/8 @Extra } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'A unit that is not saved' {
    BeforeEach { Reset-Case }

    It 'named by -Address, -Id and its credentials is not looked for: the plain error' {
        $unit = Start-MideaSimulator -Address 127.0.36.60
        $unit | Stop-MideaSimulator
        # The same unit runs elsewhere in the /24, so a search would have found it.
        $twin = Start-MideaSimulator -Address 127.0.36.61 -Id $unit.Id -Token $unit.Token -Key $unit.Key
        $lines = Get-MideaState -Address 127.0.36.60 -Id $unit.Id -ProtocolVersion 3 -Token $unit.Token -Key $unit.Key -Verbose -ErrorVariable failed -ErrorAction SilentlyContinue 4>&1 |
            ForEach-Object { "$_" }
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $failed[0].Exception.Message | Should -Not -Match $notFound
        ($lines -join "`n") | Should -Not -Match 'looking for unit'
        $twin.RepliesSent | Should -Be 0
        $store | Should -Not -Exist
    }

    It 'named by -Address alone keeps the discovery error of Get-MideaState and Test-MideaConnection' {
        Get-MideaState -Address 127.0.36.62 -TimeoutSeconds 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DeviceUnreachable,*'
        $failed[0].Exception.Message | Should -Match 'No Midea unit answered discovery at 127\.0\.36\.62'
        $failed[0].Exception.Message | Should -Not -Match $notFound
        (Test-MideaConnection -Address 127.0.36.62 -TimeoutSeconds 1).Error | Should -Not -Match $notFound
    }
}

Describe 'A change that may have been applied' {
    BeforeEach { Reset-Case }

    It 'is OutcomeUnknown and never sent to the unit anywhere else' {
        $unit = Start-SavedUnit 127.0.36.70 -ProtocolVersion 2
        # The capabilities are known from here on, so the properties (B0) are the first request.
        $null = Get-MideaDevice -Id $unit.Id | Get-MideaState -IncludeCapabilities
        $twin = Start-MideaSimulator -Address 127.0.36.71 -Id $unit.Id -ProtocolVersion 2
        Set-MideaSimulator -Address 127.0.36.70 -DropFirst 1
        $before = Get-StoreHash
        Get-MideaDevice -Id $unit.Id | Set-MideaState -VerticalSwingAngle Position2 -TimeoutSeconds 1 -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
        $failed[0].Exception.Message | Should -Not -Match $notFound
        $warned | Should -HaveCount 0
        $twin.RepliesSent | Should -Be 0
        Get-StoreHash | Should -Be $before
    }
}
