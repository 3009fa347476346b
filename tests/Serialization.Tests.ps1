# Output types survive serialization (Export-Clixml / Import-Clixml, as remoting does) with their
# properties, and the format views also apply to the Deserialized. type names. 127.0.24.x only.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-BuiltMidea
    $script:previousStore = $env:MIDEA_STORE_PATH
    $env:MIDEA_STORE_PATH = Join-Path $TestDrive 'devices.xml'
    $script:unit = Start-MideaSimulator -Address 127.0.24.10 -Ssid 'net' -Passphrase 'net-passphrase'
    $script:ap = Start-MideaSimulator -ApMode -Address 127.0.24.20 -JoinDelaySeconds 60
    $creds = @{ Token = $unit.Token; Key = $unit.Key }
    $script:samples = @{
        'Midea.MideaSimulator'       = $unit
        'Midea.MideaDevice'          = Find-MideaDevice -Address 127.0.24.10 -TimeoutSeconds 2
        'Midea.MideaState'           = Get-MideaState -Address 127.0.24.10 @creds -IncludeEnergy
        'Midea.MideaCapabilities'    = Get-MideaCapability -Address 127.0.24.10 @creds
        'Midea.MideaConnectionTest'  = Test-MideaConnection -Address 127.0.24.10 @creds
        'Midea.MideaCredential'      = New-MideaToken -Ssid 'net' -Passphrase 'net-passphrase' -MacAddress $unit.MacAddress
        'Midea.MideaWifiResult'      = Set-MideaWifi -Ssid 'home' -Passphrase 'home-passphrase' -CountryCode DE -Address 127.0.24.20
        'Midea.MideaPropertyResult'  = (Set-MideaState -Address 127.0.24.10 @creds -Flash $true -PassThru).PropertyResults[0]
    }
    $script:fullState = Get-MideaState -Address 127.0.24.10 @creds -IncludeCapabilities -IncludeProperties -IncludeEnergy -IncludeDiagnostics
    # A commercial unit (0xCC): its state, with the capabilities its answer carries, and those alone.
    $null = Start-MideaSimulator -Address 127.0.24.30 -DeviceType CommercialAc -ProtocolVersion 2
    $samples['Midea.MideaCommercialAcState'] = Get-MideaState -Address 127.0.24.30 -IncludeCapabilities
    $samples['Midea.MideaCommercialAcCapabilities'] = Get-MideaCapability -Address 127.0.24.30

    # Compares an object with its deserialized copy all the way down: values as text (an enum
    # as its number, which is how it travels), lists item by item, objects property by property.
    function script:Assert-SameTree($Original, $Copy, [string] $Path, [int] $Depth = 0) {
        if ($null -eq $Original -or $Original -is [securestring]) { return }
        if ($Original -is [enum]) { [long]$Copy | Should -Be ([long]$Original) -Because $Path; return }
        if ($Original -is [string] -or $Original -is [ValueType]) { "$Copy" | Should -Be "$Original" -Because $Path; return }
        $Depth | Should -BeLessThan 6 -Because "$Path nests deeper than any Midea type"
        $Copy | Should -Not -BeOfType [string] -Because "$Path must arrive as an object, not as its text"
        if ($Original -is [System.Collections.IDictionary]) {
            foreach ($key in $Original.Keys) { Assert-SameTree $Original[$key] $Copy[$key] "$Path[$key]" ($Depth + 1) }
            return
        }
        if ($Original -is [System.Collections.IEnumerable]) {
            $items = @($Original); $copies = @($Copy)
            $copies.Count | Should -Be $items.Count -Because "$Path item count"
            for ($i = 0; $i -lt $items.Count; $i++) { Assert-SameTree $items[$i] $copies[$i] "$Path[$i]" ($Depth + 1) }
            return
        }
        foreach ($property in $Original.PSObject.Properties) {
            Assert-SameTree $property.Value $Copy.($property.Name) "$Path.$($property.Name)" ($Depth + 1)
        }
    }
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:previousStore
}

Describe 'Serialization' {
    It 'round-trips <_> through Export-Clixml with its properties and its view' -ForEach @(
        'Midea.MideaSimulator', 'Midea.MideaDevice', 'Midea.MideaState', 'Midea.MideaCapabilities', 'Midea.MideaConnectionTest',
        'Midea.MideaCredential', 'Midea.MideaWifiResult', 'Midea.MideaPropertyResult', 'Midea.MideaCommercialAcState',
        'Midea.MideaCommercialAcCapabilities'
    ) {
        $original = $samples[$_]
        $original.PSObject.TypeNames[0] | Should -Be $_
        $file = Join-Path $TestDrive "$_.xml"
        $original | Export-Clixml -Path $file
        $copy = Import-Clixml -Path $file
        $copy.PSObject.TypeNames[0] | Should -Be "Deserialized.$_"
        foreach ($property in $original.PSObject.Properties) {
            $value = $property.Value
            if ($null -eq $value -or $value -is [securestring]) { continue }
            if ($value -is [enum]) {
                # Remoting carries an enum as its number, tagged Deserialized.<enum type>; views still show the name.
                [long]$copy.($property.Name) | Should -Be ([long]$value) -Because "$_.$($property.Name) must survive"
                $copy.($property.Name).PSObject.TypeNames[0] | Should -Be "Deserialized.$($value.GetType().FullName)"
            }
            elseif ($value -is [string] -or $value -is [ValueType]) {
                "$($copy.($property.Name))" | Should -Be "$value" -Because "$_.$($property.Name) must survive"
            }
            else {
                $copy.PSObject.Properties[$property.Name] | Should -Not -BeNullOrEmpty -Because "$_.$($property.Name) must survive"
            }
        }
        # The same view renders both, so the text a user sees is the same after remoting.
        ($copy | Out-String) | Should -Be ($original | Out-String)
    }

    It 'keeps every nested object of <_> at remoting depth (1), not only its top level' -ForEach @(
        'Midea.MideaState', 'Midea.MideaCapabilities', 'Midea.MideaWifiResult', 'Midea.MideaCommercialAcState', 'Midea.MideaCommercialAcCapabilities'
    ) {
        $original = if ($_ -eq 'Midea.MideaState') { $fullState } else { $samples[$_] }
        # Invoke-Command and jobs serialize at depth 1; Midea.Types.ps1xml raises it per type.
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($original, 1))
        Assert-SameTree $original $copy $_
    }

    It 'a full state really has nested objects to lose' {
        # Guards the test above: without them it would pass on a flat object.
        $fullState.Energy | Should -Not -BeNullOrEmpty
        $fullState.Diagnostics | Should -Not -BeNullOrEmpty
        @($fullState.Capabilities.Modes).Count | Should -BeGreaterThan 1
        @($samples['Midea.MideaWifiResult'].Steps).Count | Should -BeGreaterThan 1
    }
}
