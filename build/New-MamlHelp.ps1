#Requires -Version 7.4
<#
.SYNOPSIS
    Writes the module's MAML help (Midea.dll-Help.xml) from docs/help/<cmdlet>.md and the compiled cmdlets.
.DESCRIPTION
    The words come from the markdown: synopsis, description, examples, the text and default of
    each parameter, inputs, outputs, notes and related links (format: docs/help/README.md).
    The facts come from the cmdlets themselves: parameter sets, types, required, position,
    pipeline input, aliases, wildcards, valid values and the HelpUri. So the help cannot drift
    from the code, and the markdown stays short enough to review.

    Every gap is an error that names the file and what is missing; the script lists them all and
    exits 1 without writing the file. build.ps1 runs it in a child pwsh, so the build process
    never loads Midea.dll.
.EXAMPLE
    dotnet pwsh -File build/New-MamlHelp.ps1 -ModulePath output/Midea/0.1.0/Midea.psd1 -SourcePath docs/help -OutputPath output/Midea/0.1.0/en-US/Midea.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'HelpSource.ps1')

$mamlNs = 'http://schemas.microsoft.com/maml/2004/10'
$commandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$devNs = 'http://schemas.microsoft.com/maml/dev/2004/10'

# Parameters every cmdlet gets from PowerShell: about_CommonParameters documents them.
# WhatIf and Confirm are not among them, because what they do differs per cmdlet.
$common = [System.Management.Automation.PSCmdlet]::CommonParameters

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $mamlNs)
    foreach ($text in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $mamlNs, $text) }
    $Writer.WriteEndElement()
}

function Write-Type([System.Xml.XmlWriter] $Writer, [string] $Name) {
    $Writer.WriteStartElement('dev', 'type', $devNs)
    $Writer.WriteElementString('maml', 'name', $mamlNs, $Name)
    $Writer.WriteElementString('maml', 'uri', $mamlNs, '')
    $Writer.WriteEndElement()
}

# The pipeline input text Get-Help shows, for example "True (ByPropertyName, ByValue)".
function Get-PipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
    $ways = @()
    if ($ByPropertyName) { $ways += 'ByPropertyName' }
    if ($ByValue) { $ways += 'ByValue' }
    if ($ways) { 'True ({0})' -f ($ways -join ', ') } else { 'False' }
}

# Names a user may type: the enum's names, or the values of [ValidateSet].
function Get-ValidValues([System.Management.Automation.ParameterMetadata] $Meta) {
    $type = $Meta.ParameterType
    $type = [Nullable]::GetUnderlyingType($type) ?? $type
    if ($type.IsEnum) { return [Enum]::GetNames($type) }
    $set = $Meta.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return $set.ValidValues }
    @()
}

# One <command:parameter>: the facts of one parameter set, the words of the markdown.
function Write-Parameter([System.Xml.XmlWriter] $Writer, [System.Management.Automation.ParameterMetadata] $Meta,
    $Set, $Doc, [switch] $InSyntax) {
    # $Set: a ParameterSetMetadata or a CommandParameterInfo; both name the same four facts.
    $isSwitch = $Meta.SwitchParameter
    $globbing = [bool]($Meta.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $position = if ($Set.Position -eq [int]::MinValue) { 'named' } else { [string]$Set.Position }
    $aliases = if ($Meta.Aliases.Count) { $Meta.Aliases -join ', ' } else { 'none' }

    $Writer.WriteStartElement('command', 'parameter', $commandNs)
    $Writer.WriteAttributeString('required', $Set.IsMandatory.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Set.ValueFromPipeline $Set.ValueFromPipelineByPropertyName))
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $mamlNs, $Meta.Name)
    if (-not $InSyntax) { Write-Paragraphs $Writer $Doc.Paragraphs }
    $valid = @(Get-ValidValues $Meta)
    if ($InSyntax -and $valid) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $commandNs)
        foreach ($value in $valid) {
            $Writer.WriteStartElement('command', 'parameterValue', $commandNs)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $commandNs, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # A switch takes no value on the syntax line; the Parameters section still names its type.
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $commandNs)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Meta.ParameterType.Name)
        $Writer.WriteEndElement()
    }
    Write-Type $Writer $Meta.ParameterType.FullName
    $Writer.WriteElementString('dev', 'defaultValue', $devNs, $Doc.Default)
    $Writer.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $Writer, [System.Management.Automation.CmdletInfo] $Command, $Doc) {
    $Writer.WriteStartElement('command', 'command', $commandNs)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $mamlNs)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $commandNs)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $devNs)

    $Writer.WriteStartElement('command', 'details', $commandNs)
    $Writer.WriteElementString('command', 'name', $commandNs, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $commandNs, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $commandNs, $Command.Noun)
    Write-Paragraphs $Writer $Doc.Synopsis
    $Writer.WriteEndElement()
    Write-Paragraphs $Writer $Doc.Description

    # One syntax line per parameter set: positional parameters by position, then the rest in
    # the order the markdown documents them, as the reader met them in the Parameters section.
    $order = @($Doc.Parameters.Keys)
    $Writer.WriteStartElement('command', 'syntax', $commandNs)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $commandNs)
        $Writer.WriteElementString('maml', 'name', $mamlNs, $Command.Name)
        $inSet = $set.Parameters | Where-Object Name -NotIn $common | Sort-Object `
            @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } },
            @{ Expression = { $order.IndexOf($_.Name) } }
        foreach ($parameter in $inSet) {
            Write-Parameter $Writer $Command.Parameters[$parameter.Name] $parameter $Doc.Parameters[$parameter.Name] -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # The Parameters section shows one set's facts per parameter: the first set that has it.
    $Writer.WriteStartElement('command', 'parameters', $commandNs)
    foreach ($name in $order) {
        $meta = $Command.Parameters[$name]
        Write-Parameter $Writer $meta @($meta.ParameterSets.Values)[0] $Doc.Parameters[$name]
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@('inputTypes', 'inputType', 'Inputs'), @('returnValues', 'returnValue', 'Outputs'))) {
        $Writer.WriteStartElement('command', $kind[0], $commandNs)
        foreach ($entry in $Doc[$kind[2]]) {
            $Writer.WriteStartElement('command', $kind[1], $commandNs)
            Write-Type $Writer $entry.Type
            Write-Paragraphs $Writer $entry.Paragraphs
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    if ($Doc.Notes) {
        $Writer.WriteStartElement('maml', 'alertSet', $mamlNs)
        $Writer.WriteStartElement('maml', 'alert', $mamlNs)
        foreach ($text in $Doc.Notes) { $Writer.WriteElementString('maml', 'para', $mamlNs, $text) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $commandNs)
    foreach ($example in $Doc.Examples) {
        $Writer.WriteStartElement('command', 'example', $commandNs)
        $Writer.WriteElementString('maml', 'title', $mamlNs, "---------- $($example.Title) ----------")
        $Writer.WriteElementString('dev', 'code', $devNs, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $devNs)
        foreach ($text in $example.Remarks) { $Writer.WriteElementString('maml', 'para', $mamlNs, $text) }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $commandNs)
    $links = @()
    if ($Command.HelpUri) { $links += [pscustomobject]@{ Text = 'Online Version:'; Uri = $Command.HelpUri } }
    foreach ($link in $links + @($Doc.Links)) {
        $Writer.WriteStartElement('maml', 'navigationLink', $mamlNs)
        $Writer.WriteElementString('maml', 'linkText', $mamlNs, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $mamlNs, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

Import-Module (Resolve-Path $ModulePath).Path -Force
$commands = @(Get-Command -Module Midea -CommandType Cmdlet | Sort-Object Name)
$problems = [System.Collections.Generic.List[string]]::new()
$docs = @{}
foreach ($command in $commands) {
    $file = Join-Path $SourcePath "$($command.Name).md"
    if (-not (Test-Path $file)) { $problems.Add("$($command.Name): no help source $file."); continue }
    $doc = Read-HelpSource $file
    foreach ($problem in Test-HelpSource $doc $command $common) { $problems.Add("$($command.Name).md: $problem") }
    $docs[$command.Name] = $doc
}
$exported = @($commands | ForEach-Object Name)
foreach ($file in Get-ChildItem $SourcePath -Filter *-*.md) {
    if ($file.BaseName -notin $exported) { $problems.Add("$($file.Name): documents $($file.BaseName), which the module does not export.") }
}
if ($problems.Count) {
    $problems | ForEach-Object { [Console]::Error.WriteLine($_) }
    exit 1
}

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force (Split-Path $OutputPath)
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteComment(' Generated by build/New-MamlHelp.ps1 from docs/help/*.md and the compiled cmdlets. Edit the markdown, not this file. ')
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) { Write-Command $writer $command $docs[$command.Name] }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Information "Help for $($commands.Count) cmdlets written to $OutputPath" -InformationAction Continue
