# How a user runs the tests of the example scripts (README, "Unattended scripts"): the pinned
# PowerShell has no Pester, so the README names `build.ps1 -Task TestExamples` and the
# Import-Module/Invoke-Pester lines that use the Pester the build fetched. The README's lines run
# verbatim in a child `dotnet pwsh` in the checkout; the task's runner (build/Invoke-ExampleTests.ps1,
# everything the task does after the build) runs against the examples and against failing tests
# in $TestDrive. The examples' simulators use 127.0.27.x; each child is waited for, so they never overlap.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:moduleDir = (Get-Module Midea).ModuleBase
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    $script:runner = Join-Path $repoRoot 'build/Invoke-ExampleTests.ps1'
    # The Pester that runs this file, for the runner.
    $script:pesterPath = Join-Path (Get-Command Invoke-Pester).Module.ModuleBase 'Pester.psd1'
    # Every It in examples/Invoke-CoolingPolicy.Tests.ps1 (tests/UserScript.Tests.ps1 counts them too).
    $script:exampleTestCount = 8

    # The README paragraph about the example's test, and its inline code as Markdown shows it
    # (a code span broken over two lines reads as one line with a space).
    $paragraph = ((Get-Content -Raw (Join-Path $repoRoot 'README.md')) -split '(?:\r?\n){2,}') |
        Where-Object { $_ -match '`examples/Invoke-CoolingPolicy\.Tests\.ps1` shows how' }
    $script:spans = @([regex]::Matches("$paragraph", '`([^`]+)`') | ForEach-Object { $_.Groups[1].Value -replace '\s*\r?\n\s*', ' ' })

    # Runs a child `dotnet pwsh` in the checkout; returns its exit code and output lines.
    function Invoke-Child([string[]] $Arguments) {
        Push-Location $repoRoot
        try { $output = dotnet pwsh -NoProfile -NonInteractive @Arguments 2>&1 }
        finally { Pop-Location }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
    }
}

Describe 'README: testing your own scripts' {
    It 'names a build.ps1 task that exists' {
        $task = $spans | Where-Object { $_ -match '^dotnet pwsh \./build\.ps1 -Task (\w+)$' }
        $task | Should -HaveCount 1 -Because 'the paragraph names the task that runs the examples'' tests'
        $null = $task -match '-Task (\w+)$'
        (Get-Command (Join-Path $repoRoot 'build.ps1')).Parameters['Task'].Attributes.ValidValues | Should -Contain $Matches[1]
    }

    It 'runs the example''s tests with its Import-Module and Invoke-Pester lines, as written' {
        $lines = @($spans | Where-Object { $_ -like 'Import-Module ./output/modules/Pester/*' -or $_ -like 'Invoke-Pester *' })
        $lines | Should -HaveCount 2
        # They use the build these tests run against; the Pester is the one build.ps1 fetches (Test, TestExamples).
        $lines[1] -match "ModulePath = '([^']+)'" | Should -BeTrue
        (Resolve-Path (Join-Path $repoRoot $Matches[1])).Path | Should -Be (Join-Path $moduleDir 'Midea.psd1')
        $childScript = Join-Path $TestDrive 'readme-example-tests.ps1'
        # Stop turns an error in a README line into exit 1; plain text keeps escape codes out of reports.
        Set-Content $childScript -Value (@("`$ErrorActionPreference = 'Stop'", "`$PSStyle.OutputRendering = 'PlainText'") + $lines)
        $run = Invoke-Child '-File', $childScript
        $log = $run.Output -join "`n"
        $run.ExitCode | Should -Be 0 -Because $log
        $run.Output | Should -Contain "Tests Passed: $exampleTestCount, Failed: 0, Skipped: 0, Inconclusive: 0, NotRun: 0" -Because $log
    }
}

Describe 'build.ps1 -Task TestExamples (its runner)' {
    It 'passes every test of examples/*.Tests.ps1 against the built module and says so last' {
        $run = Invoke-Child '-File', $runner, '-PesterPath', $pesterPath, '-ModulePath', (Join-Path $moduleDir 'Midea.psd1')
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -Be "$exampleTestCount passed, 0 failed"
    }

    It 'exits 1 with the counts when a test fails, and gives each file the module path' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'failing')
        $modulePath = Join-Path $moduleDir 'Midea.psd1'
        Set-Content (Join-Path $folder 'Mixed.Tests.ps1') -Value @"
param([string] `$ModulePath)
Describe 'a user''s script' {
    It 'gets the module path' { `$ModulePath | Should -Be '$modulePath' }
    It 'fails' { 1 | Should -Be 2 }
}
"@
        $run = Invoke-Child '-File', $runner, '-PesterPath', $pesterPath, '-ModulePath', $modulePath, '-Path', (Join-Path $folder '*.Tests.ps1')
        $run.ExitCode | Should -Be 1 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -Be '1 passed, 1 failed'
    }

    It 'exits 1 when a test file fails before its tests run' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'broken')
        Set-Content (Join-Path $folder 'Broken.Tests.ps1') -Value @'
param([string] $ModulePath)
BeforeAll { throw 'the module did not load' }
Describe 'a user''s script' { It 'never runs' { } }
'@
        $run = Invoke-Child '-File', $runner, '-PesterPath', $pesterPath, '-ModulePath', (Join-Path $moduleDir 'Midea.psd1'), '-Path', (Join-Path $folder '*.Tests.ps1')
        $run.ExitCode | Should -Be 1 -Because ($run.Output -join "`n")
        $run.Output[-1] | Should -Match '^0 passed, [1-9]\d* failed$'
    }
}
