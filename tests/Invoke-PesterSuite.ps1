#Requires -Version 7.4
# Runs every tests/*.Tests.ps1 against the built module; called by build.ps1 in a child pwsh
# so the build process never loads Midea.dll. Exits with Pester's failure count.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
$env:MIDEA_TEST_MODULE = $ModulePath
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.Exit = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'JUnitXml'
$config.TestResult.OutputPath = $ResultPath
Invoke-Pester -Configuration $config
