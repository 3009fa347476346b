# Reads and checks one help source file, docs/help/<cmdlet>.md (format: docs/help/README.md).
# Dot-sourced by New-MamlHelp.ps1.

# The sections a help source may have, in the order Get-Help shows them.
$script:HelpSections = 'Synopsis', 'Description', 'Examples', 'Parameters', 'Inputs', 'Outputs', 'Notes', 'Related links'

# Splits lines into blocks: paragraphs (lines joined by one space, so the source can wrap
# freely), one per list item ("- " starts a new one), and fenced code kept verbatim.
function Split-HelpBlocks([string[]] $Lines) {
    $blocks = [System.Collections.Generic.List[object]]::new()
    $para = [System.Collections.Generic.List[string]]::new()
    $code = $null
    $flush = {
        if ($para.Count) { $blocks.Add([pscustomobject]@{ Kind = 'Para'; Text = $para -join ' ' }); $para.Clear() }
    }
    foreach ($line in $Lines) {
        if ($null -ne $code) {
            if ($line -match '^```\s*$') { $blocks.Add([pscustomobject]@{ Kind = 'Code'; Text = $code -join "`n" }); $code = $null }
            else { $code.Add($line) }
        }
        elseif ($line -match '^```') { & $flush; $code = [System.Collections.Generic.List[string]]::new() }
        elseif ($line -match '^\s*$') { & $flush }
        else {
            if ($line -match '^- ') { & $flush }
            $para.Add($line.Trim())
        }
    }
    & $flush
    if ($null -ne $code) { $blocks.Add([pscustomobject]@{ Kind = 'Unclosed'; Text = $code -join "`n" }) }
    $blocks
}

function Get-Paragraphs([string[]] $Lines) {
    @(Split-HelpBlocks $Lines | Where-Object Kind -EQ 'Para' | ForEach-Object Text)
}

function Read-HelpSource([string] $Path) {
    $problems = [System.Collections.Generic.List[string]]::new()
    $title = $null
    $sections = @{}
    $section = $null
    $sub = $null
    $fenced = $false
    foreach ($line in Get-Content $Path) {
        if (-not $fenced -and $line -match '^(#{1,3}) (.+?)\s*$') {
            $level = $Matches[1].Length
            $heading = $Matches[2]
            if ($level -eq 1) { $title = $heading; continue }
            if ($level -eq 2) {
                $name = $script:HelpSections | Where-Object { $_ -eq $heading }
                if (-not $name) { $problems.Add("unknown section '## $heading'; sections are: $($script:HelpSections -join ', ')."); $name = $heading }
                if ($sections.ContainsKey($name)) { $problems.Add("section '## $heading' appears twice.") }
                $section = [pscustomobject]@{ Lines = [System.Collections.Generic.List[string]]::new(); Subs = [ordered]@{} }
                $sections[$name] = $section
                $sub = $null
                continue
            }
            if ($null -eq $section) { $problems.Add("'### $heading' is outside any section."); continue }
            if ($section.Subs.Contains($heading)) { $problems.Add("'### $heading' appears twice.") }
            $sub = [System.Collections.Generic.List[string]]::new()
            $section.Subs[$heading] = $sub
            continue
        }
        if ($line -match '^```') { $fenced = -not $fenced }
        if ($null -ne $sub) { $sub.Add($line) }
        elseif ($section) { $section.Lines.Add($line) }
        elseif ($line -match '\S' -and $title) { $problems.Add("text before the first section: '$line'.") }
    }
    # An open fence swallows every heading after it; say so rather than list what went missing.
    if ($fenced) { $problems.Add('a code block is not closed (a line starting with ``` is missing).') }
    $empty = [pscustomobject]@{ Lines = @(); Subs = [ordered]@{} }
    $part = { param($name) if ($sections.ContainsKey($name)) { $sections[$name] } else { $empty } }

    $examples = foreach ($entry in (& $part 'Examples').Subs.GetEnumerator()) {
        $blocks = @(Split-HelpBlocks $entry.Value)
        [pscustomobject]@{
            Title = $entry.Key
            Code = @($blocks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
            Remarks = @($blocks | Where-Object Kind -EQ 'Para' | ForEach-Object Text)
        }
    }
    $parameters = [ordered]@{}
    foreach ($entry in (& $part 'Parameters').Subs.GetEnumerator()) {
        $paragraphs = Get-Paragraphs $entry.Value
        $default = $paragraphs | Where-Object { $_ -match '^Default value: ' } | Select-Object -Last 1
        $parameters[$entry.Key -replace '^-', ''] = [pscustomobject]@{
            Heading = $entry.Key
            Paragraphs = @($paragraphs | Where-Object { $_ -notmatch '^Default value: ' })
            Default = if ($default) { $default -replace '^Default value: ', '' } else { $null }
        }
    }
    $types = {
        param($name)
        foreach ($entry in (& $part $name).Subs.GetEnumerator()) {
            [pscustomobject]@{ Type = $entry.Key; Paragraphs = @(Get-Paragraphs $entry.Value) }
        }
    }
    $links = foreach ($item in Get-Paragraphs (& $part 'Related links').Lines) {
        if ($item -match '^- \[(?<text>[^\]]+)\]\((?<uri>[^)]+)\)$') { [pscustomobject]@{ Text = $Matches.text; Uri = $Matches.uri } }
        elseif ($item -match '^- (?<text>.+)$') { [pscustomobject]@{ Text = $Matches.text; Uri = '' } }
        else { $problems.Add("related links must be list items ('- Name' or '- [Text](uri)'), not '$item'.") }
    }
    @{
        Path = $Path
        Title = $title
        Sections = @($sections.Keys)
        Synopsis = @(Get-Paragraphs (& $part 'Synopsis').Lines)
        Description = @(Get-Paragraphs (& $part 'Description').Lines)
        Examples = @($examples)
        Parameters = $parameters
        Inputs = @(& $types 'Inputs')
        Outputs = @(& $types 'Outputs')
        Notes = @(Get-Paragraphs (& $part 'Notes').Lines)
        Links = @($links)
        Problems = $problems
    }
}

# Everything a reader of Get-Help -Full needs, checked against the compiled cmdlet.
function Test-HelpSource($Doc, [System.Management.Automation.CmdletInfo] $Command, [string[]] $Common) {
    $Doc.Problems
    if ($Doc.Title -ne $Command.Name) { "the title must be '# $($Command.Name)', not '# $($Doc.Title)'." }
    foreach ($required in 'Synopsis', 'Description', 'Examples', 'Parameters', 'Outputs') {
        if ($required -notin $Doc.Sections) { "the section '## $required' is missing." }
    }
    if ($Doc.Synopsis.Count -ne 1 -or $Doc.Synopsis[0] -notmatch '^[^.]+\.$') { 'the synopsis must be one sentence.' }
    if (-not $Doc.Description) { 'the description is empty.' }

    if ($Doc.Examples.Count -lt 2) { "there are $($Doc.Examples.Count) examples; at least 2 are needed." }
    foreach ($example in $Doc.Examples) {
        if ($example.Code.Count -ne 1) { "example '$($example.Title)' needs exactly one closed code block, not $($example.Code.Count)." }
        if (-not $example.Remarks) { "example '$($example.Title)' needs text after its code." }
    }
    $name = [regex]::Escape($Command.Name)
    if (-not ($Doc.Examples | Where-Object { $_.Code -match "\b$name\b" })) { "no example calls $($Command.Name)." }

    $actual = @($Command.Parameters.Keys | Where-Object { $_ -notin $Common })
    foreach ($parameter in $actual) {
        if (-not $Doc.Parameters.Contains($parameter)) { "-$parameter is not documented ('### -$parameter' under '## Parameters')." }
    }
    foreach ($entry in $Doc.Parameters.GetEnumerator()) {
        if ($entry.Value.Heading -cnotmatch '^-') { "parameter headings start with a dash: '### -$($entry.Key)'." }
        if ($entry.Key -notin $actual) { "-$($entry.Key) is documented but the cmdlet has no such parameter." }
        if (-not $entry.Value.Paragraphs) { "-$($entry.Key) has no description." }
        if (-not $entry.Value.Default) { "-$($entry.Key) needs a 'Default value: ...' line." }
    }

    foreach ($type in $Command.OutputType | Where-Object { $_.Type -and $_.Type -ne [void] }) {
        if ($type.Type.FullName -notin @($Doc.Outputs | ForEach-Object Type)) { "the output type $($type.Type.FullName) is not documented under '## Outputs'." }
    }
    foreach ($entry in @($Doc.Inputs) + @($Doc.Outputs)) {
        if (-not $entry.Paragraphs) { "'### $($entry.Type)' has no description." }
    }
}
