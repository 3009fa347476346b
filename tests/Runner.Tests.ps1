# The suite's own runner: counts and report survive failures whose text carries terminal escape
# codes (a child pwsh's coloured error, say), which once broke the XML report and the summary line.
Describe 'Invoke-PesterSuite.ps1' {
    It 'writes the counts and a readable report when a failure message holds escape codes' {
        $suite = Join-Path $TestDrive 'suite'
        $null = New-Item -ItemType Directory $suite
        Set-Content (Join-Path $suite 'Sample.Tests.ps1') @'
Describe 'sample' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails in colour' { throw "red: $([char]27)[31mbroken$([char]27)[0m" }
}
'@
        $pester = (Get-Module Pester).Path
        $json = Join-Path $TestDrive 'counts.json'
        $xml = Join-Path $TestDrive 'report.xml'
        $out = dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Invoke-PesterSuite.ps1') -PesterPath $pester `
            -ModulePath 'unused' -ResultPath $xml -CountPath $json -TestPath $suite 2>&1
        $LASTEXITCODE | Should -Be 1 -Because ($out -join "`n")
        $counts = Get-Content -Raw $json | ConvertFrom-Json
        $counts.Passed | Should -Be 1
        $counts.Failed | Should -Be 1
        $report = [xml](Get-Content -Raw $xml)
        $report.testsuites.failures | Should -Be 1
        (Get-Content -Raw $xml).Contains([char]27) | Should -BeFalse
    }
}
