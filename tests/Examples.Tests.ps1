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
