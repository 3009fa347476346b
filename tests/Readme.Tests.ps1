# README code blocks run verbatim, the way a user pastes them: line by line into a fresh
# `dotnet pwsh` at the top of the checkout, after the build. Loopback only (127.0.0.2-4).
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    $script:readme = Get-Content -Raw (Join-Path $repoRoot 'README.md')

    # The first ```powershell block after a heading, as written.
    function script:Get-ReadmeBlock([string] $Heading) {
        $match = [regex]::Match($readme, "(?ms)^#+ $([regex]::Escape($Heading))\r?\n.*?^``````powershell\r?\n(.*?)^``````")
        if (-not $match.Success) { throw "README.md has no powershell block under '$Heading'." }
        $match.Groups[1].Value
    }

    # Pasted into an interactive-style session (-Command -): each line runs and shows its output
    # on its own, as at a prompt. A Midea module found by name comes from this build.
    function script:Invoke-Pasted([string] $Block) {
        $errors = Join-Path $TestDrive "stderr-$([guid]::NewGuid()).txt"
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = (Join-Path $repoRoot 'output') + [IO.Path]::PathSeparator + $saved
            Push-Location $repoRoot
            $out = $Block | dotnet pwsh -NoProfile -Command - 2> $errors
            $exit = $LASTEXITCODE
        }
        finally {
            Pop-Location
            $env:PSModulePath = $saved
        }
        [pscustomobject]@{
            # Strip the console's mode switches and colours, so the text reads as on screen.
            Text   = (@($out) -join "`n") -replace '\x1B\[[0-9;?]*[ -/]*[@-~]', ''
            Errors = (Get-Content -Raw $errors -ErrorAction SilentlyContinue) + ''
            Exit   = $exit
        }
    }
}

Describe 'README "Using it"' {
    BeforeAll {
        $script:run = Invoke-Pasted (Get-ReadmeBlock 'Using it')
    }

    It 'runs without an error' {
        $run.Errors.Trim() | Should -BeNullOrEmpty
        $run.Exit | Should -Be 0
    }

    It 'shows the output of each step: units found, the CSV read back, a V3 state, the change and its -WhatIf' {
        $run.Text | Should -Match 'net_ac_0002[^\n]*V2'
        $run.Text | Should -Match 'net_ac_0003[^\n]*V3'
        # Numbers as the user's culture writes them (22.5 or 22,5).
        $run.Text | Should -Match '(?m)^127\.0\.0\.2\s+(True|False)\s+\w+\s+[\d.,]+\s+[\d.,]+\s*$'
        $run.Text | Should -Match '(?m)^127\.0\.0\.3\s+(On|Off)\s+'
        $run.Text | Should -Match '(?m)^127\.0\.0\.2\s+On\s+Cool\s+22[.,]5\s'
        $run.Text | Should -Match 'What if: Performing the operation "Set Power=False" on target "127\.0\.0\.2"'
    }

    It 'leaves nothing behind: no CSV in the checkout' {
        Join-Path $repoRoot 'states.csv' | Should -Not -Exist
    }
}

Describe 'README "Unattended scripts"' {
    It 'exits 1 and names the ErrorId when a unit fails' {
        # Nothing runs at 127.0.0.2 here, so the unit fails as a scheduled job would see it.
        $run = Invoke-Pasted (Get-ReadmeBlock 'Unattended scripts')
        $run.Exit | Should -Be 1
        $run.Text | Should -Match 'DeviceUnreachable,Midea\.PowerShell\.Cmdlets\.GetMideaStateCommand'
    }
}

Describe 'README "Commercial units (0xCC)"' {
    It 'reads both families in one table, changes the commercial unit and shows the refusal' {
        $run = Invoke-Pasted (Get-ReadmeBlock 'Commercial units (0xCC)')
        $run.Errors.Trim() | Should -BeNullOrEmpty
        $run.Exit | Should -Be 0
        $run.Text | Should -Match '(?m)^127\.0\.0\.2\s+(On|Off)\s+\w+\s+[\d.,]+\s+[\d.,]+\s+(Level\d|Auto)\s'
        $run.Text | Should -Match '(?m)^127\.0\.0\.3\s+(On|Off)\s+'
        $run.Text | Should -Match 'Type\s+: CommercialAc'
        $run.Text | Should -Match 'FanLevel\s+: Level4'
        $run.Text | Should -Match 'VerticalSwingAngle\s+: Auto'
        $run.Text | Should -Match 'AuxHeatModes\s+: \{'
        $run.Text | Should -Match 'CommercialAc unit; -Turbo is for air conditioners \(AirConditioner, 0xAC\) only\. Nothing was sent\.'
    }
}

Describe 'README "Watching units"' {
    It 'writes the change made with the remote, pushed, and closes the session after the watch' {
        $run = Invoke-Pasted (Get-ReadmeBlock 'Watching units')
        $run.Errors | Should -BeNullOrEmpty
        $run.Exit | Should -Be 0
        $run.Text | Should -Match '127\.0\.0\.4\s+Changed\s+Push\s+Power: False -> True; Mode: Cool -> Heat'
        # Get-MideaOption after the watch: defaults, and no session left open.
        $run.Text | Should -Match '(?m)^\s*60\s+3600\s+0\s*$'
    }
}
