#Requires -Version 7.4
# Help for every cmdlet of the built module, where the build cannot see it. build/New-MamlHelp.ps1
# refuses a help source with a gap (an undocumented or unknown parameter, a missing default, fewer
# than two examples, a synopsis of more than one sentence, an unknown section, an undocumented
# output type...), so the build is that check and nothing here asks it again of the shipped file.
# These tests check that the generator does refuse and reproduces the shipped file byte for byte,
# that Get-Help in a session reads the MAML file (en-US/Midea.dll-Help.xml), that the parameter
# facts it copies from the cmdlets come out as the cmdlets declare them, and rules the generator
# does not know (loopback addresses only, a HelpUri). Pattern after pester/Pester tst/Help.Tests.ps1.
# Run against the built module: $env:MIDEA_TEST_MODULE = path of output/Midea/<version>/Midea.psd1.

BeforeDiscovery {
    $modulePath = $env:MIDEA_TEST_MODULE
    if (-not $modulePath) {
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../Midea.psd1')).ModuleVersion
        $modulePath = Join-Path $PSScriptRoot "../output/Midea/$version/Midea.psd1"
    }
    Import-Module $modulePath -Force
    $cmdlets = @(Get-Command -Module Midea -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    $modulePath = $env:MIDEA_TEST_MODULE
    if (-not $modulePath) {
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../Midea.psd1')).ModuleVersion
        $modulePath = Join-Path $PSScriptRoot "../output/Midea/$version/Midea.psd1"
    }
    Import-Module $modulePath -Force
    $script:module = Get-Module Midea

    # Parameters every cmdlet gets from PowerShell; their help is PowerShell's, not ours.
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters +
        [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help file of the Midea module' {
    It 'is laid out next to Midea.dll' {
        Join-Path $script:module.ModuleBase 'en-US/Midea.dll-Help.xml' | Should -Exist
    }

    It 'is well-formed MAML' {
        [xml]$maml = Get-Content -Raw (Join-Path $script:module.ModuleBase 'en-US/Midea.dll-Help.xml')
        $maml.helpItems.schema | Should -Be 'maml'
        @($maml.helpItems.command).Count | Should -BeGreaterThan 0
    }

    It 'uses no IP literal outside 127.0.0.x' {
        # Project rule: help, examples included, shows loopback simulator addresses only.
        $text = Get-Content -Raw (Join-Path $script:module.ModuleBase 'en-US/Midea.dll-Help.xml')
        $literals = [regex]::Matches($text, '(?<![\d.])\d{1,3}(\.\d{1,3}){3}(?![\d.])') | ForEach-Object Value
        @($literals | Where-Object { $_ -notmatch '^127\.0\.0\.\d{1,3}$' }) | Should -BeNullOrEmpty
    }
}

Describe 'Help generator (build/New-MamlHelp.ps1)' {
    BeforeAll {
        $script:repoRoot = Join-Path $PSScriptRoot '..'
        $script:modulePsd1 = Join-Path $script:module.ModuleBase 'Midea.psd1'

        # Runs the generator in its own pwsh, as the build does; returns exit code and messages.
        function script:Invoke-Generator([string] $Source, [string] $Output) {
            Push-Location $script:repoRoot
            try {
                $messages = dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $script:repoRoot 'build/New-MamlHelp.ps1') `
                    -ModulePath $script:modulePsd1 -SourcePath $Source -OutputPath $Output 2>&1
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Messages = ($messages | Out-String) }
            }
            finally {
                Pop-Location
            }
        }
    }

    It 'reproduces the shipped help file from docs/help byte for byte' {
        $output = Join-Path $TestDrive 'fresh/Midea.dll-Help.xml'
        (Invoke-Generator (Join-Path $script:repoRoot 'docs/help') $output).ExitCode | Should -Be 0
        (Get-FileHash $output).Hash | Should -Be (Get-FileHash (Join-Path $script:module.ModuleBase 'en-US/Midea.dll-Help.xml')).Hash
    }

    It 'refuses a source with gaps, names each one, and writes no file' {
        $source = Join-Path $TestDrive 'broken'
        Copy-Item -Recurse (Join-Path $script:repoRoot 'docs/help') $source
        $file = Join-Path $source 'Test-MideaConnection.md'
        $text = Get-Content -Raw $file
        # Drop the -Quiet section, the default value of -Port and a documented type's text, and
        # document a parameter the cmdlet lacks.
        $text = $text -replace '(?s)### -Quiet\r?\n.*?(?=##)', ''
        $text = $text -replace '(?s)(### -Port\r?\n.*?)Default value: 6444\r?\n', '$1'
        $text = $text -replace '(## Parameters\r?\n)', "`$1`n### -Colour`n`nNot a parameter.`n`nDefault value: None`n"
        Set-Content -Path $file -Value $text -NoNewline
        Set-Content -Path (Join-Path $source 'Get-MideaWeather.md') -Value "# Get-MideaWeather"
        Remove-Item (Join-Path $source 'Stop-MideaSimulator.md')
        $output = Join-Path $TestDrive 'broken-out/Midea.dll-Help.xml'

        $result = Invoke-Generator $source $output

        $result.ExitCode | Should -Be 1
        $result.Messages | Should -Match 'Test-MideaConnection\.md: -Quiet is not documented'
        $result.Messages | Should -Match 'Test-MideaConnection\.md: -Port needs a .Default value'
        $result.Messages | Should -Match 'Test-MideaConnection\.md: -Colour is documented but the cmdlet has no such parameter'
        $result.Messages | Should -Match 'Get-MideaWeather\.md: documents Get-MideaWeather, which the module does not export'
        $result.Messages | Should -Match 'Stop-MideaSimulator: no help source'
        $output | Should -Not -Exist
    }

    It 'refuses an example without code, an unclosed code block, a synopsis of two sentences and an unknown section' {
        $source = Join-Path $TestDrive 'broken2'
        Copy-Item -Recurse (Join-Path $script:repoRoot 'docs/help') $source
        $file = Join-Path $source 'Stop-MideaSimulator.md'
        $text = Get-Content -Raw $file
        $text = $text -replace '(## Synopsis\r?\n\r?\n[^\r\n]+)', '$1 Second sentence.'
        $text = $text -replace '(?s)(### Example 1[^\n]*\n).*?```\r?\n(.*?)(?=### Example 2)', '$1$2'
        $text += "`n## Troubleshooting`n`nText.`n"
        Set-Content -Path $file -Value $text -NoNewline
        # Another file, with the code block of its last example never closed.
        $other = Join-Path $source 'Remove-MideaDevice.md'
        $text = Get-Content -Raw $other
        $last = $text.LastIndexOf('```', $text.IndexOf('## Parameters'))
        Set-Content -Path $other -Value $text.Remove($last, 3) -NoNewline

        $result = Invoke-Generator $source (Join-Path $TestDrive 'broken2-out/Midea.dll-Help.xml')

        $result.ExitCode | Should -Be 1
        $result.Messages | Should -Match 'Stop-MideaSimulator\.md: the synopsis must be one sentence'
        $result.Messages | Should -Match "Stop-MideaSimulator\.md: example 'Example 1[^']*' needs exactly one closed code block, not 0"
        $result.Messages | Should -Match "Stop-MideaSimulator\.md: unknown section '## Troubleshooting'"
        $result.Messages | Should -Match 'Remove-MideaDevice\.md: a code block is not closed'
    }

    # The shipped help is not checked again for these: the build refuses a source that lacks them.
    It 'refuses an empty description, a parameter without text, an undocumented output type, too few examples, an example without text and examples that never call the cmdlet' {
        $source = Join-Path $TestDrive 'broken3'
        Copy-Item -Recurse (Join-Path $script:repoRoot 'docs/help') $source
        $file = Join-Path $source 'Get-MideaDevice.md'
        $text = Get-Content -Raw $file
        $text = $text -replace '(?s)(## Description\r?\n).*?(?=## Examples)', "`$1`n"
        $text = $text -replace '(?s)(### -Name\r?\n).*?(?=Default value:)', "`$1`n"
        $text = $text -replace '(?s)### Midea\.MideaDevice\r?\n.*?(?=## Notes)', ''
        Set-Content -Path $file -Value $text -NoNewline
        # Another file, whose examples are one that runs something else and says nothing about it.
        $other = Join-Path $source 'Set-MideaDisplay.md'
        $text = Get-Content -Raw $other
        $text = $text -replace '(?s)(## Examples\r?\n).*?(?=## Parameters)', "`$1`n### Example 1: Something else`n`n``````powershell`nGet-Date`n```````n`n"
        Set-Content -Path $other -Value $text -NoNewline

        $result = Invoke-Generator $source (Join-Path $TestDrive 'broken3-out/Midea.dll-Help.xml')

        $result.ExitCode | Should -Be 1
        $result.Messages | Should -Match 'Get-MideaDevice\.md: the description is empty'
        $result.Messages | Should -Match 'Get-MideaDevice\.md: -Name has no description'
        $result.Messages | Should -Match 'Get-MideaDevice\.md: the output type Midea\.MideaDevice is not documented'
        $result.Messages | Should -Match 'Set-MideaDisplay\.md: there are 1 examples; at least 2 are needed'
        $result.Messages | Should -Match "Set-MideaDisplay\.md: example 'Example 1: Something else' needs text after its code"
        $result.Messages | Should -Match 'Set-MideaDisplay\.md: no example calls Set-MideaDisplay'
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        $params = @($command.Parameters.Keys | Where-Object { $_ -notin $script:common })
        $helpParams = @($help.parameters.parameter)
    }

    It 'comes from the MAML file, not from generated help' {
        $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
    }

    It 'gives the type, required flag, position, pipeline input and aliases the cmdlet declares' {
        foreach ($p in $params) {
            $meta = $command.Parameters[$p]
            $set = @($meta.ParameterSets.Values)[0]
            $hp = $helpParams | Where-Object name -EQ $p
            $hp | Should -Not -BeNullOrEmpty -Because "-$p must be documented"

            $hp.type.name | Should -Be $meta.ParameterType.FullName -Because "-$p type"
            $hp.required | Should -Be $set.IsMandatory.ToString().ToLowerInvariant() -Because "-$p required flag"
            $position = if ($set.Position -eq [int]::MinValue) { 'named' } else { [string]$set.Position }
            $hp.position | Should -Be $position -Because "-$p position"

            $ways = @()
            if ($set.ValueFromPipelineByPropertyName) { $ways += 'ByPropertyName' }
            if ($set.ValueFromPipeline) { $ways += 'ByValue' }
            $pipeline = if ($ways) { 'True ({0})' -f ($ways -join ', ') } else { 'False' }
            $hp.pipelineInput | Should -Be $pipeline -Because "-$p pipeline input"

            $aliases = if ($meta.Aliases.Count) { $meta.Aliases -join ', ' } else { 'none' }
            $hp.aliases | Should -Be $aliases -Because "-$p aliases"
        }
    }

    It 'has a HelpUri' {
        $command.HelpUri | Should -Not -BeNullOrEmpty
        $command.HelpUri | Should -Match '^https?://'
        ([uri]$command.HelpUri).IsAbsoluteUri | Should -BeTrue
    }

    It 'links the HelpUri as its online version' {
        @($help.relatedLinks.navigationLink | ForEach-Object { $_.uri }) | Should -Contain $command.HelpUri
    }
}
