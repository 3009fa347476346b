# The per-user device store: Save-, Get-, Remove-, Export- and Import-MideaDevice.
# 127.0.12.x only. MIDEA_STORE_PATH points into $TestDrive, so the real store is never touched.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $modulePath = Join-Path (Get-Module Midea).ModuleBase 'Midea.psd1'
    $repoRoot = Join-Path $PSScriptRoot '..'
    $previousStorePath = $env:MIDEA_STORE_PATH
    $storeDir = Join-Path $TestDrive 'store'
    $store = Join-Path $storeDir 'devices.xml'
    $env:MIDEA_STORE_PATH = $store

    $v3 = Start-MideaSimulator -Address 127.0.12.10 -ProtocolVersion 3
    $v2 = Start-MideaSimulator -Address 127.0.12.11 -ProtocolVersion 2

    # Empties the store, then saves both simulated units as Find-MideaDevice reports them.
    function Reset-Store {
        Remove-Item -Recurse -Force $storeDir -ErrorAction SilentlyContinue
        $v3 | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice -Token $v3.Token -Key $v3.Key
        $v2 | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice
    }

    function ConvertTo-Plain([securestring] $Secure) {
        [Net.NetworkCredential]::new('', $Secure).Password
    }

    # Runs $Body with MIDEA_STORE_PATH set to $Path, restoring the test store afterwards.
    function Use-Store([string] $Path, [scriptblock] $Body) {
        $env:MIDEA_STORE_PATH = $Path
        try { & $Body } finally { $env:MIDEA_STORE_PATH = $store }
    }

    # The internal API other code calls (DeviceStore.Find/Load), reached by reflection.
    $deviceStore = (Get-Module Midea).ImplementingAssembly.GetType('Midea.PowerShell.Internal.Store.DeviceStore', $true)
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $previousStorePath
}

Describe 'Save-MideaDevice and Get-MideaDevice' {
    BeforeAll { Reset-Store }

    It 'returns the saved units as MideaDevice objects with the credentials' {
        $devices = @(Get-MideaDevice)
        $devices | Should -HaveCount 2
        $devices[0] | Should -BeOfType ([Midea.MideaDevice])
        $saved = Get-MideaDevice -Id $v3.Id
        $saved.Address | Should -Be '127.0.12.10'
        $saved.ProtocolVersion | Should -Be 3
        $saved.Name | Should -Not -BeNullOrEmpty
        $saved.Token | Should -BeOfType ([securestring])
        ConvertTo-Plain $saved.Token | Should -Be $v3.Token
        ConvertTo-Plain $saved.Key | Should -Be $v3.Key
        (Get-MideaDevice -Id $v2.Id).Token | Should -BeNullOrEmpty
    }

    It 'pipes into Get-MideaState with working credentials' {
        $before = $v3.Requests
        $states = @(Get-MideaDevice | Get-MideaState -TimeoutSeconds 5)
        $states | Should -HaveCount 2
        $states | ForEach-Object Address | Sort-Object | Should -Be '127.0.12.10', '127.0.12.11'
        $v3.Requests | Should -BeGreaterThan $before
    }

    It 'filters by name with wildcards' {
        $name = (Get-MideaDevice -Id $v3.Id).Name
        @(Get-MideaDevice -Name 'net_ac_*') | Should -HaveCount 2
        (Get-MideaDevice -Name $name).Id | Should -Be $v3.Id
        @(Get-MideaDevice -Name ($name.ToUpperInvariant().Substring(0, 8) + '*')) | Should -HaveCount 2
        Get-MideaDevice -Name 'nothing-like-this*' -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }

    It 'reports an unknown id or exact name as DeviceNotFound' {
        Get-MideaDevice -Id 4242 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'DeviceNotFound,Midea.PowerShell.Cmdlets.GetMideaDeviceCommand'
        Get-MideaDevice -Name 'Attic' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceNotFound,*'
    }

    It 'updates the entry with the same id and keeps what the input leaves out' {
        $updated = Save-MideaDevice -Id $v3.Id -Name 'Living room' -PassThru
        $updated.Name | Should -Be 'Living room'
        @(Get-MideaDevice) | Should -HaveCount 2
        $saved = Get-MideaDevice -Id $v3.Id
        $saved.Name | Should -Be 'Living room'
        $saved.Address | Should -Be '127.0.12.10'
        ConvertTo-Plain $saved.Token | Should -Be $v3.Token
        (Get-MideaDevice -Id $v3.Id | Get-MideaState).Address | Should -Be '127.0.12.10'
    }

    It 'saves from plain parameters, and needs -Address and -ProtocolVersion for a new id' {
        Save-MideaDevice -Id 1201 -Address 127.0.12.99 -ProtocolVersion 2 -Port 6445 -Name 'Garage'
        $garage = Get-MideaDevice -Name Garage
        $garage.Port | Should -Be 6445
        $garage.Id | Should -Be 1201
        Save-MideaDevice -Id 1202 -Name 'Nowhere' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Midea.PowerShell.Cmdlets.SaveMideaDeviceCommand'
        Remove-MideaDevice -Id 1201
    }

    It 'rejects a malformed key without echoing it and leaves the store unchanged' {
        $before = (Get-FileHash $store).Hash
        Save-MideaDevice -Id 1203 -Address 127.0.12.98 -ProtocolVersion 3 -Token $v3.Token -Key 'abc123' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        $failures[0].Exception.Message | Should -Not -Match 'abc123'
        (Get-FileHash $store).Hash | Should -Be $before
    }

    It 'does not write with -WhatIf' {
        $before = (Get-FileHash $store).Hash
        Save-MideaDevice -Id 1204 -Address 127.0.12.97 -ProtocolVersion 2 -WhatIf
        (Get-FileHash $store).Hash | Should -Be $before
    }

    It 'survives a new PowerShell process' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module '{0}'
Get-MideaDevice | ForEach-Object {{ 'device:' + $_.Id }}
Get-MideaDevice -Id {1} | Get-MideaState -TimeoutSeconds 5 | ForEach-Object {{ 'state:' + $_.Address }}
Get-MideaState -Address 127.0.12.10 -TimeoutSeconds 5 | ForEach-Object {{ 'auto:' + $_.Address }}
'@ -f $modulePath, $v3.Id
        Push-Location $repoRoot
        try {
            $output = dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        }
        finally {
            Pop-Location
        }
        $output | Should -Contain "device:$($v3.Id)"
        $output | Should -Contain "device:$($v2.Id)"
        $output | Should -Contain 'state:127.0.12.10'
        $output | Should -Contain 'auto:127.0.12.10'
    }

    It 'offers saved units when -Address is completed' {
        Save-MideaDevice -Id 990099 -Address 127.0.12.99 -ProtocolVersion 2 -Name 'net_ac_saved'
        $line = 'Get-MideaState -Address 127.0.12.9'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        ($matches | ForEach-Object CompletionText) | Should -Contain '127.0.12.99'
        ($matches | Where-Object CompletionText -EQ '127.0.12.99').ToolTip | Should -Match 'saved'
        Remove-MideaDevice -Id 990099
    }

    It 'is used automatically when no -Token and -Key are given' {
        (Get-MideaState -Address 127.0.12.10 -Verbose 4>&1 | ForEach-Object { "$_" }) -join "`n" | Should -Match 'stored for id'
        $test = Test-MideaConnection -Address 127.0.12.10
        $test.Success | Should -BeTrue
        $test.CredentialSource | Should -Be 'Store'
    }

    It 'creates the store with mode 0600 and its folder with 0700' -Skip:$IsWindows {
        (Get-Item $store).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
        (Get-Item $storeDir).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
    }

    It 'writes atomically: no temp file is left after a save' {
        Save-MideaDevice -Id $v2.Id -Name 'Bedroom'
        $names = @(Get-ChildItem -Force $storeDir | ForEach-Object Name)
        $names | Where-Object { $_ -like '*.tmp' } | Should -BeNullOrEmpty
        $names | Sort-Object | Should -Be 'devices.xml', 'devices.xml.lock'
    }

    It 'keeps every save when several runspaces save at once' {
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:modulePath
            foreach ($n in 1..8) {
                Save-MideaDevice -Id (2000 + 10 * $_ + $n) -Address "127.0.12.$(100 + $_)" -ProtocolVersion 2 -ErrorAction Stop
            }
        }
        @(Get-MideaDevice) | Should -HaveCount (2 + 32)
        Get-MideaDevice | Where-Object { $_.Id -gt 2000 -and $_.Id -lt 3000 } | Remove-MideaDevice
        @(Get-MideaDevice) | Should -HaveCount 2
    }
}

Describe 'Secrets' {
    BeforeAll { Reset-Store }

    It 'keeps the token and key out of every stream, with -Verbose and -Debug' {
        $DebugPreference = 'Continue'
        $backup = Join-Path $TestDrive 'secrets-backup.xml'
        $captured = & {
            $v3 | Find-MideaDevice -TimeoutSeconds 2 | Save-MideaDevice -Token $v3.Token -Key $v3.Key -PassThru -Verbose -Debug | Format-List * | Out-String
            Save-MideaDevice -Id 1301 -Address 127.0.12.96 -ProtocolVersion 3 -Verbose
            Save-MideaDevice -Id 1302 -Address 127.0.12.95 -ProtocolVersion 3 -Token $v3.Token -Key 'zz' -Verbose -ErrorAction Continue
            Get-MideaDevice -Verbose | Format-Table | Out-String
            Get-MideaDevice -Verbose | Format-List * | Out-String
            Get-MideaDevice -Id $v3.Id -Verbose | Get-MideaState -Verbose -Debug | Format-List * | Out-String
            Export-MideaDevice -Path $backup -IncludeSecrets -Verbose -PassThru | Out-String
            Import-MideaDevice -Path $backup -PassThru -Verbose | Format-List * | Out-String
            Remove-MideaDevice -Id 1301, 4242 -Verbose -ErrorAction Continue
            Remove-MideaDevice -Id $v3.Id -WhatIf -Verbose
        } *>&1 | Out-String
        $captured | Should -Match ([regex]::Escape("Reading the device store '$store'"))
        $captured | Should -Match ([regex]::Escape("to the device store '$store'"))
        $captured | Should -Match 'DeviceNotFound|No device with id 4242'
        $captured | Should -Not -Match $v3.Token
        $captured | Should -Not -Match $v3.Key
    }

    It 'shows no credentials in the default view' {
        $text = Get-MideaDevice | Out-String
        $text | Should -Not -Match 'Token'
        $text | Should -Not -Match $v3.Token
    }
}

Describe 'Remove-MideaDevice' {
    BeforeEach { Reset-Store }

    It 'keeps the entry with -WhatIf' {
        $before = (Get-FileHash $store).Hash
        Remove-MideaDevice -Id $v3.Id -WhatIf
        Get-MideaDevice -Id $v3.Id | Should -Not -BeNullOrEmpty
        (Get-FileHash $store).Hash | Should -Be $before
    }

    It 'removes the entries piped in' {
        Get-MideaDevice -Id $v2.Id | Remove-MideaDevice
        @(Get-MideaDevice).Id | Should -Be $v3.Id
    }

    It 'reports an unknown id as DeviceNotFound and removes the known ones' {
        Remove-MideaDevice -Id 4242, $v2.Id -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'DeviceNotFound,Midea.PowerShell.Cmdlets.RemoveMideaDeviceCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 4242
        @(Get-MideaDevice).Id | Should -Be $v3.Id
    }

    It 'reports DeviceNotFound when there is no store at all, and creates nothing' {
        $empty = Join-Path $TestDrive 'none/devices.xml'
        Use-Store $empty {
            Remove-MideaDevice -Id 4242 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeviceNotFound,*'
        }
        Test-Path (Split-Path $empty) | Should -BeFalse
    }
}

Describe 'Export-MideaDevice and Import-MideaDevice' {
    BeforeAll {
        Reset-Store
        $plain = Join-Path $TestDrive 'backup.xml'
        $full = Join-Path $TestDrive 'backup-secrets.xml'
    }

    It 'exports no token or key without -IncludeSecrets' {
        Export-MideaDevice -Path $plain
        $text = Get-Content -Raw $plain
        $text | Should -Match ([string]$v3.Id)
        $text | Should -Not -Match $v3.Token
        $text | Should -Not -Match $v3.Key
        ([xml]$text).SelectNodes('//Token|//Key').Count | Should -Be 0
    }

    It 'exports the token and key with -IncludeSecrets, with a warning' {
        $file = Export-MideaDevice -Path $full -IncludeSecrets -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $file.FullName | Should -Be $full
        $warnings | Should -Not -BeNullOrEmpty
        $text = Get-Content -Raw $full
        $text | Should -Match $v3.Token
        $text | Should -Match $v3.Key
    }

    It 'creates a secret-bearing export with mode 0600' -Skip:$IsWindows {
        (Get-Item $full).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'refuses to export over the store itself or with -NoClobber over a file' {
        { Export-MideaDevice -Path $store } | Should -Throw -ErrorId 'InvalidArgument,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
        ConvertTo-Plain (Get-MideaDevice -Id $v3.Id).Token | Should -Be $v3.Token
        { Export-MideaDevice -Path $plain -NoClobber } | Should -Throw -ErrorId 'FileExists,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
    }

    It 'round-trips through an import into an empty store' {
        $other = Join-Path $TestDrive 'imported/devices.xml'
        Use-Store $other {
            $imported = @(Import-MideaDevice -Path $full -PassThru)
            $imported | Should -HaveCount 2
            $devices = @(Get-MideaDevice)
            $devices.Id | Sort-Object | Should -Be (@($v3.Id, $v2.Id) | Sort-Object)
            $saved = Get-MideaDevice -Id $v3.Id
            $saved.Address | Should -Be '127.0.12.10'
            $saved.MacAddress | Should -Be $v3.MacAddress
            ConvertTo-Plain $saved.Token | Should -Be $v3.Token
            ConvertTo-Plain $saved.Key | Should -Be $v3.Key
            (Get-MideaDevice -Id $v3.Id | Get-MideaState).Address | Should -Be '127.0.12.10'
        }
    }

    It 'keeps stored credentials when the import file has none' {
        Save-MideaDevice -Id $v3.Id -Name 'Before import'
        Import-MideaDevice -Path $plain
        $saved = Get-MideaDevice -Id $v3.Id
        $saved.Name | Should -Not -Be 'Before import'
        ConvertTo-Plain $saved.Token | Should -Be $v3.Token
    }

    It 'merges by id, adding new units and replacing known ones' {
        $extra = Join-Path $TestDrive 'extra.xml'
        Use-Store $extra { Save-MideaDevice -Id 1401 -Address 127.0.12.94 -ProtocolVersion 2 -Name 'Attic' }
        Import-MideaDevice -Path $extra -PassThru | ForEach-Object Id | Should -Be 1401
        @(Get-MideaDevice) | Should -HaveCount 3
        Import-MideaDevice -Path $extra -WhatIf
        @(Get-MideaDevice) | Should -HaveCount 3
        Remove-MideaDevice -Id 1401
    }

    It 'reports a file that is not a device file as InvalidDeviceFile and leaves the store alone' {
        $bad = Join-Path $TestDrive 'not-a-backup.xml'
        Set-Content -Path $bad -Value '<Other/>'
        $before = (Get-FileHash $store).Hash
        Import-MideaDevice -Path $bad -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidDeviceFile,Midea.PowerShell.Cmdlets.ImportMideaDeviceCommand'
        $failures[0].Exception.Message | Should -Match ([regex]::Escape($bad))
        Import-MideaDevice -Path (Join-Path $TestDrive 'missing.xml') -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'FileNotFound,*'
        (Get-FileHash $store).Hash | Should -Be $before
    }
}

Describe 'A corrupt store (<Case>)' -ForEach @(
    @{ Case = 'not XML'; Content = '<MideaDevices formatVersion="1"><Device id="5"'; Problem = 'not well-formed XML' }
    @{ Case = 'empty file'; Content = ''; Problem = 'empty' }
    @{ Case = 'wrong root'; Content = '<Devices formatVersion="1" />'; Problem = "root element is 'Devices'" }
    @{ Case = 'unknown version'; Content = '<MideaDevices formatVersion="9" />'; Problem = "format version '9'" }
    @{ Case = 'bad hex'; Content = '<MideaDevices formatVersion="1"><Device id="5" address="127.0.12.50" port="6444" protocolVersion="3"><Token encoding="hex">zzqq' + ('0' * 124) + '</Token></Device></MideaDevices>'; Problem = 'token is not hex' }
    @{ Case = 'short key'; Content = '<MideaDevices formatVersion="1"><Device id="5" address="127.0.12.50" port="6444" protocolVersion="3"><Key encoding="hex">abcdef12</Key></Device></MideaDevices>'; Problem = 'key is 4 bytes' }
    @{ Case = 'bad id'; Content = '<MideaDevices formatVersion="1"><Device id="x5" address="127.0.12.50" port="6444" protocolVersion="2" /></MideaDevices>'; Problem = "id 'x5'" }
) {
    BeforeAll {
        $dir = Join-Path $TestDrive ('corrupt-' + ($Case -replace '\W', '-'))
        $null = New-Item -ItemType Directory -Force $dir
        $path = Join-Path $dir 'devices.xml'
        [IO.File]::WriteAllText($path, $Content)
        $hash = (Get-FileHash $path).Hash
        $import = Join-Path $TestDrive 'corrupt-import.xml'
        Use-Store $import { Save-MideaDevice -Id 1501 -Address 127.0.12.93 -ProtocolVersion 2 }
        $env:MIDEA_STORE_PATH = $path
    }

    AfterAll {
        $env:MIDEA_STORE_PATH = $store
    }

    It 'gives StoreCorrupt from Get-MideaDevice, naming the file and the defect' {
        $failure = { Get-MideaDevice } | Should -Throw -ErrorId 'StoreCorrupt,Midea.PowerShell.Cmdlets.GetMideaDeviceCommand' -PassThru
        $failure.Exception.Message | Should -Match ([regex]::Escape($path))
        $failure.Exception.Message | Should -Match ([regex]::Escape($Problem))
        $failure.Exception.Message | Should -Not -Match 'zzqq|abcdef12'
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'refuses to save, remove, import or export' {
        { Save-MideaDevice -Id 1502 -Address 127.0.12.92 -ProtocolVersion 2 } | Should -Throw -ErrorId 'StoreCorrupt,Midea.PowerShell.Cmdlets.SaveMideaDeviceCommand'
        { Remove-MideaDevice -Id 5 } | Should -Throw -ErrorId 'StoreCorrupt,Midea.PowerShell.Cmdlets.RemoveMideaDeviceCommand'
        { Import-MideaDevice -Path $import } | Should -Throw -ErrorId 'StoreCorrupt,Midea.PowerShell.Cmdlets.ImportMideaDeviceCommand'
        $export = Join-Path $TestDrive 'corrupt-export.xml'
        { Export-MideaDevice -Path $export } | Should -Throw -ErrorId 'StoreCorrupt,Midea.PowerShell.Cmdlets.ExportMideaDeviceCommand'
        Test-Path $export | Should -BeFalse
    }

    It 'leaves the file byte-for-byte untouched, with no temp file beside it' {
        { Get-MideaDevice } | Should -Throw
        { Save-MideaDevice -Id 1502 -Address 127.0.12.92 -ProtocolVersion 2 } | Should -Throw
        { Remove-MideaDevice -Id 5 } | Should -Throw
        (Get-FileHash $path).Hash | Should -Be $hash
        Get-ChildItem -Force $dir -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'raises StoreCorruptException from the internal DeviceStore.Find' {
        $thrown = { $deviceStore.GetMethod('Find', [type[]]@([long])).Invoke($null, @([long]5)) } | Should -Throw -PassThru
        $thrown.Exception.InnerException.GetType().Name | Should -Be 'StoreCorruptException'
    }
}

Describe 'The internal DeviceStore API' {
    It 'Find returns null when there is no store file' {
        Use-Store (Join-Path $TestDrive 'absent/devices.xml') {
            $deviceStore.GetMethod('Find', [type[]]@([long])).Invoke($null, @([long]5)) | Should -BeNullOrEmpty
            $deviceStore.GetMethod('Load', [type[]]@()).Invoke($null, @()).Count | Should -Be 0
        }
    }

    It 'Find returns the stored entry with the raw token bytes' {
        Reset-Store
        $entry = $deviceStore.GetMethod('Find', [type[]]@([long])).Invoke($null, @([long]$v3.Id))
        $entry.Address | Should -Be '127.0.12.10'
        $entry.Token.Length | Should -Be 64
        $entry.Key.Length | Should -Be 32
        ([Convert]::ToHexString($entry.Token)).ToLowerInvariant() | Should -Be $v3.Token
        $entry.SavedUtc.Kind | Should -Be 'Utc'
        $deviceStore.GetProperty('Path').GetValue($null) | Should -Be $store
    }

    It 'uses the per-user location without MIDEA_STORE_PATH' {
        $env:MIDEA_STORE_PATH = $null
        try {
            $default = $deviceStore.GetProperty('Path').GetValue($null)
        }
        finally {
            $env:MIDEA_STORE_PATH = $store
        }
        if ($IsWindows) {
            $default | Should -Be (Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'Midea\devices.xml')
        }
        else {
            $config = if ($env:XDG_CONFIG_HOME) { $env:XDG_CONFIG_HOME } else { Join-Path $HOME '.config' }
            $default | Should -Be (Join-Path $config 'midea/devices.xml')
        }
    }
}
