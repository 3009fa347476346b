# Get-MideaToken against the fake vendor cloud of the standalone simulator: real HTTP on
# 127.0.14.x, real signing checks on the server side. Nothing leaves 127.0.0.0/8.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:hosts = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
    $script:password = 'Cloud-Pa55word-1234'

    # Starts the standalone simulator with a fake cloud; returns its units and the cloud's address.
    function Start-FakeCloud([string] $Address, [string[]] $Options) {
        $dll = Join-Path (Split-Path (Split-Path (Get-Module Midea).ModuleBase)) 'simulator/midea-simulator.dll'
        $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @($dll, '--address', $Address, '--cloud-port', '0') + $Options) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($info)
        $script:hosts.Add($process)
        $units = @()
        while ($true) {
            $line = $process.StandardOutput.ReadLine()
            if ($null -eq $line) { throw 'The simulator ended before printing its cloud address.' }
            if ($line -like 'cloud=*') { $cloud = $line.Substring(6); break }
            $fields = @{}
            foreach ($pair in $line -split ' ') { $k, $v = $pair -split '=', 2; $fields[$k] = $v }
            $units += [pscustomobject]$fields
        }
        [pscustomobject]@{ Units = $units; Uri = [uri]$cloud }
    }

    function New-Account([string] $User, [string] $Secret = $password) {
        [pscredential]::new($User, (ConvertTo-SecureString $Secret -AsPlainText -Force))
    }

    $script:be = Start-FakeCloud 127.0.14.10 @('--count', '2', '--cloud-account', "owner@example.com:$password", '--cloud-account', "guest@example.com:$password", '--cloud-byte-order', 'be')
    $script:le = Start-FakeCloud 127.0.14.20 @('--cloud-account', "owner@example.com:$password", '--cloud-byte-order', 'le')
    $script:down = Start-FakeCloud 127.0.14.30 @('--cloud-account', "owner@example.com:$password", '--cloud-down')
}

AfterAll {
    foreach ($process in $script:hosts) {
        if (-not $process.HasExited) { $process.Kill() }
        $process.WaitForExit()
    }
}

Describe 'Get-MideaToken' {
    It 'finds the pair on <Cloud> through the big-endian udpid and proves it on the unit' -ForEach @(
        @{ Cloud = 'SmartHome' }
        @{ Cloud = 'NetHomePlus' }
    ) {
        $credential = Get-MideaToken -Cloud $Cloud -Credential (New-Account 'owner@example.com') -Address 127.0.14.10 -CloudUri $be.Uri
        $credential.Verified | Should -BeTrue
        $credential.ByteOrder | Should -Be 'BigEndian'
        $credential.Source | Should -Be $Cloud
        $credential.Id | Should -Be ([long]$be.Units[0].id)
        ($credential.Token | ConvertFrom-SecureString -AsPlainText) | Should -Be $be.Units[0].token
        (Get-MideaState -Address 127.0.14.10 -Token $credential.Token -Key $credential.Key).Id | Should -Be ([long]$be.Units[0].id)
    }

    It 'keeps the little-endian pair when that is the one the unit accepts' {
        $credential = Get-MideaToken -Cloud SmartHome -Credential (New-Account 'owner@example.com') -Address 127.0.14.20 -CloudUri $le.Uri
        $credential.ByteOrder | Should -Be 'LittleEndian'
        ($credential.Key | ConvertFrom-SecureString -AsPlainText) | Should -Be $le.Units[0].key
    }

    It 'takes units from the pipeline' {
        $credentials = Find-MideaDevice -Address 127.0.14.10, 127.0.14.11 | Get-MideaToken -Cloud SmartHome -Credential (New-Account 'owner@example.com') -CloudUri $be.Uri
        $credentials | Should -HaveCount 2
        ($credentials | ForEach-Object Verified) | Should -Not -Contain $false
        ($credentials | ForEach-Object Id | Sort-Object) | Should -Be ($be.Units | ForEach-Object { [long]$_.id } | Sort-Object)
    }

    It 'returns an unverified pair, with a warning, when only -Id is given' {
        $credential = Get-MideaToken -Cloud SmartHome -Credential (New-Account 'owner@example.com') -Id ([long]$le.Units[0].id) -CloudUri $le.Uri -WarningVariable warnings -WarningAction SilentlyContinue
        $credential.Verified | Should -BeFalse
        "$warnings" | Should -Match 'unverified'
    }

    It 'maps cloud error <Code> to ErrorId <ErrorId> with a clear message' -ForEach @(
        @{ Code = 3101; ErrorId = 'CloudLoginFailed'; Cloud = 'SmartHome'; User = 'owner@example.com'; Secret = 'wrong-password'; Target = 'be' }
        @{ Code = 3102; ErrorId = 'CloudLoginFailed'; Cloud = 'SmartHome'; User = 'nobody@example.com'; Secret = $null; Target = 'be' }
        @{ Code = 3201; ErrorId = 'CloudRequestRejected'; Cloud = 'SmartHome'; User = 'guest@example.com'; Secret = $null; Target = 'be' }
        @{ Code = 9999; ErrorId = 'CloudTokenServiceDown'; Cloud = 'NetHomePlus'; User = 'owner@example.com'; Secret = $null; Target = 'down' }
    ) {
        # PowerShell names are case-insensitive: $fake, not $cloud, or it would replace $Cloud.
        $fake = if ($Target -eq 'be') { $be } else { $down }
        $account = if ($Secret) { New-Account $User $Secret } else { New-Account $User }
        $result = Get-MideaToken -Cloud $Cloud -Credential $account -Address $fake.Units[0].address -CloudUri $fake.Uri -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be "$ErrorId,Midea.PowerShell.Cmdlets.GetMideaTokenCommand"
        "$($failures[0])" | Should -Match "$Code"
        "$($failures[0])" | Should -Not -Match ([regex]::Escape($password))
    }

    It 'says what to do instead when NetHome Plus no longer issues tokens' {
        Get-MideaToken -Cloud NetHomePlus -Credential (New-Account 'owner@example.com') -Address $down.Units[0].address -CloudUri $down.Uri -ErrorVariable failures -ErrorAction SilentlyContinue
        "$($failures[0])" | Should -Match 'SmartHome'
    }

    It 'keeps the password, token and key out of every stream' {
        $DebugPreference = 'Continue'
        $text = & {
            $credential = Get-MideaToken -Cloud SmartHome -Credential (New-Account 'owner@example.com') -Address 127.0.14.10 -CloudUri $be.Uri -Verbose
            $credential | Format-List * | Out-String
            $credential | Out-String
            Get-MideaToken -Cloud SmartHome -Credential (New-Account 'owner@example.com' 'wrong-password') -Address 127.0.14.10 -CloudUri $be.Uri -Verbose -ErrorAction Continue
        } *>&1 | Out-String
        $text | Should -Match 'udpid'
        $text | Should -Not -Match ([regex]::Escape($password))
        $text | Should -Not -Match 'wrong-password'
        $text | Should -Not -Match $be.Units[0].token
        $text | Should -Not -Match $be.Units[0].key
    }
}
