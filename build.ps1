#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the Midea module.
.DESCRIPTION
    Build: lays out output/Midea/<version>/ (manifest, format file, Midea.dll; private
           assemblies under dependencies/; help generated from docs/help by build/New-MamlHelp.ps1)
           and the standalone simulator under output/simulator/.
    Test:  Build, then xunit and Pester (in a child pwsh, against the built module); prints
           one final line "N passed, N failed" and exits non-zero on any failure.
    Demo:  Build, then runs examples/demo.ps1 against simulated units on 127.0.0.x.
    TestExamples: Build, then the Pester tests of the example scripts (examples/*.Tests.ps1),
           with the Pester that Test fetches, against the built module; prints one final line
           "N passed, N failed" and exits non-zero on any failure.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'TestExamples')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$InformationPreference = 'Continue'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_UPDATECHECK = 'Off'

$root = $PSScriptRoot
$output = Join-Path $root 'output'
$version = (Import-PowerShellDataFile (Join-Path $root 'Midea.psd1')).ModuleVersion
$moduleDir = Join-Path $output "Midea/$version"
$pesterVersion = '5.7.1'
# The xunit projects under tests/, run one after another, each into a TRX of its own (<name>.trx).
$unitProjects = @('Midea.Protocol.Tests', 'Midea.Simulator.Tests', 'Midea.PowerShell.Tests')

function Invoke-Native([string] $What, [scriptblock] $Command) {
    Write-Information "==> $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    $publish = Join-Path $output 'publish'
    Remove-Item -Recurse -Force (Join-Path $output 'Midea'), $publish -ErrorAction SilentlyContinue
    Invoke-Native "Publishing Midea $version" {
        dotnet publish (Join-Path $root 'src/Midea.PowerShell') -c $Configuration -p:Version=$version -o $publish --nologo -v quiet
    }
    Invoke-Native 'Publishing the standalone simulator' {
        dotnet publish (Join-Path $root 'src/Midea.Simulator.Host') -c $Configuration -p:Version=$version -o (Join-Path $output 'simulator') --nologo -v quiet
    }
    $dependencies = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'dependencies')
    Copy-Item (Join-Path $root 'Midea.psd1'), (Join-Path $root 'Midea.Format.ps1xml'), (Join-Path $root 'Midea.Types.ps1xml') $moduleDir
    Copy-Item (Join-Path $publish 'Midea.dll'), (Join-Path $publish 'Midea.pdb') $moduleDir
    # Everything Midea.dll depends on goes under dependencies/, away from the shared load context.
    Get-ChildItem $publish -Filter *.dll | Where-Object Name -ne 'Midea.dll' | Copy-Item -Destination $dependencies
    $helpDir = New-Item -ItemType Directory -Force (Join-Path $moduleDir 'en-US')
    Copy-Item (Join-Path $root 'docs/help/about_Midea.help.txt') $helpDir
    # MAML from docs/help/*.md plus the compiled cmdlets' own parameter facts; in a child pwsh
    # because it imports the module, which the build process must not load.
    Invoke-Native 'Generating help from docs/help' {
        dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'build/New-MamlHelp.ps1') -ModulePath (Join-Path $moduleDir 'Midea.psd1') `
            -SourcePath (Join-Path $root 'docs/help') -OutputPath (Join-Path $helpDir 'Midea.dll-Help.xml')
    }
    $null = Test-ModuleManifest (Join-Path $moduleDir 'Midea.psd1')
    Write-Information "Module laid out in $moduleDir"
}

function Get-PesterModule {
    $target = Join-Path $output "modules/Pester/$pesterVersion"
    if (-not (Test-Path (Join-Path $target 'Pester.psd1'))) {
        # Midea.Protocol.Tests downloads the Pester NuGet package (PackageDownload); its tools/ folder is the module.
        foreach ($project in $unitProjects) {
            Invoke-Native "Restoring the test packages of $project" { dotnet restore (Join-Path $root "tests/$project") --nologo -v quiet }
        }
        $cache = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
        $tools = Join-Path $cache.Trim() "pester/$pesterVersion/tools"
        if (-not (Test-Path (Join-Path $tools 'Pester.psd1'))) { throw "Pester $pesterVersion was not found at $tools after restore." }
        $null = New-Item -ItemType Directory -Force $target
        Copy-Item -Recurse (Join-Path $tools '*') $target
        # The isolation test loads this older BouncyCastle before the module (PackageDownload too).
        $bouncy = Join-Path $cache.Trim() 'bouncycastle.cryptography/2.4.0/lib/netstandard2.0/BouncyCastle.Cryptography.dll'
        if (-not (Test-Path $bouncy)) { throw "BouncyCastle.Cryptography 2.4.0 was not found at $bouncy after restore." }
        $bouncyTarget = Join-Path $output 'modules/BouncyCastle.Cryptography/2.4.0'
        $null = New-Item -ItemType Directory -Force $bouncyTarget
        Copy-Item $bouncy $bouncyTarget
    }
    Join-Path $target 'Pester.psd1'
}

function Invoke-Test {
    $results = Join-Path $output 'TestResults'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force $results
    $unitExit = 1; $pesterExit = 1
    try {
        $pester = Get-PesterModule

        $unitExit = 0
        foreach ($project in $unitProjects) {
            Write-Information "==> xunit: $project"
            dotnet test (Join-Path $root "tests/$project") -c $Configuration --nologo -v quiet `
                --logger "trx;LogFileName=$project.trx" --results-directory $results
            if ($LASTEXITCODE -ne 0) { $unitExit = $LASTEXITCODE }
        }

        Write-Information '==> Pester (child process, against the built module)'
        dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'tests/Invoke-PesterSuite.ps1') `
            -PesterPath $pester -ModulePath (Join-Path $moduleDir 'Midea.psd1') `
            -ResultPath (Join-Path $results 'pester.xml') -CountPath (Join-Path $results 'pester.json')
        $pesterExit = $LASTEXITCODE
    }
    catch {
        Write-Warning "The test run broke off: $($_.Exception.Message)"
    }
    finally {
        # The summary line is printed whatever failed above, so CI always has its count.
        $counts = Get-TestCounts $results
        Write-Output ('{0} passed, {1} failed' -f $counts.Passed, $counts.Failed)
    }
    if ($counts.Failed -gt 0 -or $unitExit -ne 0 -or $pesterExit -ne 0) { exit 1 }
}

# Counts from each xunit project's TRX and the Pester runner's JSON, summed; a missing or unreadable
# file counts as one failure, so a project that never ran cannot pass unnoticed.
function Get-TestCounts([string] $Results) {
    $passed = 0; $failed = 0
    foreach ($project in $unitProjects) {
        try {
            $counters = ([xml](Get-Content -Raw (Join-Path $Results "$project.trx"))).TestRun.ResultSummary.Counters
            $passed += [int]$counters.passed
            $failed += [int]$counters.failed
            Write-Information ('    {0}: {1} passed, {2} failed' -f $project, $counters.passed, $counters.failed)
        }
        catch { Write-Warning "No xunit results of ${project}: $($_.Exception.Message)"; $failed++ }
    }
    try {
        $pester = Get-Content -Raw (Join-Path $Results 'pester.json') | ConvertFrom-Json
        $passed += [int]$pester.Passed
        $failed += [int]$pester.Failed
        Write-Information ('    Pester: {0} passed, {1} failed' -f $pester.Passed, $pester.Failed)
    }
    catch { Write-Warning "No Pester results: $($_.Exception.Message)"; $failed++ }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Demo {
    Invoke-Native 'Demo against simulated units on 127.0.0.x' {
        dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'examples/demo.ps1') -ModulePath (Join-Path $moduleDir 'Midea.psd1')
    }
}

# The pinned PowerShell has no Pester, so a user's way to run the examples' tests (README,
# "Unattended scripts"). The runner is a script of its own so the tests can run it too.
function Invoke-TestExamples {
    $pester = Get-PesterModule
    Write-Information '==> Pester: examples/*.Tests.ps1 (child process, against the built module)'
    dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'build/Invoke-ExampleTests.ps1') `
        -PesterPath $pester -ModulePath (Join-Path $moduleDir 'Midea.psd1')
    if ($LASTEXITCODE -ne 0) { exit 1 }
}

Push-Location $root
try {
    Invoke-Build
    switch ($Task) {
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'TestExamples' { Invoke-TestExamples }
    }
}
finally {
    Pop-Location
}
