#Requires -Version 7.4
<#
.SYNOPSIS
    The module's main job, end to end, against two simulated units on loopback:
    one V2 unit and one V3 unit. Nothing leaves 127.0.0.0/8.
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../output/Midea/0.1.0/Midea.psd1'))

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
}
finally {
    $v2, $v3 | Stop-MideaSimulator
}
