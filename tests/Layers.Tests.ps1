# The shape docs/architecture.md describes, held by the sources: protocol decisions live in the
# appliance layer and the transport, never in the cmdlets, and the folders of Midea.Protocol use
# only the folders below them. A rule broken here is a design change to make on purpose.
BeforeAll {
    $root = Join-Path $PSScriptRoot '..'
    function Get-Source([string] $Folder) {
        Get-ChildItem (Join-Path $root $Folder) -Recurse -Filter *.cs | Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]'
    }
    # Lines that say something: no comments, no XML documentation.
    function Get-CodeLine([System.IO.FileInfo[]] $Files) {
        foreach ($file in $Files) {
            $number = 0
            foreach ($line in [System.IO.File]::ReadAllLines($file.FullName)) {
                $number++
                if ($line -match '^\s*//') { continue }
                [pscustomobject]@{ Where = "$($file.Name):$number"; Text = $line }
            }
        }
    }
    $script:cmdletLines = @(Get-CodeLine (Get-Source 'src/Midea.PowerShell'))
}

Describe 'The cmdlet assembly' {
    It 'is scanned (the scan itself works)' {
        $cmdletLines.Count | Should -BeGreaterThan 2000
        ($cmdletLines | Where-Object Text -CMatch 'class GetMideaStateCommand') | Should -Not -BeNullOrEmpty
    }

    It 'builds no frame, names no frame id and picks no data group: that is the appliance layer''s' {
        $codecs = 'AcCommands|StateCodec|CapabilityCodec|PropertyCodec|PropertyValues|PropertyId|GroupCodec|CcQueryCodec|CcControlCodec|FrameType|AaFrame|RequestAsync|ExchangeAsync'
        # MideaConnection is the raw connection; Test-MideaConnection only shares the word.
        $found = $cmdletLines | Where-Object Text -CMatch "\b($codecs)\b|(?<![\w`"])MideaConnection(?!Test)\b" | ForEach-Object { "$($_.Where): $($_.Text.Trim())" }
        $found | Should -BeNullOrEmpty
    }

    It 'decides no energy format, breeze or auxiliary-heat mapping: the appliance layer does' {
        $found = $cmdletLines | Where-Object Text -CMatch '\bEnergyBcd\b|\bBreezeControl\b|\bBreezeAway\b\s*(==|\|\|)|\bIndependentAuxHeat\b|\bAuxModes\b' |
            ForEach-Object { "$($_.Where): $($_.Text.Trim())" }
        $found | Should -BeNullOrEmpty
    }

    It 'computes no time budget and counts no retries: RequestPolicy has the numbers' {
        # A TimeSpan from a user's -…Seconds parameter is a value, not a policy; the simulator's
        # fault and delay parameters are the simulator's. Everything else is a literal.
        $found = $cmdletLines | Where-Object Text -CMatch 'TimeSpan\.From\w+\(\s*\d|Attempts|Backoff|\+\s*TimeSpan\.From|\* \(1 \+' |
            Where-Object Where -NotMatch '^AtomicFile\.cs' |
            ForEach-Object { "$($_.Where): $($_.Text.Trim())" }
        $found | Should -BeNullOrEmpty
    }

    It 'casts to no public wire enum: each maps from the protocol''s by name in EnumMapping (CommercialMapping for 0xCC units)' {
        $enums = 'OperationalMode|FanSpeed|SwingMode|SwingAngle|BreezeSetting|RateSelect|FreshAirSpeed|CascadeMode|AuxiliaryHeat|EnergyFormat|WifiCredentialSource|FanLevel|WindSense|PurifierMode'
        $found = $cmdletLines | Where-Object Where -NotMatch '^(EnumMapping|CommercialMapping)\.cs' |
            Where-Object Text -CMatch "\(($enums)\??\)\s*[\w(]" |
            ForEach-Object { "$($_.Where): $($_.Text.Trim())" }
        $found | Should -BeNullOrEmpty
    }
}

Describe 'The folders of Midea.Protocol' {
    BeforeDiscovery {
        # Each folder and the folders it may use (docs/architecture.md §1.1).
        $script:rules = @(
            @{ Folder = 'Codec'; May = @() }
            @{ Folder = 'Ac'; May = @('Codec') }
            @{ Folder = 'Cc'; May = @('Codec') }
            @{ Folder = 'Provisioning'; May = @('Codec') }
            @{ Folder = 'Inspection'; May = @('Ac', 'Cc', 'Codec', 'Provisioning') }
            @{ Folder = 'Cloud'; May = @('Codec', 'Transport') }
            @{ Folder = 'Transport'; May = @('Codec', 'Provisioning') }
            @{ Folder = 'Appliances'; May = @('Ac', 'Cc', 'Codec', 'Transport') }
        )
    }

    It '<Folder> uses only <May>' -ForEach $rules {
        $folders = 'Codec', 'Ac', 'Cc', 'Provisioning', 'Inspection', 'Cloud', 'Transport', 'Appliances'
        $forbidden = $folders | Where-Object { $_ -ne $Folder -and $_ -notin $May }
        $files = Get-Source "src/Midea.Protocol/$Folder"
        $files | Should -Not -BeNullOrEmpty
        $found = Get-CodeLine $files | Where-Object Text -CMatch "\bMidea\.Protocol\.($($forbidden -join '|'))\b" | ForEach-Object { "$($_.Where): $($_.Text.Trim())" }
        $found | Should -BeNullOrEmpty
    }
}
