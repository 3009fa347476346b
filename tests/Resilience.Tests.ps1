# Sessions reused within a pipeline, and queries that survive a broken connection. 127.0.16.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
}

AfterAll {
    Stop-MideaSimulator
}

Describe 'Sessions within one pipeline' {
    It 'reuses one connection and one V3 handshake when a unit is named many times' {
        $unit = Start-MideaSimulator -Address 127.0.16.10
        $states = 1..20 | ForEach-Object { [pscustomobject]@{ Address = '127.0.16.10'; Id = $unit.Id; ProtocolVersion = 3 } } |
            Get-MideaState -Token $unit.Token -Key $unit.Key
        $states | Should -HaveCount 20
        $unit.Connections | Should -Be 1
        $unit.Requests | Should -Be 20
    }

    It 'opens one connection per unit for several units' {
        $units = Start-MideaSimulator -Address 127.0.16.20 -Count 3 -ProtocolVersion 2
        $rows = foreach ($round in 1..4) { $units | ForEach-Object { [pscustomobject]@{ Address = $_.Address; Id = $_.Id; ProtocolVersion = 2 } } }
        $rows | Get-MideaState | Should -HaveCount 12
        ($units | ForEach-Object Connections) | Should -Be 1, 1, 1
    }

    It 'closes the sessions when the pipeline ends' {
        $unit = Start-MideaSimulator -Address 127.0.16.30 -ProtocolVersion 2
        $null = Get-MideaState -Address 127.0.16.30 -Id $unit.Id -ProtocolVersion 2
        $null = Get-MideaState -Address 127.0.16.30 -Id $unit.Id -ProtocolVersion 2
        $unit.Connections | Should -Be 2
    }
}

Describe 'A broken connection' {
    It 'is reopened for the next query after the unit restarts mid-pipeline' {
        $unit = Start-MideaSimulator -Address 127.0.16.40 -Id 4242 -ProtocolVersion 2
        $results = 1..3 | ForEach-Object {
            if ($_ -eq 2) {
                # The unit goes away and comes back: the open session is dead.
                Stop-MideaSimulator -Address 127.0.16.40
                $script:restarted = Start-MideaSimulator -Address 127.0.16.40 -Id 4242 -ProtocolVersion 2
            }
            [pscustomobject]@{ Address = '127.0.16.40'; Id = 4242; ProtocolVersion = 2 }
        } | Get-MideaState -ErrorVariable failures
        $failures | Should -HaveCount 0
        $results | Should -HaveCount 3
        $script:restarted.Connections | Should -Be 1
    }
}
