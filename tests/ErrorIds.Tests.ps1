# Every ErrorId the module can write is listed, with its meaning, in one place: the ERROR IDS
# section of about_Midea. This reads both the sources and that list, so neither can drift.
BeforeAll {
    $root = Join-Path $PSScriptRoot '..'
    $sources = Get-ChildItem (Join-Path $root 'src') -Recurse -Filter *.cs | Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]'
    $script:inCode = @($sources | Select-String -Pattern '"([A-Z][A-Za-z]+)",\s*ErrorCategory\.', 'ErrorId = "([A-Z][A-Za-z]+)"' -AllMatches |
        ForEach-Object { $_.Matches } | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
    $about = Get-Content -Raw (Join-Path $root 'docs/help/about_Midea.help.txt')
    $section = [regex]::Match($about, '(?ms)^  ERROR IDS\r?\n(.*?)(?=^  [A-Z][A-Z ]+\r?$)').Groups[1].Value
    $script:listed = @([regex]::Matches($section, '(?m)^      ([A-Z][A-Za-z]+)\s{2,}\S') | ForEach-Object { $_.Groups[1].Value })
}

Describe 'ErrorIds' {
    It 'are found in the sources and in the list (the scan itself works)' {
        $inCode | Should -Contain 'DeviceUnreachable'
        $inCode | Should -Contain 'InvalidDeviceResponse'
        $inCode | Should -Contain 'UnexpectedError'
        $listed.Count | Should -BeGreaterThan 20
    }

    It 'written by the code are all listed in about_Midea' {
        $inCode | Where-Object { $_ -notin $listed } | Should -BeNullOrEmpty
    }

    It 'listed in about_Midea are all written by the code, each once' {
        $listed | Where-Object { $_ -notin $inCode } | Should -BeNullOrEmpty
        $listed | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'are pointed to from the README' {
        Get-Content -Raw (Join-Path $PSScriptRoot '../README.md') | Should -Match 'every ErrorId[^.]*about_Midea'
    }
}
