# The scripts in examples/ run as users would run them, against simulated units. 127.0.25.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $script:repoRoot = Join-Path $PSScriptRoot '..'
    $script:poll = Join-Path $repoRoot 'examples/scheduled-poll.ps1'
    $script:previousStore = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'
    $script:v3 = Start-MideaSimulator -Address 127.0.25.10
    $script:v2 = Start-MideaSimulator -Address 127.0.25.11 -ProtocolVersion 2
    Find-MideaDevice -Address 127.0.25.10 | Save-MideaDevice -Token $v3.Token -Key $v3.Key
    Find-MideaDevice -Address 127.0.25.11 | Save-MideaDevice

    # Runs the job in its own pwsh, unattended, and returns its exit code.
    function Invoke-Job([string[]] $Arguments) {
        Push-Location $repoRoot
        try {
            $null = dotnet pwsh -NoProfile -NonInteractive -File $poll @Arguments 2>&1
            $LASTEXITCODE
        }
        finally {
            Pop-Location
        }
    }
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:previousStore
}

Describe 'examples/scheduled-poll.ps1' {
    It 'polls every saved unit, logs one line each and exits 0' {
        $log = Join-Path $TestDrive 'ok.log'
        Invoke-Job @('-LogPath', $log, '-ModulePath', $modulePath) | Should -Be 0
        $lines = Get-Content $log
        $lines | Should -HaveCount 2
        ($lines | Where-Object { $_ -match ' OK 127\.0\.25\.1[01] power=' }) | Should -HaveCount 2
    }

    It 'exits 1 when a unit fails, still logs the others, and writes no secret' {
        $log = Join-Path $TestDrive 'fail.log'
        Invoke-Job @('-LogPath', $log, '-ModulePath', $modulePath, '-Address', '127.0.25.10,127.0.25.19,127.0.25.11', '-TimeoutSeconds', '1') | Should -Be 1
        $text = Get-Content $log -Raw
        $text | Should -Match 'OK 127\.0\.25\.10'
        $text | Should -Match 'OK 127\.0\.25\.11'
        $text | Should -Match 'FAIL 127\.0\.25\.19 DeviceUnreachable'
        $text | Should -Not -Match $v3.Token
        $text | Should -Not -Match $v3.Key
    }

    It 'exits 2 when there is nothing to poll' {
        $log = Join-Path $TestDrive 'empty.log'
        $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'empty.xml'
        try {
            Invoke-Job @('-LogPath', $log, '-ModulePath', $modulePath) | Should -Be 2
        }
        finally {
            $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'
        }
    }
}

Describe 'examples/report.ps1' {
    It 'writes one CSV row per unit found, with state and energy' {
        $csv = Join-Path $TestDrive 'report.csv'
        & (Join-Path $repoRoot 'examples/report.ps1') -Range '127.0.25.10-11' -Path $csv -ModulePath $modulePath
        $rows = Import-Csv $csv
        ($rows | ForEach-Object Address | Sort-Object) | Should -Be '127.0.25.10', '127.0.25.11'
        ($rows | Where-Object Address -EQ '127.0.25.10').TotalKwh | Should -Not -BeNullOrEmpty
    }
}

Describe 'examples/provision-from-csv.ps1' {
    It 'provisions the units of a CSV through the simulated radio and reports the failing row' {
        $units = Start-MideaSimulator -ApMode -Address 127.0.25.30 -Count 2 -HomeAddress 127.0.25.130 -JoinDelaySeconds 0.2
        $csv = Join-Path $TestDrive 'units.csv'
        @(
            $units | ForEach-Object { [pscustomobject]@{ ApSsid = $_.Name; Ssid = 'site'; Passphrase = 'site-passphrase'; CountryCode = 'GB' } }
            [pscustomobject]@{ ApSsid = 'net_ac_0000'; Ssid = 'site'; Passphrase = 'site-passphrase'; CountryCode = 'GB' }
        ) | Export-Csv $csv -NoTypeInformation
        $report = Join-Path $TestDrive 'provisioned.csv'
        $summary = & (Join-Path $repoRoot 'examples/provision-from-csv.ps1') -Csv $csv -Report $report -WaitForNetwork '127.0.25.130-131' -SimulatedWlan -ModulePath $modulePath
        $LASTEXITCODE | Should -Be 1
        $summary | Should -Be '3 units, 1 failed'
        $rows = Import-Csv $report
        $rows | Should -HaveCount 3
        ($rows | Where-Object ApSsid -EQ 'net_ac_0000').FailedStep | Should -Be 'JoinAp'
        ($rows | Where-Object Success -EQ 'True' | ForEach-Object NewAddress | Sort-Object) | Should -Be '127.0.25.130', '127.0.25.131'
        (Get-Content $report -Raw) | Should -Not -Match 'site-passphrase'
    }
}

Describe 'examples/demo.ps1' {
    It 'runs the main job end to end, exits 0 and shows no passphrase' {
        # The README's first command runs it; its units are on 127.0.0.x, free while this file runs.
        Push-Location $repoRoot
        try {
            $output = (dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $repoRoot 'examples/demo.ps1') -ModulePath $modulePath 2>&1) -join "`n"
            $exit = $LASTEXITCODE
        }
        finally {
            Pop-Location
        }
        $exit | Should -Be 0 -Because $output
        $output | Should -Match '=== Find-MideaDevice'
        $output | Should -Match 'Refused with ErrorId NotSupportedByUnit: 127\.0\.0\.23\S* '
        $output | Should -Match 'Refused with ErrorId NotSupportedByUnit: 127\.0\.0\.24\S* is a CommercialAc unit; -Turbo'
        $output | Should -Match 'FanLevel\s+: Level4'
        $output | Should -Not -Match 'Midea\.PowerShell\.Cmdlets' -Because 'a FullyQualifiedErrorId printed as text shows .NET, not the domain'
        $output | Should -Match 'net_ac_\w+ +True +127\.0\.0\.5\d'
        $output | Should -Not -Match 'demo-passphrase'
    }
}

Describe 'Help of the example scripts' {
    It '<Name> shows its synopsis in Get-Help' -ForEach @(
        Get-ChildItem (Join-Path $PSScriptRoot '../examples') -Filter *.ps1 |
            Where-Object Name -NotLike '*.Tests.ps1' | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
    ) {
        # Comment help directly under #Requires, without a blank line, is silently not help.
        $help = Get-Help $Path
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))" -Because 'a synopsis that is the syntax line means no help was found'
        $help.Synopsis | Should -Match '\w'
    }
}

