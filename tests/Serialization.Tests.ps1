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
}

AfterAll {
    Stop-MideaSimulator
    $env:MIDEA_STORE_PATH = $script:previousStore
}

Describe 'Serialization' {
    It 'round-trips <_> through Export-Clixml with its properties and its view' -ForEach @(
        'Midea.MideaSimulator', 'Midea.MideaDevice', 'Midea.MideaState', 'Midea.MideaCapabilities', 'Midea.MideaConnectionTest',
        'Midea.MideaCredential', 'Midea.MideaWifiResult', 'Midea.MideaPropertyResult'
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
}
