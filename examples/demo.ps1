#Requires -Version 7.4

<#
.SYNOPSIS
    The module's main job, end to end, against simulated units on loopback: one V2 and one V3
    unit to find, read and change, a commercial (0xCC) unit beside them, then factory-fresh units
    joined to Wi-Fi with Set-MideaWifi (one directly, two from a CSV). Nothing leaves 127.0.0.0/8.
#>
param([string] $ModulePath = (Get-ChildItem (Join-Path $PSScriptRoot '../output/Midea/*/Midea.psd1') | Select-Object -First 1).FullName)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Show([string] $Title, $Value) {
    "`n=== $Title"
    $Value | Out-String -Width 160
}

$v2 = Start-MideaSimulator -Address 127.0.0.20 -ProtocolVersion 2
$v3 = Start-MideaSimulator -Address 127.0.0.21 -ProtocolVersion 3
try {
    Show 'Simulated units (Start-MideaSimulator)' ($v2, $v3)

    $found = Find-MideaDevice -Address 127.0.0.20, 127.0.0.21 -TimeoutSeconds 3
    Show 'Find-MideaDevice -Address 127.0.0.20, 127.0.0.21' $found

    # V2 needs nothing more; V3 needs the unit's token and key (the simulator's test credentials).
    $device2 = $found | Where-Object ProtocolVersion -EQ 2
    $device3 = $found | Where-Object ProtocolVersion -EQ 3
    Show 'Get-MideaState (V2 unit)' ($device2 | Get-MideaState)
    Show 'Get-MideaState (V3 unit)' ($device3 | Get-MideaState -Token $v3.Token -Key $v3.Key)

    $after = $device2 | Set-MideaState -Power $true -Mode Cool -TargetTemperature 22.5 -FanSpeed High -PassThru
    Show 'Set-MideaState -Power $true -Mode Cool -TargetTemperature 22.5 -FanSpeed High -PassThru (V2)' $after

    $after = $device3 | Set-MideaState -Token $v3.Token -Key $v3.Key -Power $true -Mode Heat -TargetTemperature 24 -SwingMode Vertical -Eco $true -PassThru
    Show 'Set-MideaState ... -Mode Heat -TargetTemperature 24 -SwingMode Vertical -Eco $true -PassThru (V3)' ($after | Format-List)

    "`n=== Set-MideaState -Power `$false -WhatIf (sends nothing)"
    $device2 | Set-MideaState -Power $false -WhatIf

    # Everything the unit can do: the simulated V3 unit reports the full capability set.
    $v3Creds = @{ Token = $v3.Token; Key = $v3.Key }
    Show 'Get-MideaCapability (V3 unit)' (Get-MideaCapability -Address 127.0.0.21 @v3Creds)
    $features = Set-MideaState -Address 127.0.0.21 @v3Creds -VerticalSwingAngle Position3 -Breeze BreezeMild -TargetTemperature 72 -Unit Fahrenheit -PassThru
    Show 'Set-MideaState -VerticalSwingAngle Position3 -Breeze BreezeMild -TargetTemperature 72 -Unit Fahrenheit -PassThru: property results' $features.PropertyResults
    Show 'Get-MideaState -IncludeProperties -IncludeEnergy -IncludeDiagnostics' (Get-MideaState -Address 127.0.0.21 @v3Creds -IncludeProperties -IncludeEnergy -IncludeDiagnostics | Format-List)

    # A basic unit has no heat: the change is refused before it is sent (only the capabilities are read).
    $basic = Start-MideaSimulator -Address 127.0.0.23 -CapabilityProfile Basic
    "`n=== Set-MideaState -Mode Heat on a unit without heat (Start-MideaSimulator -CapabilityProfile Basic)"
    Set-MideaState -Address 127.0.0.23 -Token $basic.Token -Key $basic.Key -Mode Heat -ErrorAction Continue -ErrorVariable refused 2>$null
    # A script branches on the ErrorId (the part of FullyQualifiedErrorId before the comma, without
    # the cmdlet's .NET name) and shows the message as the user reads it.
    "Refused with ErrorId $(($refused[0].FullyQualifiedErrorId -split ',')[0]): $($refused[0].Exception.Message)"

    # A commercial unit (appliance type 0xCC: ducted, cassette and VRF indoor units) beside the air
    # conditioners: the same cmdlets pick its family from the type its discovery reply names.
    $null = Start-MideaSimulator -Address 127.0.0.24 -DeviceType CommercialAc -ProtocolVersion 2
    $mixed = Find-MideaDevice -Address 127.0.0.20, 127.0.0.24 -TimeoutSeconds 3
    Show 'Find-MideaDevice -Address 127.0.0.20, 127.0.0.24 (an air conditioner and a commercial unit)' $mixed
    Show 'Get-MideaState of both: one table, each in its family''s type' ($mixed | Get-MideaState)
    $commercialAfter = Set-MideaState -Address 127.0.0.24 -Power $true -Mode Cool -TargetTemperature 23 -FanLevel Level4 -VerticalSwingAngle Auto -PassThru
    Show 'Set-MideaState -Address 127.0.0.24 -Power $true -Mode Cool -TargetTemperature 23 -FanLevel Level4 -VerticalSwingAngle Auto -PassThru' ($commercialAfter | Format-List)
    "`n=== Set-MideaState -Turbo `$true on the commercial unit (an air-conditioner parameter)"
    Set-MideaState -Address 127.0.0.24 -Turbo $true -ErrorAction Continue -ErrorVariable refusedFamily 2>$null
    "Refused with ErrorId $(($refusedFamily[0].FullyQualifiedErrorId -split ',')[0]): $($refusedFamily[0].Exception.Message)"

    # Decoding a capture: an energy reply (protocol.md vector G04).
    Show "ConvertFrom-MideaPacket 'aa22ac…5e' (an energy reply)" (ConvertFrom-MideaPacket 'aa22ac00000000000803c1210144000005e00000000000000006000aeb000000487a5e' | Format-List)

    # A factory-fresh unit in AP mode: its access point address (the standard AP-mode address on a real unit) is a loopback
    # address, and after joining it reappears on its "home network" address.
    $fresh = Start-MideaSimulator -ApMode -Address 127.0.0.22 -HomeAddress 127.0.0.32 -JoinDelaySeconds 0.5
    Show 'Start-MideaSimulator -ApMode -Address 127.0.0.22 -HomeAddress 127.0.0.32' $fresh
    $wifi = Set-MideaWifi -Ssid 'demo-home' -Passphrase 'demo-passphrase' -CountryCode GB -Address 127.0.0.22 -WaitForNetwork 127.0.0.32 -WaitTimeoutSeconds 10
    Show "Set-MideaWifi -Ssid 'demo-home' -Passphrase ... -CountryCode GB -Address 127.0.0.22 -WaitForNetwork 127.0.0.32" $wifi
    Show 'Its steps ($result.Steps)' $wifi.Steps
    # No cloud: the unit accepts a token minted from the network it joined and its MAC (experimental on real units).
    $minted = New-MideaToken -Ssid 'demo-home' -Passphrase 'demo-passphrase' -MacAddress $wifi.MacAddress
    Show "The unit on its new address, with a token from New-MideaToken -Ssid 'demo-home' -Passphrase ... -MacAddress $($wifi.MacAddress)" (Get-MideaState -Address $wifi.NewAddress -Token $minted.Token -Key $minted.Key)

    # The device store remembers credentials; the demo uses a temporary store, never the user's own.
    $env:MIDEA_STORE_PATH = Join-Path ([System.IO.Path]::GetTempPath()) "midea-demo-store-$PID.xml"
    Find-MideaDevice -Address $wifi.NewAddress | Save-MideaDevice -Token $minted.Token -Key $minted.Key
    Show 'Save-MideaDevice, then Get-MideaDevice and Test-MideaConnection with no -Token or -Key' @((Get-MideaDevice), (Test-MideaConnection -Address $wifi.NewAddress))

    # Bulk: one row per unit; -SimulatedWlan "joins" each simulated unit's access point in turn.
    $bulk = Start-MideaSimulator -ApMode -Address 127.0.0.40 -Count 2 -HomeAddress 127.0.0.50 -JoinDelaySeconds 0.5
    $csv = Join-Path ([System.IO.Path]::GetTempPath()) "midea-demo-$PID.csv"
    $bulk | ForEach-Object { [pscustomobject]@{ ApSsid = $_.Name; Ssid = 'demo-home'; Passphrase = 'demo-passphrase'; CountryCode = 'GB' } } |
        Export-Csv $csv -NoTypeInformation
    # The CSV holds the passphrase in plain text, as yours will; shown here with it masked.
    Show "Get-Content units.csv" ((Get-Content $csv) -replace 'demo-passphrase', '***')
    $results = Import-Csv $csv | Set-MideaWifi -SimulatedWlan -WaitForNetwork 127.0.0.48/29 -WaitTimeoutSeconds 10
    Show 'Import-Csv units.csv | Set-MideaWifi -SimulatedWlan -WaitForNetwork 127.0.0.48/29' $results
    Remove-Item $csv
    # A demo that quietly shows a failure would prove nothing: it ends non-zero instead.
    $failed = @(@($wifi) + $results | Where-Object { -not $_.Success })
    if ($failed) { throw "Provisioning failed in the demo: $($failed.FailedStep -join ', ')." }
}
finally {
    Stop-MideaSimulator
    if ($env:MIDEA_STORE_PATH -like '*midea-demo-store-*') {
        Remove-Item "$env:MIDEA_STORE_PATH*" -ErrorAction SilentlyContinue
        $env:MIDEA_STORE_PATH = $null
    }
}
