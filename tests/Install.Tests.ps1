# The install round trip as README.md's "Installing" section tells it: its PowerShell blocks run
# verbatim in a child `dotnet pwsh` whose HOME and XDG_* folders are in $TestDrive, once per
# installer (Install-PSResource, Install-Module). The child then imports Midea by name and runs
# the main flow against a simulator on 127.0.22.10. Only local folders and 127.0.22.x are used.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:moduleDir = (Get-Module Midea).ModuleBase
    $script:expected = (Import-PowerShellDataFile (Join-Path $moduleDir 'Midea.psd1')).CmdletsToExport | Sort-Object
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path

    # The ```powershell blocks of one "## " section of the README, in order, as written.
    function Get-ReadmeBlock([string] $Section) {
        $blocks = [Collections.Generic.List[string]]::new()
        $inSection = $false; $code = $null
        foreach ($line in Get-Content (Join-Path $repoRoot 'README.md')) {
            if ($null -ne $code) {
                if ($line -eq '```') { $blocks.Add($code -join "`n"); $code = $null } else { $code += $line }
            }
            elseif ($line -match '^## ') { $inSection = $line -eq "## $Section" }
            elseif ($inSection -and $line -eq '```powershell') { $code = @() }
        }
        if ($null -ne $code) { throw "README.md: a code block in '## $Section' is not closed." }
        , $blocks.ToArray()
    }

    $script:blocks = Get-ReadmeBlock 'Installing'
    $script:setupBlock = @($blocks | Where-Object { $_ -match 'Publish-PSResource' })
    $script:cleanupBlock = @($blocks | Where-Object { $_ -match 'Unregister-' })
    $script:routeBlock = @{
        'Install-PSResource' = @($blocks | Where-Object { $_ -match '(?m)^Install-PSResource ' })
        'Install-Module'     = @($blocks | Where-Object { $_ -match '(?m)^Install-Module ' })
    }

    # Where the CALLER's PowerShell keeps what the README's commands would change, so the test can
    # show they are untouched: PSResourceGet's repository list (LocalApplicationData; on Linux
    # XDG_DATA_HOME), PowerShellGet v2's (PowerShell's CACHE folder; on Linux XDG_CACHE_HOME), the
    # user's modules, the temp folder the README's repository would go to, and the checkout.
    function Get-CallerState {
        $psResourceList = Join-Path ([Environment]::GetFolderPath('LocalApplicationData', 'DoNotVerify')) 'PSResourceGet/PSResourceRepository.xml'
        $psGetList = Join-Path ([Management.Automation.Platform]::SelectProductNameForDirectory('CACHE')) 'PowerShellGet/PSRepositories.xml'
        $userMidea = Join-Path ([Management.Automation.Platform]::SelectProductNameForDirectory('USER_MODULES')) 'Midea'
        [pscustomobject]@{
            PSResourceGetList = if (Test-Path $psResourceList) { Get-Content -Raw $psResourceList } else { '(none)' }
            PowerShellGetList = if (Test-Path $psGetList) { Get-Content -Raw $psGetList } else { '(none)' }
            UserMidea         = @(Get-ChildItem -Recurse -Force -Name $userMidea -ErrorAction SilentlyContinue) -join "`n"
            TempRepo          = Test-Path (Join-Path ([IO.Path]::GetTempPath()) 'midea-repo')
            Checkout          = @(Get-ChildItem -Recurse -Force -Name $repoRoot | Where-Object { $_ -ne '.git' -and $_ -notlike '.git/*' }) -join "`n"
        }
    }

    # Runs a script in a child `dotnet pwsh` in the checkout with HOME in $HomePath. Every XDG_*
    # variable of the caller is dropped and the three PowerShell reads are set under the new HOME,
    # or the child would install into, and register repositories in, the caller's folders.
    # TMPDIR moves too, so the README's [IO.Path]::GetTempPath() folder lands in $TestDrive.
    # $CallerEnvironment stands for variables a user may have set; this process's own environment
    # is never changed, so there is nothing to restore.
    function Invoke-IsolatedPwsh([string] $ScriptPath, [string] $HomePath, [hashtable] $CallerEnvironment = @{}) {
        $folders = @{
            XDG_DATA_HOME   = Join-Path $HomePath '.local/share'
            XDG_CONFIG_HOME = Join-Path $HomePath '.config'
            XDG_CACHE_HOME  = Join-Path $HomePath '.cache'
            TMPDIR          = Join-Path $HomePath 'tmp'
        }
        # Created up front, as in a lived-in HOME: .NET reports a missing LocalApplicationData as
        # '', and PSResourceGet then writes PSResourceGet/PSResourceRepository.xml into the
        # working directory, the checkout.
        # (On macOS, .NET's LocalApplicationData is ~/Library/Application Support.)
        $null = New-Item -ItemType Directory -Force -Path (@($HomePath, (Join-Path $HomePath 'Library/Application Support')) + $folders.Values)
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in 'pwsh', '-NoProfile', '-NonInteractive', '-File', $ScriptPath) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $repoRoot
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $vars = $start.Environment
        foreach ($name in $CallerEnvironment.Keys) { $vars[$name] = $CallerEnvironment[$name] }
        foreach ($name in @($vars.Keys)) { if ($name -like 'XDG_*') { $null = $vars.Remove($name) } }
        foreach ($name in $folders.Keys) { $vars[$name] = $folders[$name] }
        # The child still finds the pinned dotnet tool: the same NuGet cache and dotnet CLI home.
        $vars['NUGET_PACKAGES'] = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $vars['DOTNET_CLI_HOME'] = if ($env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME } else { $env:HOME }
        $vars['HOME'] = $HomePath
        $process = [Diagnostics.Process]::Start($start)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(600000)) { $process.Kill($true); throw "The child pwsh ran 10 minutes: $ScriptPath" }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result -split '\r?\n'; Errors = $stderr.Result.Trim() }
    }

    # Each reported line from the child is "name:value"; returns the value of the one named.
    function Get-Reported([string[]] $Output, [string] $Name) {
        $line = @($Output | Where-Object { $_ -like "${Name}:*" })
        if ($line.Count -ne 1) { return "(reported $($line.Count) times)" }
        $line[0].Substring($Name.Length + 1)
    }
}

Describe 'README "Installing"' {
    It 'has one setup, one cleanup and one block per installer, and the tests run all of them' {
        $setupBlock | Should -HaveCount 1
        $cleanupBlock | Should -HaveCount 1
        $routeBlock['Install-PSResource'] | Should -HaveCount 1
        $routeBlock['Install-Module'] | Should -HaveCount 1
        # A block added to the section that none of the above is, would go untested.
        $blocks | Should -HaveCount 4
    }

    It 'publishes the build these tests run against' {
        $setupBlock[0] -match 'Publish-PSResource -Path (\S+)' | Should -BeTrue
        $published = Join-Path $repoRoot $Matches[1]
        Join-Path $published 'Midea.psd1' | Should -Exist -Because "the README publishes $($Matches[1])"
        (Resolve-Path $published).Path.TrimEnd('/') | Should -Be $moduleDir.TrimEnd('/')
    }

    It 'creates its repository folder outside the checkout' {
        $setupBlock[0] | Should -Match '\[IO\.Path\]::GetTempPath\(\)'
        $setupBlock[0] | Should -Not -Match 'New-Item[^\r\n]*\./'
    }
}

Describe 'Installing as the README says, with <Installer>' -Skip:(-not $IsLinux -and -not $IsMacOS) -ForEach @(
    @{ Installer = 'Install-PSResource'; CallerXdg = $false }
    # This one runs as a caller whose XDG_* variables point elsewhere (common on Linux desktops).
    @{ Installer = 'Install-Module'; CallerXdg = $true }
) {
    BeforeAll {
        $script:childHome = Join-Path $TestDrive "home-$Installer"
        $script:callerFolders = @{}
        if ($CallerXdg) {
            foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME') {
                $callerFolders[$name] = (New-Item -ItemType Directory -Force (Join-Path $TestDrive "caller-$Installer/$name")).FullName
            }
        }
        # The README's blocks verbatim, with checks of this test between and after them. Stop
        # turns an error in a README line into exit 1; plain text keeps escape codes out of reports.
        $childScript = @(
            "`$ErrorActionPreference = 'Stop'"
            "`$PSStyle.OutputRendering = 'PlainText'"
            $setupBlock[0]
            $routeBlock[$Installer][0]
            @'
'base:' + (Get-Module Midea).ModuleBase
'commands:' + ((Get-Command -Module Midea | ForEach-Object Name | Sort-Object) -join ',')
$unit = Start-MideaSimulator -Address 127.0.22.10
$state = Find-MideaDevice -Address 127.0.22.10 -TimeoutSeconds 3 | Get-MideaState -Token $unit.Token -Key $unit.Key
'state:' + ($state.Id -eq $unit.Id)
$changed = Set-MideaState -Address 127.0.22.10 -Token $unit.Token -Key $unit.Key -Power $true -Mode Cool -TargetTemperature 22.5 -PassThru
'changed:' + "$($changed.Power) $($changed.Mode) $($changed.TargetTemperature)"
Stop-MideaSimulator
'help:' + (Get-Help Set-MideaWifi).Synopsis
'about:' + [bool]((Get-Help about_Midea | Out-String) -match 'about_Midea')
'psresource-list:' + (Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml')
'psget-list:' + (Join-Path ([Management.Automation.Platform]::SelectProductNameForDirectory('CACHE')) 'PowerShellGet/PSRepositories.xml')
'psresource-registered:' + (Get-PSResourceRepository -Name MideaLocal).Uri.LocalPath
'psget-registered:' + (Get-PSRepository -Name MideaLocal).SourceLocation
'@
            $cleanupBlock[0]
            @'
'psresource-left:' + @(Get-PSResourceRepository | Where-Object Name -EQ MideaLocal).Count
'psget-left:' + @(Get-PSRepository | Where-Object Name -EQ MideaLocal).Count
'folder-left:' + (Test-Path (Join-Path ([IO.Path]::GetTempPath()) 'midea-repo'))
'@
        ) -join "`n"
        $scriptFile = Join-Path $TestDrive "install-$Installer.ps1"
        Set-Content -Path $scriptFile -Value $childScript
        $script:before = Get-CallerState
        $script:run = Invoke-IsolatedPwsh $scriptFile $childHome $callerFolders
        $script:after = Get-CallerState
        $script:log = ($run.Output -join "`n") + "`n" + $run.Errors
    }

    It 'runs every line of the README''s blocks without an error' {
        $run.ExitCode | Should -Be 0 -Because $log
        $run.Errors | Should -BeNullOrEmpty
    }

    It 'imports Midea by name from the child''s HOME, with its cmdlets and help' {
        Get-Reported $run.Output 'base' | Should -BeLike "$childHome/*/Modules/Midea/*" -Because $log
        Get-Reported $run.Output 'commands' | Should -Be ($expected -join ',')
        # Help travels with the package: a real synopsis (not the generated syntax line) and the about topic.
        Get-Reported $run.Output 'help' | Should -Match '^[A-Z][^\[]+\.$'
        Get-Reported $run.Output 'about' | Should -Be 'True'
    }

    It 'finds, reads and changes a simulated unit on 127.0.22.10' {
        Get-Reported $run.Output 'state' | Should -Be 'True' -Because $log
        Get-Reported $run.Output 'changed' | Should -Be 'True Cool 22.5'
    }

    It 'registers the repository for both installers, in the child''s HOME only, and the README''s last block removes it' {
        $repo = Join-Path $childHome 'tmp/midea-repo'
        Get-Reported $run.Output 'psresource-registered' | Should -Be $repo -Because $log
        Get-Reported $run.Output 'psget-registered' | Should -Be $repo
        Get-Reported $run.Output 'psresource-left' | Should -Be '0'
        Get-Reported $run.Output 'psget-left' | Should -Be '0'
        Get-Reported $run.Output 'folder-left' | Should -Be 'False'
        # The lists the registrations went to are in the child's HOME, and no longer name it.
        foreach ($list in (Get-Reported $run.Output 'psresource-list'), (Get-Reported $run.Output 'psget-list')) {
            $list | Should -BeLike "$childHome/*"
            $list | Should -Exist
            Get-Content -Raw $list | Should -Not -Match 'MideaLocal'
        }
    }

    It 'leaves the checkout, the caller''s modules, repository lists and temp folder as they were' {
        $after.Checkout | Should -Be $before.Checkout
        $after.UserMidea | Should -Be $before.UserMidea
        $after.PSResourceGetList | Should -Be $before.PSResourceGetList
        $after.PowerShellGetList | Should -Be $before.PowerShellGetList
        $after.TempRepo | Should -Be $before.TempRepo
        # The folders the caller's XDG_* variables named received nothing.
        foreach ($folder in $callerFolders.Values) { @(Get-ChildItem -Force -Recurse $folder) | Should -HaveCount 0 -Because $folder }
    }
}
