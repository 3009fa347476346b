#Requires -Version 7.4
# Runs every tests/*.Tests.ps1 against the built module; called by build.ps1 in a child pwsh
# so the build process never loads Midea.dll. Writes the counts to $CountPath (read by build.ps1,
# so its summary line never depends on the XML report) and a JUnit report to $ResultPath.
# Exits with Pester's failure count.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $CountPath,
    [string] $TestPath = $PSScriptRoot
)
$ErrorActionPreference = 'Stop'
# Failure messages go into an XML report: no terminal escape codes in them, here or in the
# child pwsh processes that tests start (they inherit NO_COLOR).
$PSStyle.OutputRendering = 'PlainText'
$env:NO_COLOR = '1'
Import-Module $PesterPath -Force
$env:MIDEA_TEST_MODULE = $ModulePath
$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $config
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -Path $CountPath
# XML cannot hold control characters such as ESC, and a test that fails with a child process's
# coloured text carries them; they are stripped from what the report writes.
foreach ($item in @($result.Failed) + @($result.FailedBlocks) + @($result.FailedContainers)) {
    foreach ($record in @($item.ErrorRecord)) {
        foreach ($name in 'DisplayErrorMessage', 'DisplayStackTrace') {
            $property = $record.PSObject.Properties[$name]
            if ($property -and $property.Value -is [string]) {
                $property.Value = $property.Value -replace '\x1B\[[0-9;?]*[ -/]*[@-~]', '' -replace '[\x00-\x08\x0B\x0C\x0E-\x1F]', ''
            }
        }
    }
}
# Written beside, then moved: a report is whole or absent, never cut off half-way.
$partial = "$ResultPath.partial"
try {
    $result | Export-JUnitReport -Path $partial
    Move-Item -Force $partial $ResultPath
}
catch {
    # The counts above already stand; a report that cannot be written costs only the report.
    Remove-Item $partial -ErrorAction SilentlyContinue
    Write-Warning "The JUnit report could not be written: $($_.Exception.Message)"
}
exit $failed
