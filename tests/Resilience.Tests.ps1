# Sessions reused within a pipeline and across commands, and queries that survive a broken connection. 127.0.16.x only.
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

    It 'keeps the session for the next command until Disconnect-MideaDevice closes it' {
        $unit = Start-MideaSimulator -Address 127.0.16.30 -ProtocolVersion 2
        $null = Get-MideaState -Address 127.0.16.30 -Id $unit.Id -ProtocolVersion 2
        $null = Get-MideaState -Address 127.0.16.30 -Id $unit.Id -ProtocolVersion 2
        $unit.Connections | Should -Be 1
        Disconnect-MideaDevice -Address 127.0.16.30
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
        } | Get-MideaState -ThrottleLimit 1 -ErrorVariable failures
        $failures | Should -HaveCount 0
        $results | Should -HaveCount 3
        $script:restarted.Connections | Should -Be 1
    }
}

Describe '-ThrottleLimit' {
    It 'works on several units at once and still writes the results in input order' {
        $units = Start-MideaSimulator -Address 127.0.16.100 -Count 12 -ProtocolVersion 2
        $rows = $units | ForEach-Object { [pscustomobject]@{ Address = $_.Address; Id = $_.Id; ProtocolVersion = 2 } }
        $states = $rows | Get-MideaState -ThrottleLimit 6
        ($states | ForEach-Object Address) | Should -Be ($units | ForEach-Object Address)
    }

    It 'reports a failing unit as an error in its place and goes on with the others' {
        # No id: each is asked for it, as a reply naming another unit's id is refused.
        $rows = '127.0.16.100', '127.0.16.99', '127.0.16.101' | ForEach-Object { [pscustomobject]@{ Address = $_; ProtocolVersion = 2 } }
        $states = $rows | Get-MideaState -ThrottleLimit 3 -TimeoutSeconds 1 -ErrorVariable failures -ErrorAction SilentlyContinue
        ($states | ForEach-Object Address) | Should -Be '127.0.16.100', '127.0.16.101'
        $failures | Should -HaveCount 1
        $failures[0].TargetObject | Should -Be '127.0.16.99'
    }

    It 'keeps each record''s own address in Set-MideaState messages' {
        $rows = '127.0.16.102', '127.0.16.103' | ForEach-Object { [pscustomobject]@{ Address = $_; ProtocolVersion = 2 } }
        $out = $rows | Set-MideaState -Power $true -ThrottleLimit 2 -Verbose 4>&1 | ForEach-Object { "$_" }
        $out | Should -Contain '127.0.16.102: Set Power=True.'
        $out | Should -Contain '127.0.16.103: Set Power=True.'
    }
}
