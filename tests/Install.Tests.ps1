# The install round trip: publish the built module to a folder repository, then install it in a
# throw-away HOME with both Install-PSResource and Install-Module, import it by name, and run the
# main flow against the simulator. Only local folders and 127.0.22.x are used.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:moduleDir = (Get-Module Midea).ModuleBase
    $script:expected = (Import-PowerShellDataFile (Join-Path $moduleDir 'Midea.psd1')).CmdletsToExport | Sort-Object
    $script:repoRoot = Join-Path $PSScriptRoot '..'
}

Describe 'Install round trip' {
    It 'installs from a folder repository with <Installer> and runs the main flow' -Skip:(-not $IsLinux -and -not $IsMacOS) -ForEach @(
        @{ Installer = 'Install-PSResource' }
        @{ Installer = 'Install-Module' }
    ) {
        $repo = Join-Path $TestDrive "repo-$Installer"
        $home2 = Join-Path $TestDrive "home-$Installer"
        $null = New-Item -ItemType Directory -Force $repo, $home2
        $install = if ($Installer -eq 'Install-PSResource') {
            "Register-PSResourceRepository -Name MideaTest -Uri '$repo' -Trusted; Install-PSResource -Name Midea -Repository MideaTest -TrustRepository -Scope CurrentUser"
        }
        else {
            "Register-PSRepository -Name MideaTest -SourceLocation '$repo' -InstallationPolicy Trusted; Install-Module -Name Midea -Repository MideaTest -Scope CurrentUser"
        }
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name MideaPublish -Uri '$repo' -Trusted
Publish-PSResource -Path '$moduleDir' -Repository MideaPublish
Unregister-PSResourceRepository -Name MideaPublish
$install
Import-Module Midea
'base:' + (Get-Module Midea).ModuleBase
(Get-Command -Module Midea | ForEach-Object Name | Sort-Object) -join ','
`$unit = Start-MideaSimulator -Address 127.0.22.10
`$state = Find-MideaDevice -Address 127.0.22.10 -TimeoutSeconds 3 | Get-MideaState -Token `$unit.Token -Key `$unit.Key
'state:' + `$state.Id + ':' + `$unit.Id
'help:' + (Get-Help Set-MideaWifi).Synopsis
'about:' + [bool]((Get-Help about_Midea | Out-String) -match 'about_Midea')
Stop-MideaSimulator
"@
        $scriptFile = Join-Path $TestDrive "install-$Installer.ps1"
        Set-Content -Path $scriptFile -Value $script
        # The child keeps the dotnet tool and NuGet cache of this machine, but gets its own HOME.
        $cache = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $saved = @{ HOME = $env:HOME; DOTNET_CLI_HOME = $env:DOTNET_CLI_HOME; NUGET_PACKAGES = $env:NUGET_PACKAGES }
        $stray = Join-Path $repoRoot 'NuGet'
        $strayExisted = Test-Path $stray
        try {
            $env:DOTNET_CLI_HOME = if ($saved.DOTNET_CLI_HOME) { $saved.DOTNET_CLI_HOME } else { $saved.HOME }
            $env:NUGET_PACKAGES = $cache
            $env:HOME = $home2
            Push-Location $repoRoot
            $output = dotnet pwsh -NoProfile -NonInteractive -File $scriptFile 2>&1
            $exit = $LASTEXITCODE
        }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { Set-Item "env:$name" $saved[$name] }
            # With HOME moved, NuGet writes NuGet/NuGet.Config into the working directory; remove what this test created.
            if (-not $strayExisted -and (Test-Path $stray)) { Remove-Item $stray -Recurse -Force }
        }
        $exit | Should -Be 0 -Because ($output -join "`n")
        ($output | Where-Object { $_ -like 'base:*' }) | Should -BeLike "base:$home2*"
        $output | Should -Contain ($expected -join ',')
        ($output | Where-Object { $_ -like 'state:*' }) | Should -Match '^state:(\d+):\1$'
        # Help travels with the package: a real synopsis (not the generated syntax line) and the about topic.
        ($output | Where-Object { $_ -like 'help:*' }) | Should -Match '^help:[A-Z][^\[]+\.$'
        $output | Should -Contain 'about:True'
    }
}
