# Code cites the project's own reference by section ("protocol.md §2.6"). Every citation must
# point at a numbered heading that exists in docs/, so a reader can follow it and a renumbering
# cannot leave citations dangling.
BeforeAll {
    $root = Join-Path $PSScriptRoot '..'
    $files = Get-ChildItem (Join-Path $root 'src'), (Join-Path $root 'tests') -Recurse -Include *.cs, *.ps1 |
        Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]'
    $script:citations = @($files | Select-String -Pattern '([\w-]+\.md) §(\d+(?:\.\d+)*)' -AllMatches | ForEach-Object {
            $line = $_
            $_.Matches | ForEach-Object {
                [pscustomobject]@{ Where = "$($line.Path | Split-Path -Leaf):$($line.LineNumber)"; File = $_.Groups[1].Value; Section = $_.Groups[2].Value }
            }
        })
    $script:docs = Join-Path $root 'docs'
}

Describe 'Citations of docs/' {
    It 'are found (the scan itself works)' {
        $citations.Count | Should -BeGreaterThan 40
        $citations.File | Should -Contain 'protocol.md'
    }

    It 'name files that are in docs/' {
        $missing = $citations | Where-Object { -not (Test-Path (Join-Path $docs $_.File)) } | ForEach-Object { "$($_.Where) cites $($_.File)" }
        $missing | Should -BeNullOrEmpty
    }

    It 'point at numbered sections that exist' {
        $text = @{}
        $dangling = foreach ($c in $citations) {
            $path = Join-Path $docs $c.File
            if (-not (Test-Path $path)) { continue }
            if (-not $text.ContainsKey($c.File)) { $text[$c.File] = Get-Content -Raw $path }
            # "## 2. Title" for §2, "### 2.6 Title" for §2.6, "#### 3.2.4 Title" for §3.2.4.
            if ($text[$c.File] -notmatch "(?m)^#{2,4} $([regex]::Escape($c.Section))\.?\s") { "$($c.Where) cites $($c.File) §$($c.Section)" }
        }
        $dangling | Should -BeNullOrEmpty
    }
}
