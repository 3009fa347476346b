#Requires -Version 7.4
# Runs the Pester tests of the example scripts (examples/*.Tests.ps1) against a given Midea
# module; called by `build.ps1 -Task TestExamples` in a child pwsh, so the build process never
# loads Midea.dll. Each test file gets the module as its ModulePath parameter, the way a user
# passes a module that is not installed. Prints one final line "N passed, N failed" and exits 1
# when a test failed, or when none ran (a file that no longer finds its tests must not pass).
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    # The test files; the tests of this repository give a folder of their own.
    [string] $Path = (Join-Path $PSScriptRoot '../examples/*.Tests.ps1')
)
$ErrorActionPreference = 'Stop'
# Full paths: Import-Module takes a relative path without ./ for a module name.
$PesterPath = (Resolve-Path $PesterPath).Path
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module $PesterPath -Force
$files = @(Get-ChildItem -Path $Path -File)
if ($files.Count -eq 0) { Write-Error "No test files at $Path." -ErrorAction Continue; '0 passed, 0 failed'; exit 1 }

$config = New-PesterConfiguration
$config.Run.Container = @($files | ForEach-Object { New-PesterContainer -Path $_.FullName -Data @{ ModulePath = $ModulePath } })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$run = Invoke-Pester -Configuration $config

# A failed BeforeAll or a file that does not load fails no single test, so it counts as well.
$failed = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount
'{0} passed, {1} failed' -f $run.PassedCount, $failed
if ($failed -gt 0 -or $run.PassedCount -eq 0) { exit 1 }
