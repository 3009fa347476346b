# Dot-sourced by every *.Tests.ps1: imports the BUILT module (never the sources).
# build.ps1 passes its path in MIDEA_TEST_MODULE; a manual run falls back to output/.
function Import-BuiltMidea {
    $path = $env:MIDEA_TEST_MODULE
    if (-not $path) { $path = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName }
    Import-Module $path -Force -ErrorAction Stop
}
