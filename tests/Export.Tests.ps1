# Export-MideaDevice -Format: each layout of docs/export-formats.md, checked byte for byte against
# simulated units saved in a store under $TestDrive. 127.0.43.x only.
BeforeDiscovery {
    $formats = 'Midea', 'Csv', 'Json', 'MsmartNg', 'HomeAssistant', 'Homebridge'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $repoRoot = Join-Path $PSScriptRoot '..'
    $previousStorePath = $env:MIDEA_STORE_PATH
    $store = Join-Path $TestDrive 'store/devices.xml'
    $env:MIDEA_STORE_PATH = $store

    # The largest device id (2^48 - 1): its digits must come out exactly in every format.
    $v3 = Start-MideaSimulator -Address 127.0.43.10 -ProtocolVersion 3 -Id 281474976710655
    $v2 = Start-MideaSimulator -Address 127.0.43.11 -ProtocolVersion 2
    $cc = Start-MideaSimulator -Address 127.0.43.12 -ProtocolVersion 3 -DeviceType CommercialAc
    # Saved below with port 7000, which msmart-ng cannot reach (the simulator itself listens on 6444).
    $far = Start-MideaSimulator -Address 127.0.43.13 -ProtocolVersion 3

    # The name needs CSV quoting and JSON escaping.
    $ccName = 'Office, "east"'

    # The store: the four units in this order, as Find-MideaDevice reports them.
    function Reset-Store {
        Remove-Item -Recurse -Force (Split-Path $store) -ErrorAction SilentlyContinue
        $v3 | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice -Token $v3.Token -Key $v3.Key
        $v2 | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice
        $cc | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice -Name $ccName -Token $cc.Token -Key $cc.Key
        $far | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice -Port 7000 -Token $far.Token -Key $far.Key
    }
    Reset-Store

    # What each unit's exported fields must be, taken from the store (names, MAC and serial as saved).
    function Get-Expected($Unit, [string] $Type = 'AirConditioner', [int] $Port = 6444) {
        $saved = Get-MideaDevice -Id $Unit.Id
        [pscustomobject]@{
            Id = [string]$Unit.Id
            Address = $Unit.Address
            Port = $Port
            Version = $saved.ProtocolVersion
            Type = $Type
            Name = $saved.Name
            Token = if ($saved.ProtocolVersion -eq 3) { $Unit.Token.ToLowerInvariant() } else { '' }
            Key = if ($saved.ProtocolVersion -eq 3) { $Unit.Key.ToLowerInvariant() } else { '' }
            Mac = if ($saved.MacAddress) { '"' + ($saved.MacAddress -replace ':', '').ToLowerInvariant() + '"' } else { 'null' }
            Sn = if ($saved.SerialNumber) { '"' + $saved.SerialNumber + '"' } else { 'null' }
        }
    }
    $eV3 = Get-Expected $v3
    $eV2 = Get-Expected $v2
    $eCc = Get-Expected $cc -Type CommercialAc
    $eFar = Get-Expected $far -Port 7000
    $all = $eV3, $eV2, $eCc, $eFar

    $utf8 = [Text.UTF8Encoding]::new($false)
    # The whole file as text; fails when it starts with a byte order mark.
    function Read-Export([string] $Path) {
        $bytes = [IO.File]::ReadAllBytes($Path)
        if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { throw "$Path starts with a UTF-8 byte order mark." }
        $utf8.GetString($bytes)
    }

    # Every secret of the four units, for "appears nowhere" checks.
    $secrets = @($v3, $cc, $far | ForEach-Object { $_.Token; $_.Key })
    function Assert-NoSecret([string] $Text) {
        foreach ($secret in $secrets) { $Text | Should -Not -Match $secret }
    }

    # Where a format is written: a file, or for HomeAssistant a folder (which must exist).
    function New-Target([string] $Format, [string] $Name) {
        $path = Join-Path $TestDrive "$Name-$Format"
        if ($Format -eq 'HomeAssistant') { $null = New-Item -ItemType Directory -Force $path }
        $path
    }
    # The content of everything an export wrote, as one string.
    function Read-Target([string] $Path) {
        if (Test-Path $Path -PathType Container) { (Get-ChildItem $Path -File | Sort-Object Name | ForEach-Object { Read-Export $_.FullName }) -join "`n" }
        else { Read-Export $Path }
    }
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $previousStorePath
}

Describe 'Export-MideaDevice -Format Csv' {
    It 'writes the header and one line per unit, without secrets by default' {
        $path = Join-Path $TestDrive 'plain.csv'
        Export-MideaDevice -Path $path -Format Csv -WarningVariable warnings
        $expected = "Id,Address,Port,ProtocolVersion,Type,Name,Token,Key`r`n" +
            "$($eV3.Id),127.0.43.10,6444,3,AirConditioner,$($eV3.Name),,`r`n" +
            "$($eV2.Id),127.0.43.11,6444,2,AirConditioner,$($eV2.Name),,`r`n" +
            "$($eCc.Id),127.0.43.12,6444,3,CommercialAc,`"Office, `"`"east`"`"`",,`r`n" +
            "$($eFar.Id),127.0.43.13,7000,3,AirConditioner,$($eFar.Name),,`r`n"
        Read-Export $path | Should -BeExactly $expected
        $eV3.Id | Should -Be '281474976710655'
        $warnings | Should -BeNullOrEmpty
    }

    It 'writes the lowercase token and key with -IncludeSecrets, none for the V2 unit, with a warning and mode 0600' {
        $path = Join-Path $TestDrive 'secrets.csv'
        Export-MideaDevice -Path $path -Format Csv -IncludeSecrets -WarningVariable warnings -WarningAction SilentlyContinue
        $expected = "Id,Address,Port,ProtocolVersion,Type,Name,Token,Key`r`n" +
            "$($eV3.Id),127.0.43.10,6444,3,AirConditioner,$($eV3.Name),$($eV3.Token),$($eV3.Key)`r`n" +
            "$($eV2.Id),127.0.43.11,6444,2,AirConditioner,$($eV2.Name),,`r`n" +
            "$($eCc.Id),127.0.43.12,6444,3,CommercialAc,`"Office, `"`"east`"`"`",$($eCc.Token),$($eCc.Key)`r`n" +
            "$($eFar.Id),127.0.43.13,7000,3,AirConditioner,$($eFar.Name),$($eFar.Token),$($eFar.Key)`r`n"
        Read-Export $path | Should -BeExactly $expected
        @($warnings) | Should -HaveCount 1
        "$warnings" | Should -BeLike "*holds the tokens and keys as plain hex text*"
        if (-not $IsWindows) { (Get-Item $path).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'reads back with Import-Csv, columns and values intact' {
        $rows = @(Import-Csv (Join-Path $TestDrive 'secrets.csv'))
        $rows | Should -HaveCount 4
        $rows[0].psobject.Properties.Name | Should -Be 'Id', 'Address', 'Port', 'ProtocolVersion', 'Type', 'Name', 'Token', 'Key'
        $rows[2].Name | Should -BeExactly $ccName
        $rows[2].Type | Should -BeExactly 'CommercialAc'
        $rows[1].Token | Should -BeExactly ''
    }

    It 'writes the same bytes under another culture' {
        $before = [Globalization.CultureInfo]::CurrentCulture
        try {
            [Globalization.CultureInfo]::CurrentCulture = 'de-DE'
            Export-MideaDevice -Path (Join-Path $TestDrive 'de.csv') -Format Csv
        }
        finally { [Globalization.CultureInfo]::CurrentCulture = $before }
        Read-Export (Join-Path $TestDrive 'de.csv') | Should -BeExactly (Read-Export (Join-Path $TestDrive 'plain.csv'))
    }
}

Describe 'Export-MideaDevice -Format Json' {
    BeforeAll {
        # One object as the export lays it out; $Secret chooses the Token and Key values.
        function Format-Unit($E, [string] $Name, [bool] $Secret) {
            $token = if ($Secret -and $E.Token) { "`"$($E.Token)`"" } else { 'null' }
            $key = if ($Secret -and $E.Key) { "`"$($E.Key)`"" } else { 'null' }
            "  {`n    `"Id`": $($E.Id),`n    `"Address`": `"$($E.Address)`",`n    `"Port`": $($E.Port),`n    `"ProtocolVersion`": $($E.Version),`n" +
            "    `"Type`": `"$($E.Type)`",`n    `"Name`": $Name,`n    `"Token`": $token,`n    `"Key`": $key`n  }"
        }
        function Get-ExpectedJson([bool] $Secret) {
            "[`n" + ((Format-Unit $eV3 "`"$($eV3.Name)`"" $Secret), (Format-Unit $eV2 "`"$($eV2.Name)`"" $Secret),
                (Format-Unit $eCc '"Office, \"east\""' $Secret), (Format-Unit $eFar "`"$($eFar.Name)`"" $Secret) -join ",`n") + "`n]`n"
        }
    }

    It 'writes an array with the CSV columns as properties, tokens and keys null without -IncludeSecrets' {
        $path = Join-Path $TestDrive 'plain.json'
        Export-MideaDevice -Path $path -Format Json
        Read-Export $path | Should -BeExactly (Get-ExpectedJson $false)
    }

    It 'writes the tokens and keys as strings with -IncludeSecrets' {
        $path = Join-Path $TestDrive 'secrets.json'
        Export-MideaDevice -Path $path -Format Json -IncludeSecrets -WarningAction SilentlyContinue
        Read-Export $path | Should -BeExactly (Get-ExpectedJson $true)
    }

    It 'gives numbers, strings and null to a JSON reader, the 48-bit id exactly' {
        $objects = @(Get-Content -Raw (Join-Path $TestDrive 'secrets.json') | ConvertFrom-Json)
        $objects | Should -HaveCount 4
        $objects[0].psobject.Properties.Name | Should -Be 'Id', 'Address', 'Port', 'ProtocolVersion', 'Type', 'Name', 'Token', 'Key'
        $objects[0].Id | Should -BeOfType ([long])
        $objects[0].Id | Should -Be 281474976710655
        $objects[0].Port | Should -BeOfType ([long])
        $objects[0].ProtocolVersion | Should -Be 3
        $objects[0].Token | Should -BeOfType ([string])
        $objects[1].Token | Should -BeNullOrEmpty
        $objects[2].Name | Should -BeExactly $ccName
    }

    It 'writes [] for an empty store' {
        $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'empty/devices.xml'
        try { Export-MideaDevice -Path (Join-Path $TestDrive 'empty.json') -Format Json }
        finally { $env:MIDEA_STORE_PATH = $store }
        Read-Export (Join-Path $TestDrive 'empty.json') | Should -BeExactly "[]`n"
    }
}

Describe 'Export-MideaDevice -Format MsmartNg' {
    BeforeAll {
        $header = @(
            '# msmart-ng command lines for the units of the Midea device store (Export-MideaDevice -Format MsmartNg).'
            '# Lines that start with # are comments. Each query line reads one unit and changes nothing.'
            "# Each unit's control line is a comment: to change the unit, copy it without the leading '# ' and"
            '# replace <setting>=<value> with the settings, for example power_state=True target_temperature=22.'
            '# msmart-ng always connects to port 6444.'
        ) -join "`n"
        # The grammar of docs/export-formats.md §4 (msmart-ng's query and control arguments).
        $queryLine = '^msmart-ng query (?<host>[\w.:%-]+)(?<cc> --device_type CC)? --id (?<id>\d+)(?: --token (?<token>[0-9a-f]{128}) --key (?<key>[0-9a-f]{64}))?$'
    }

    It 'writes a working query line for the V3, V2 and commercial units, a commented one for port 7000' {
        $path = Join-Path $TestDrive 'secrets.msmart'
        Export-MideaDevice -Path $path -Format MsmartNg -IncludeSecrets -WarningVariable warnings -WarningAction SilentlyContinue
        $v3Args = "127.0.43.10 --id 281474976710655 --token $($eV3.Token) --key $($eV3.Key)"
        $v2Args = "127.0.43.11 --id $($eV2.Id)"
        $ccArgs = "127.0.43.12 --device_type CC --id $($eCc.Id) --token $($eCc.Token) --key $($eCc.Key)"
        $farArgs = "127.0.43.13 --id $($eFar.Id) --token $($eFar.Token) --key $($eFar.Key)"
        $expected = $header + "`n`n" +
            "# $($eV3.Name) (id 281474976710655, 127.0.43.10)`nmsmart-ng query $v3Args`n# msmart-ng control $v3Args <setting>=<value>`n`n" +
            "# $($eV2.Name) (id $($eV2.Id), 127.0.43.11)`nmsmart-ng query $v2Args`n# msmart-ng control $v2Args <setting>=<value>`n`n" +
            "# $ccName (id $($eCc.Id), 127.0.43.12)`nmsmart-ng query $ccArgs`n# msmart-ng control $ccArgs <setting>=<value>`n`n" +
            "# $($eFar.Name) (id $($eFar.Id), 127.0.43.13)`n" +
            "# msmart-ng cannot reach this unit: it listens on port 7000, and msmart-ng always connects to port 6444 (it has no port option).`n" +
            "# msmart-ng query $farArgs`n# msmart-ng control $farArgs <setting>=<value>`n"
        Read-Export $path | Should -BeExactly $expected
        $warnings | Where-Object { "$_" -like '*listens on port 7000*msmart-ng*' } | Should -HaveCount 1
        $warnings | Where-Object { "$_" -like '*holds the tokens and keys*' } | Should -HaveCount 1
        if (-not $IsWindows) { (Get-Item $path).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'has only query lines outside comments, each in msmart-ng''s syntax' {
        $lines = Get-Content (Join-Path $TestDrive 'secrets.msmart')
        $commands = @($lines | Where-Object { $_ -and -not $_.StartsWith('#') })
        $commands | Should -HaveCount 3
        foreach ($line in $commands) { $line | Should -Match $queryLine }
        $parsed = $commands | ForEach-Object { if ($_ -match $queryLine) { [pscustomobject]@{ Host = $Matches.host; Cc = [bool]$Matches.cc; Id = $Matches.id; Token = $Matches.token } } }
        $parsed.Host | Should -Be '127.0.43.10', '127.0.43.11', '127.0.43.12'
        $parsed.Cc | Should -Be $false, $false, $true
        $parsed.Id | Should -Be $eV3.Id, $eV2.Id, $eCc.Id
        $parsed[1].Token | Should -BeNullOrEmpty
        # Every control line is a comment, and stays harmless uncommented (the <setting>=<value> placeholder).
        @($lines | Where-Object { $_ -match 'msmart-ng control' }) | Should -HaveCount 4
        foreach ($line in $lines -match 'msmart-ng control') { $line | Should -Match '^# msmart-ng control .* <setting>=<value>$' }
    }

    It 'writes the token and key placeholders without -IncludeSecrets, and warns for each V3 unit' {
        $path = Join-Path $TestDrive 'plain.msmart'
        Export-MideaDevice -Path $path -Format MsmartNg -WarningVariable warnings -WarningAction SilentlyContinue
        $text = Read-Export $path
        Assert-NoSecret $text
        $missing = '# No token and key here: this V3 unit''s token and key are not exported without -IncludeSecrets. Put them in place of <token> and <key>.'
        $text | Should -BeLike "*# $($eV3.Name) (id 281474976710655, 127.0.43.10)`n$missing`nmsmart-ng query 127.0.43.10 --id 281474976710655 --token <token> --key <key>`n# msmart-ng control 127.0.43.10 --id 281474976710655 --token <token> --key <key> <setting>=<value>`n*"
        $text | Should -BeLike "*`nmsmart-ng query 127.0.43.11 --id $($eV2.Id)`n*"
        $text | Should -BeLike "*`nmsmart-ng query 127.0.43.12 --device_type CC --id $($eCc.Id) --token <token> --key <key>`n*"
        $warnings | Where-Object { "$_" -like '*placeholders <token> and <key>*' } | Should -HaveCount 3
        $warnings | Where-Object { "$_" -like "*$($eV2.Id)*placeholders*" } | Should -BeNullOrEmpty
    }

    It 'writes placeholders for a V3 unit saved without a pair, even with -IncludeSecrets' {
        Save-MideaDevice -Id 4301 -Address 127.0.43.20 -ProtocolVersion 3 -WarningAction SilentlyContinue
        try {
            $path = Join-Path $TestDrive 'nopair.msmart'
            Export-MideaDevice -Path $path -Format MsmartNg -IncludeSecrets -WarningVariable warnings -WarningAction SilentlyContinue
            Read-Export $path | Should -BeLike "*`nmsmart-ng query 127.0.43.20 --id 4301 --token <token> --key <key>`n*"
            $warnings | Where-Object { "$_" -like '*4301*device store has no token and key*' } | Should -HaveCount 1
        }
        finally { Remove-MideaDevice -Id 4301 }
    }

    It 'keeps a name with a line break and an address a shell would split inside comments' {
        Save-MideaDevice -Id 4302 -Address '127.0.43.21;reboot' -ProtocolVersion 2 -Name "two`nlines" -WarningAction SilentlyContinue
        try {
            $path = Join-Path $TestDrive 'odd.msmart'
            Export-MideaDevice -Path $path -Format MsmartNg -WarningVariable warnings -WarningAction SilentlyContinue
            $text = Read-Export $path
            $text | Should -BeLike "*`n# two?lines (id 4302, 127.0.43.21;reboot)`n# The address is not a plain host name or IP address, so it is not put on a command line.`n# msmart-ng query 127.0.43.21;reboot --id 4302`n*"
            ($text -split "`n" | Where-Object { $_ -match 'lines|reboot' -and -not $_.StartsWith('#') }) | Should -BeNullOrEmpty
            $warnings | Where-Object { "$_" -like '*4302*not a plain host name*' } | Should -HaveCount 1
        }
        finally { Remove-MideaDevice -Id 4302 }
    }
}

Describe 'Export-MideaDevice -Format HomeAssistant' {
    BeforeAll {
        function Format-File($E, [string] $Name, [int] $Type, [string] $Token, [string] $Key) {
            "{`n  `"name`": $Name,`n  `"device_id`": $($E.Id),`n  `"type`": $Type,`n  `"protocol`": $($E.Version),`n  `"ip_address`": `"$($E.Address)`",`n" +
            "  `"port`": $($E.Port),`n  `"model`": `"Unknown`",`n  `"subtype`": 0,`n  `"token`": $Token,`n  `"key`": $Key,`n  `"mac`": $($E.Mac),`n  `"sn`": $($E.Sn)`n}`n"
        }
    }

    It 'writes one file per unit, named by its id, in midea_ac_lan''s layout with -IncludeSecrets' {
        $folder = New-Target HomeAssistant 'secrets'
        $files = @(Export-MideaDevice -Path $folder -Format HomeAssistant -IncludeSecrets -PassThru -WarningVariable warnings -WarningAction SilentlyContinue)
        $files.Name | Should -Be "$($eV3.Id).json", "$($eV2.Id).json", "$($eCc.Id).json", "$($eFar.Id).json"
        $files | Should -BeOfType ([IO.FileInfo])
        @(Get-ChildItem $folder -Force) | Should -HaveCount 4
        Read-Export (Join-Path $folder '281474976710655.json') | Should -BeExactly (Format-File $eV3 "`"$($eV3.Name)`"" 172 "`"$($eV3.Token)`"" "`"$($eV3.Key)`"")
        Read-Export (Join-Path $folder "$($eV2.Id).json") | Should -BeExactly (Format-File $eV2 "`"$($eV2.Name)`"" 172 '""' '""')
        Read-Export (Join-Path $folder "$($eCc.Id).json") | Should -BeExactly (Format-File $eCc '"Office, \"east\""' 204 "`"$($eCc.Token)`"" "`"$($eCc.Key)`"")
        Read-Export (Join-Path $folder "$($eFar.Id).json") | Should -BeExactly (Format-File $eFar "`"$($eFar.Name)`"" 172 "`"$($eFar.Token)`"" "`"$($eFar.Key)`"")
        $warnings | Where-Object { "$_" -like "*4 file(s) written to '$folder' hold the tokens and keys*" } | Should -HaveCount 1
        if (-not $IsWindows) { foreach ($file in $files) { $file.UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') } }
    }

    It 'writes token and key null for V3 units without -IncludeSecrets (so midea_ac_lan ignores them), "" for the V2 unit' {
        $folder = New-Target HomeAssistant 'plain'
        Export-MideaDevice -Path $folder -Format HomeAssistant -WarningVariable warnings -WarningAction SilentlyContinue
        Read-Export (Join-Path $folder '281474976710655.json') | Should -BeExactly (Format-File $eV3 "`"$($eV3.Name)`"" 172 'null' 'null')
        Read-Export (Join-Path $folder "$($eV2.Id).json") | Should -BeExactly (Format-File $eV2 "`"$($eV2.Name)`"" 172 '""' '""')
        $warnings | Where-Object { "$_" -like '*token and key null*' } | Should -HaveCount 3
    }

    It 'needs an existing folder, not a file' {
        $file = Join-Path $TestDrive 'a-file.txt'
        Set-Content $file 'mine'
        { Export-MideaDevice -Path $file -Format HomeAssistant } | Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
        { Export-MideaDevice -Path (Join-Path $TestDrive 'no-such-folder') -Format HomeAssistant } | Should -Throw -ErrorId 'StoreIOFailed,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
        Test-Path (Join-Path $TestDrive 'no-such-folder') | Should -BeFalse
        Get-Content $file | Should -Be 'mine'
    }

    It 'with -NoClobber writes no file when one of them exists' {
        $folder = New-Target HomeAssistant 'clobber'
        Set-Content (Join-Path $folder "$($eCc.Id).json") 'mine'
        $err = { Export-MideaDevice -Path $folder -Format HomeAssistant -NoClobber } | Should -Throw -ErrorId 'FileExists,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand' -PassThru
        $err.TargetObject | Should -Be (Join-Path $folder "$($eCc.Id).json")
        @(Get-ChildItem $folder -Force).Name | Should -Be "$($eCc.Id).json"
        Get-Content (Join-Path $folder "$($eCc.Id).json") | Should -Be 'mine'
    }
}

Describe 'Export-MideaDevice -Format Homebridge' {
    BeforeAll {
        function Format-Entry($E, [string] $Name, [string] $Type, [bool] $Secret) {
            $advanced = "        `"ip`": `"$($E.Address)`""
            if ($Secret -and $E.Token) { $advanced += ",`n        `"token`": `"$($E.Token)`",`n        `"key`": `"$($E.Key)`"" }
            "    {`n      `"id`": $($E.Id),`n      `"name`": $Name,`n      `"type`": `"$Type`",`n      `"advanced_options`": {`n$advanced`n      }`n    }"
        }
        function Get-ExpectedBlock([bool] $Secret) {
            "{`n  `"platform`": `"midea-platform`",`n  `"devices`": [`n" + ((Format-Entry $eV3 "`"$($eV3.Name)`"" 'Air Conditioner' $Secret),
                (Format-Entry $eV2 "`"$($eV2.Name)`"" 'Air Conditioner' $Secret), (Format-Entry $eCc '"Office, \"east\""' 'MDV WiFi Controller' $Secret),
                (Format-Entry $eFar "`"$($eFar.Name)`"" 'Air Conditioner' $Secret) -join ",`n") + "`n  ]`n}`n"
        }
    }

    It 'writes the platform block with numeric ids, the plugin''s type names, the IPv4 address and the pairs' {
        $path = Join-Path $TestDrive 'secrets.homebridge.json'
        Export-MideaDevice -Path $path -Format Homebridge -IncludeSecrets -WarningAction SilentlyContinue
        Read-Export $path | Should -BeExactly (Get-ExpectedBlock $true)
        $block = Get-Content -Raw $path | ConvertFrom-Json
        $block.devices[0].id | Should -BeOfType ([long])
        $block.devices[0].id | Should -Be 281474976710655
    }

    It 'writes no token or key without -IncludeSecrets, and warns for each V3 unit' {
        $path = Join-Path $TestDrive 'plain.homebridge.json'
        Export-MideaDevice -Path $path -Format Homebridge -WarningVariable warnings -WarningAction SilentlyContinue
        Read-Export $path | Should -BeExactly (Get-ExpectedBlock $false)
        $warnings | Where-Object { "$_" -like '*homebridge-midea-platform does not add a V3 unit without them*' } | Should -HaveCount 3
    }
}

Describe 'Export-MideaDevice, every format' {
    It 'writes no token or key without -IncludeSecrets (<_>)' -ForEach $formats {
        $target = New-Target $_ 'nosecret'
        Export-MideaDevice -Path $target -Format $_ -WarningAction SilentlyContinue
        Assert-NoSecret (Read-Target $target)
    }

    It 'keeps the secrets out of every stream with -IncludeSecrets, -Verbose and -PassThru (<_>)' -ForEach $formats {
        $target = New-Target $_ 'streams'
        $captured = & { Export-MideaDevice -Path $target -Format $_ -IncludeSecrets -Verbose -PassThru | Format-List * | Out-String } *>&1 | Out-String
        $captured | Should -Match 'Writing 4 device\(s\)'
        Assert-NoSecret $captured
        (Read-Target $target) | Should -Match $v3.Token.ToLowerInvariant()
    }

    It 'writes nothing with -WhatIf (<_>)' -ForEach $formats {
        $target = New-Target $_ 'whatif'
        Export-MideaDevice -Path $target -Format $_ -IncludeSecrets -WhatIf
        if ($_ -eq 'HomeAssistant') { @(Get-ChildItem $target -Force) | Should -BeNullOrEmpty }
        else { Test-Path $target | Should -BeFalse }
    }

    It 'says with -WhatIf which format and how many units' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module '{0}'
$env:MIDEA_STORE_PATH = '{1}'
Export-MideaDevice -Path '{2}' -Format MsmartNg -WhatIf
Export-MideaDevice -Path '{3}' -Format HomeAssistant -IncludeSecrets -WhatIf
'@ -f $modulePath, $store, (Join-Path $TestDrive 'whatif-child.txt'), (New-Target HomeAssistant 'whatif-child')
        Push-Location $repoRoot
        try {
            $output = (dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1) -join "`n"
            $LASTEXITCODE | Should -Be 0 -Because $output
        }
        finally { Pop-Location }
        $output | Should -Match 'Export 4 device\(s\) in the MsmartNg format without tokens and keys'
        $output | Should -Match 'Export 4 device\(s\) in the HomeAssistant format \(one file per unit\) with tokens and keys as plain hex'
        Test-Path (Join-Path $TestDrive 'whatif-child.txt') | Should -BeFalse
    }

    It 'refuses with -NoClobber to replace a file (<_>)' -ForEach ($formats | Where-Object { $_ -ne 'HomeAssistant' }) {
        $target = Join-Path $TestDrive "clobber-$_"
        Set-Content $target 'mine'
        { Export-MideaDevice -Path $target -Format $_ -NoClobber } | Should -Throw -ErrorId 'FileExists,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
        Get-Content $target | Should -Be 'mine'
    }

    It 'refuses to write over the device store (<_>)' -ForEach ($formats | Where-Object { $_ -ne 'HomeAssistant' }) {
        { Export-MideaDevice -Path $store -Format $_ } | Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
        Get-MideaDevice | Should -HaveCount 4
    }

    It 'refuses a HomeAssistant export whose unit file would be the device store' {
        $folder = New-Target HomeAssistant 'storefolder'
        $env:MIDEA_STORE_PATH = Join-Path $folder "$($eV3.Id).json"
        try {
            Copy-Item $store $env:MIDEA_STORE_PATH
            { Export-MideaDevice -Path $folder -Format HomeAssistant } | Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
            @(Get-MideaDevice) | Should -HaveCount 4
        }
        finally { $env:MIDEA_STORE_PATH = $store }
    }

    It 'still writes the store''s XML by default, readable by Import-MideaDevice' {
        $path = Join-Path $TestDrive 'default.xml'
        Export-MideaDevice -Path $path -IncludeSecrets -WarningAction SilentlyContinue
        ([xml](Read-Export $path)).MideaDevices.Device | Should -HaveCount 4
        $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'imported/devices.xml'
        try {
            @(Import-MideaDevice -Path $path -PassThru) | Should -HaveCount 4
            [Net.NetworkCredential]::new('', (Get-MideaDevice -Id $v3.Id).Token).Password | Should -Be $v3.Token.ToLowerInvariant()
        }
        finally { $env:MIDEA_STORE_PATH = $store }
    }
}
