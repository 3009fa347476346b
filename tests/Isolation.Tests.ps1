# Dependency isolation: with an older BouncyCastle 2.x already loaded by someone else, the module
# still loads its own into the "Midea" load context and works. Runs in a child process, because
# this one has loaded the module already. 127.0.21.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $script:olderBouncy = Join-Path (Split-Path (Split-Path (Split-Path $modulePath))) 'modules/BouncyCastle.Cryptography/2.4.0/BouncyCastle.Cryptography.dll'
}

Describe 'Dependency isolation' {
    It 'works with BouncyCastle 2.4.0 loaded before it, and keeps its own 2.7.0 apart' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $olderBouncy | Should -Exist
        $script = @'
$ErrorActionPreference = 'Stop'
Add-Type -Path '{0}'
Import-Module '{1}'
$unit = Start-MideaSimulator -Address 127.0.21.10
$found = Find-MideaDevice -Address 127.0.21.10 -TimeoutSeconds 3
$state = $found | Get-MideaState -Token $unit.Token -Key $unit.Key
'state:' + $state.Id + ':' + $unit.Id
foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object {{ $_.GetName().Name -eq 'BouncyCastle.Cryptography' }}) {{
    # Both carry the same assembly version (2.0 with zero build and revision); the file version tells them apart.
    $file = [Diagnostics.FileVersionInfo]::GetVersionInfo($assembly.Location).FileVersion
    'bc:' + ($file -replace '^(\d+\.\d+).*', '$1') + ':' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
}}
Stop-MideaSimulator
'@ -f $olderBouncy, $modulePath
        $output = dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $state = $output | Where-Object { $_ -like 'state:*' }
        $state | Should -Match '^state:(\d+):\1$'
        $output | Should -Contain 'bc:2.4:Default'
        $output | Should -Contain 'bc:2.7:Midea'
    }
}
