# The example of a user's own Pester test (examples/Invoke-CoolingPolicy.Tests.ps1) runs as a
# user would run it, in a child pwsh with its own Pester, against the built module. Its
# simulators use 127.0.27.x; this file starts none, and waits for each child, so they never overlap.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $script:repoRoot = Join-Path $PSScriptRoot '..'
    $script:exampleTest = Join-Path $repoRoot 'examples/Invoke-CoolingPolicy.Tests.ps1'
    $script:policy = Join-Path $repoRoot 'examples/Invoke-CoolingPolicy.ps1'
    # The Pester that runs this file, so the child runs the same version wherever it was installed.
    $script:pesterPath = Join-Path (Get-Command Invoke-Pester).Module.ModuleBase 'Pester.psd1'
    # Every It in the example. A test that is skipped, or never discovered, changes the count.
    $script:exampleTestCount = 8

    # The child writes Pester's counts to a file, so its console output cannot confuse them.
    $script:runner = Join-Path $TestDrive 'run-example.ps1'
    Set-Content $runner -Value @'
param($PesterPath, $TestPath, $ModulePath, $ScriptPath, $ResultPath)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath
$container = New-PesterContainer -Path $TestPath -Data @{ ModulePath = $ModulePath; ScriptPath = $ScriptPath }
$run = Invoke-Pester -Container $container -PassThru -Output None
[pscustomobject]@{
    Total  = $run.TotalCount
    Passed = $run.PassedCount
    Failed = @($run.Failed | ForEach-Object ExpandedName)
} | ConvertTo-Json | Set-Content $ResultPath
'@

    # Runs the example's test against the policy script at $ScriptPath and returns the counts.
    function Invoke-ExampleTest([string] $ScriptPath) {
        $resultPath = Join-Path $TestDrive "result-$([guid]::NewGuid()).json"
        Push-Location $repoRoot
        try {
            $output = dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterPath $pesterPath -TestPath $exampleTest `
                -ModulePath $modulePath -ScriptPath $ScriptPath -ResultPath $resultPath 2>&1
        }
        finally {
            Pop-Location
        }
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path $resultPath)) {
            throw "The example's test did not run (exit $LASTEXITCODE): $($output -join [Environment]::NewLine)"
        }
        Get-Content $resultPath -Raw | ConvertFrom-Json
    }

    # A copy of the policy with one deliberate bug, in the test drive. The text to break must be
    # found, or the "broken" copy would be the working script and prove nothing.
    function New-BrokenPolicy([string] $Find, [string] $Replace) {
        $text = Get-Content $policy -Raw
        if (-not $text.Contains($Find)) { throw "examples/Invoke-CoolingPolicy.ps1 no longer contains: $Find" }
        $path = Join-Path $TestDrive "broken-$([guid]::NewGuid()).ps1"
        Set-Content $path -Value $text.Replace($Find, $Replace) -NoNewline
        $path
    }
}

Describe 'examples/Invoke-CoolingPolicy.Tests.ps1' {
    It 'passes every one of its tests against the example script' {
        $run = Invoke-ExampleTest $policy
        $run.Failed | Should -BeNullOrEmpty
        $run.Total | Should -Be $exampleTestCount
        $run.Passed | Should -Be $exampleTestCount
    }

    It 'fails when the policy is broken: <Bug>' -ForEach @(
        @{ Bug = 'hot threshold inverted'; Find = '$room -gt $HotAbove'; Replace = '$room -lt $HotAbove'
            MustFail = 'switches an idle unit on in Cool at the target' }
        @{ Bug = 'cold threshold inverted'; Find = '$room -lt $ColdBelow'; Replace = '$room -gt $ColdBelow'
            MustFail = 'switches a cooling unit off and leaves an idle unit off' }
        @{ Bug = '-WhatIf not passed on'; Find = '-WhatIf:$WhatIfPreference'; Replace = '-WhatIf:$false'
            MustFail = 'with -WhatIf reports the decision and changes nothing' }
        @{ Bug = 'stops at the first unreachable unit'
            Find = 'Get-MideaState -Address $UnitAddress -TimeoutSeconds $TimeoutSeconds -ErrorAction SilentlyContinue'
            Replace = 'Get-MideaState -Address $UnitAddress -TimeoutSeconds $TimeoutSeconds -ErrorAction Stop'
            MustFail = 'reports an unreachable unit and still handles the others' }
    ) {
        $run = Invoke-ExampleTest (New-BrokenPolicy $Find $Replace)
        $run.Total | Should -Be $exampleTestCount
        $run.Failed | Should -Contain $MustFail
    }
}
