#Requires -Version 7.4
# Help for every cmdlet of the built module: Get-Help must read the hand-written MAML file
# (en-US/Midea.dll-Help.xml), with a real synopsis, a description, examples with code, text for
# every parameter, and parameter facts that agree with the compiled cmdlets. Pattern after
# pester/Pester tst/Help.Tests.ps1; conventions in powershell-module.md section 6.
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

    # Paragraph objects of MAML help (description, remarks) joined into one string.
    function script:Join-HelpText($Paragraphs) {
        (@($Paragraphs) | ForEach-Object { $_.Text }) -join "`n"
    }
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

    It 'documents exactly the exported cmdlets' {
        [xml]$maml = Get-Content -Raw (Join-Path $script:module.ModuleBase 'en-US/Midea.dll-Help.xml')
        $documented = @($maml.helpItems.command | ForEach-Object { $_.details.name.Trim() }) | Sort-Object
        $exported = @(Get-Command -Module Midea -CommandType Cmdlet | ForEach-Object Name) | Sort-Object
        $exported.Count | Should -BeGreaterThan 0
        $documented | Should -Be $exported
    }

    It 'uses no IP literal outside 127.0.0.x' {
        # Project rule: help, examples included, shows loopback simulator addresses only.
        $text = Get-Content -Raw (Join-Path $script:module.ModuleBase 'en-US/Midea.dll-Help.xml')
        $literals = [regex]::Matches($text, '(?<![\d.])\d{1,3}(\.\d{1,3}){3}(?![\d.])') | ForEach-Object Value
        @($literals | Where-Object { $_ -notmatch '^127\.0\.0\.\d{1,3}$' }) | Should -BeNullOrEmpty
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

    It 'has a real synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\b"
    }

    It 'has a one-sentence synopsis' {
        $help.Synopsis.Trim() | Should -Match '^[^.]+\.$'
    }

    It 'has a description' {
        Join-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Match '\S' -Because "example '$($example.title)' needs code"
            Join-HelpText $example.remarks | Should -Match '\S' -Because "example '$($example.title)' needs remarks"
        }
    }

    It 'has an example that calls the cmdlet' {
        @($help.examples.example | Where-Object code -Match "\b$([regex]::Escape($Name))\b").Count |
            Should -BeGreaterThan 0
    }

    It 'describes every parameter' {
        foreach ($p in $params) {
            Join-HelpText ($helpParams | Where-Object name -EQ $p).description |
                Should -Not -BeNullOrEmpty -Because "-$p needs help text"
        }
    }

    It 'documents no parameter the cmdlet lacks' {
        foreach ($hp in $helpParams) {
            $hp.name | Should -BeIn @($command.Parameters.Keys) -Because 'help must not describe a removed parameter'
        }
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

    It 'gives a default value for every parameter' {
        foreach ($p in $params) {
            ($helpParams | Where-Object name -EQ $p).defaultValue | Should -Not -BeNullOrEmpty -Because "-$p default value"
        }
    }

    It 'names its output types' {
        $documented = @($help.returnValues.returnValue | ForEach-Object { $_.type.name.Trim() })
        foreach ($type in $command.OutputType | Where-Object { $_.Type -and $_.Type -ne [void] }) {
            $type.Type.FullName | Should -BeIn $documented
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
