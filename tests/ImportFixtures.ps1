# Dot-sourced by Pester tests that import units the way a user would: New-ImportFixture writes a
# file in another tool's layout (docs/import-formats.md §4-§6) for one unit, typically a simulated
# one, so Import-MideaDevice can be tested with that unit's real token and key.
# Every other unit and entry in the files is invented; no address but the unit's own appears.

# The appliance type of a unit as its number: 'AirConditioner' or 'CommercialAc' (Find-MideaDevice,
# the store, MideaSimulator.DeviceType), 'ac'/'0xCC' hex text, or a number. Other types are refused,
# since a fixture for a unit the module does not drive would test nothing.
function ConvertTo-ImportFixtureType([object] $Type) {
    if ($null -eq $Type -or "$Type" -eq '') { return 0xAC }
    if ($Type -is [ValueType] -and $Type -isnot [enum]) { $number = [int]$Type }
    else {
        $text = "$Type"
        $number = switch -Regex ($text) {
            '^AirConditioner$' { 0xAC; break }
            '^CommercialAc$' { 0xCC; break }
            '^(0x)?[0-9a-f]{1,2}$' { [Convert]::ToInt32(($text -replace '^0x'), 16); break }
            default { -1 }
        }
    }
    if ($number -notin 0xAC, 0xCC) { throw "New-ImportFixture writes air conditioners (0xAC) and commercial units (0xCC), not the type '$Type'." }
    $number
}

# A token or key as lowercase hex, or $null: from hex text (a MideaSimulator's Token), bytes, or a
# SecureString (a MideaDevice from the store).
function ConvertTo-ImportFixtureHex([object] $Secret, [int] $Bytes, [string] $What) {
    if ($null -eq $Secret) { return $null }
    if ($Secret -is [securestring]) { $Secret = [Net.NetworkCredential]::new('', $Secret).Password }
    if ($Secret -is [byte[]]) { $Secret = [Convert]::ToHexString($Secret) }
    $hex = "$Secret" -replace '\s', ''
    if ($hex -eq '') { return $null }
    # The message says what is wrong, never the value.
    if ($hex -notmatch "^[0-9a-fA-F]{$($Bytes * 2)}$") { throw "The unit's $What is not $($Bytes * 2) hex digits." }
    $hex.ToLowerInvariant()
}

# A property of the unit, or $null when it has none (under Set-StrictMode too).
function Get-ImportFixtureValue([object] $Unit, [string] $Name) {
    $property = $Unit.PSObject.Properties[$Name]
    # The comma keeps a byte[] whole: the pipeline would hand it on byte by byte.
    if ($property) { , $property.Value }
}

# Python's str() of a string: single quotes, with backslashes and quotes escaped.
function ConvertTo-PythonString([string] $Text) {
    "'" + ($Text -replace '\\', '\\' -replace "'", "\'") + "'"
}

function New-ImportFixture {
    <#
    .SYNOPSIS
        Writes a file in another tool's layout that holds one unit, for import tests.
    .DESCRIPTION
        HomeAssistant: .storage/core.config_entries with a midea_ac entry for the unit, between an
        entry of an unrelated integration and a midea_ac_lan entry of a dehumidifier (both for the
        reader to pass over). Each entry is one line, as Home Assistant writes them.
        MsmartNg: the log msmart-ng discover writes to standard error, with the unit's "Found device:"
        dictionary.
        Homebridge: config.json with a bridge block, the UI's platform and a midea-platform block
        with the unit. The format has no port, so a unit on another port than 6444 gets a warning.
        A version 2 unit is written without token and key, as each tool writes one.
    .PARAMETER Unit
        Any object with Id, Address, ProtocolVersion, and optionally Port (6444), Type or DeviceType
        (AirConditioner), Name, SerialNumber, Token and Key (hex text, bytes or SecureString): a
        MideaSimulator, a MideaDevice, or a [pscustomobject].
    .OUTPUTS
        The file written (System.IO.FileInfo).
    .EXAMPLE
        $unit = Start-MideaSimulator -Address 127.0.47.10 -ProtocolVersion 3
        New-ImportFixture -Format HomeAssistant -Path (Join-Path $TestDrive 'core.config_entries') -Unit $unit
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory)] [ValidateSet('HomeAssistant', 'MsmartNg', 'Homebridge')] [string] $Format,
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [object] $Unit
    )
    $id = [long](Get-ImportFixtureValue $Unit 'Id')
    $address = [string](Get-ImportFixtureValue $Unit 'Address')
    if ($id -lt 1 -or $id -gt 0xFFFFFFFFFFFF) { throw "The unit's Id $id is not a device id (1 to 2^48-1)." }
    if (-not $address) { throw 'The unit has no Address.' }
    $port = Get-ImportFixtureValue $Unit 'Port'
    $port = if ($port) { [int]$port } else { 6444 }
    $version = [int](Get-ImportFixtureValue $Unit 'ProtocolVersion')
    if ($version -notin 2, 3) { throw "The unit's ProtocolVersion $version is not 2 or 3." }
    $typeValue = Get-ImportFixtureValue $Unit 'Type'
    if ($null -eq $typeValue) { $typeValue = Get-ImportFixtureValue $Unit 'DeviceType' }
    $type = ConvertTo-ImportFixtureType $typeValue
    $name = [string](Get-ImportFixtureValue $Unit 'Name')
    $serial = [string](Get-ImportFixtureValue $Unit 'SerialNumber')
    if (-not $serial) { $serial = '000000P0000000Q1{0:X12}0000' -f $id }
    $token = $null
    $key = $null
    if ($version -eq 3) {
        $token = ConvertTo-ImportFixtureHex (Get-ImportFixtureValue $Unit 'Token') 64 'token'
        $key = ConvertTo-ImportFixtureHex (Get-ImportFixtureValue $Unit 'Key') 32 'key'
    }
    $created = '2026-08-20T10:15:00.123456+00:00'

    $text = switch ($Format) {
        'HomeAssistant' {
            # Home Assistant sorts the keys of each entry, nested ones too, and writes it on one line (an orjson fragment).
            function ConvertTo-SortedDictionary([object] $Value) {
                if ($Value -isnot [System.Collections.IDictionary]) { return , $Value }
                $sorted = [ordered]@{}
                foreach ($k in @($Value.Keys) | Sort-Object -CaseSensitive) { $sorted[$k] = ConvertTo-SortedDictionary $Value[$k] }
                $sorted
            }
            function ConvertTo-EntryLine([System.Collections.IDictionary] $Entry) {
                '      ' + (ConvertTo-SortedDictionary $Entry | ConvertTo-Json -Compress -Depth 10)
            }
            function New-Entry([string] $Domain, [string] $EntryId, [string] $Title, [object] $Data, [object] $Options, [object] $UniqueId, [int] $Minor) {
                [ordered]@{
                    created_at = $created; data = $Data; discovery_keys = @{}; disabled_by = $null; domain = $Domain
                    entry_id = $EntryId; minor_version = $Minor; modified_at = $created; options = $Options
                    pref_disable_new_entities = $false; pref_disable_polling = $false; source = 'user'
                    subentries = @(); title = $Title; unique_id = $UniqueId; version = 1
                }
            }
            # Another unit's id that cannot be the unit's own.
            $otherId = if ($id -eq 123456789000161) { 123456789000162 } else { 123456789000161 }
            $entries = @(
                # An unrelated integration: passed over without a note.
                New-Entry 'met' '01J9ZQ4K7M2N8P5R3T6V0W1YA0' 'Home' ([ordered]@{ track_home = $true }) @{} $null 1
                New-Entry 'midea_ac' '01J9ZQ4K7M2N8P5R3T6V0W1YA1' "midea_ac $id" ([ordered]@{
                        device_type = $type; id = $id; host = $address; port = $port; token = $token; k1 = $key
                    }) ([ordered]@{ update_interval = 15; temp_step = 1.0; max_connection_lifetime = $null; swing_angle_rtl = $false }) "$id" 7
                # A dehumidifier (0xA1 = 161), skipped with a note. Its secrets are invented.
                New-Entry 'midea_ac_lan' '01J9ZQ4K7M2N8P5R3T6V0W1YA2' 'Dehumidifier' ([ordered]@{
                        name = 'Dehumidifier'; device_id = $otherId; type = 161; protocol = 3; ip_address = $address; port = 6444
                        model = '00000000'; subtype = 0; token = 'f' * 128; key = 'e' * 64
                    }) ([ordered]@{ refresh_interval = 30 }) $null 2
            )
            $lines = ($entries | ForEach-Object { ConvertTo-EntryLine $_ }) -join ",`n"
            "{`n  `"version`": 1,`n  `"minor_version`": 5,`n  `"key`": `"core.config_entries`",`n  `"data`": {`n    `"entries`": [`n$lines`n    ]`n  }`n}`n"
        }
        'MsmartNg' {
            $typeRepr = if ($type -eq 0xCC) { '<DeviceType.COMMERCIAL_AC: 204>' } else { '<DeviceType.AIR_CONDITIONER: 172>' }
            $shownName = if ($name) { $name } else { 'net_{0:x2}_{1:X4}' -f $type, ($id -band 0xFFFF) }
            $pyToken = if ($token) { ConvertTo-PythonString $token } else { 'None' }
            $pyKey = if ($key) { ConvertTo-PythonString $key } else { 'None' }
            $dict = "{'ip': $(ConvertTo-PythonString $address), 'port': $port, 'id': $id, 'online': True, 'supported': True, 'type': $typeRepr, " +
                "'name': $(ConvertTo-PythonString $shownName), 'sn': $(ConvertTo-PythonString $serial), 'key': $pyKey, 'token': $pyToken}"
            $log = [System.Collections.Generic.List[string]]::new()
            $log.Add('INFO:msmart.cli:Discovering all devices on local network.')
            if ($token) {
                $log.Add("INFO:msmart.lan:Creating new connection to ${address}:$port.")
                $log.Add("INFO:msmart.lan:Authenticating with ${address}:$port.")
                # A session key: the reader must not take it for the unit's key.
                $log.Add("INFO:msmart.lan:Authentication with ${address}:$port successful. Expiration: 2026-08-21T10:15:00+00:00, Local key: $('0123456789abcdef' * 4)")
            }
            $log.Add('INFO:msmart.cli:Found 1 devices.')
            $log.Add('INFO:msmart.cli:Found device:')
            $log.Add($dict)
            ($log -join "`n") + "`n"
        }
        'Homebridge' {
            if ($port -ne 6444) { Write-Warning "Homebridge's format has no port: an import of this file assumes 6444, not the unit's $port." }
            $advanced = [ordered]@{ ip = $address }
            if ($token) { $advanced.token = $token; $advanced.key = $key }
            $device = [ordered]@{
                id = $id
                name = if ($name) { $name } else { "Unit $id" }
                type = if ($type -eq 0xCC) { 'MDV WiFi Controller' } else { 'Air Conditioner' }
                advanced_options = $advanced
            }
            $config = [ordered]@{
                bridge = [ordered]@{ name = 'Homebridge 0E01'; username = '0E:00:00:00:00:01'; port = 51826; pin = '031-45-154' }
                accessories = @()
                platforms = @(
                    [ordered]@{ name = 'Config'; port = 8581; platform = 'config' }
                    [ordered]@{ platform = 'midea-platform'; refreshInterval = 30; heartbeatInterval = 10; devices = @($device) }
                )
            }
            ($config | ConvertTo-Json -Depth 10) + "`n"
        }
    }
    $full = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
    [System.IO.File]::WriteAllText($full, $text, [System.Text.UTF8Encoding]::new($false))
    Get-Item -LiteralPath $full
}
