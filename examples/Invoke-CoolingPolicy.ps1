#Requires -Version 7.4

<#
.SYNOPSIS
    A simple cooling policy: switches an idle unit on in Cool when its room is hot, and switches a
    cooling unit off when its room has become cold.
.DESCRIPTION
    For each unit it reads the state once, decides, and changes the unit only when the decision
    says so. Between the two thresholds it changes nothing, so a unit is not switched on and off
    again and again around one temperature.

    It writes one object per unit: its address, the room temperature it read, what it decided
    (SwitchOn, SwitchOff, NoChange, NoReading or Unreachable), whether the change was applied,
    and the ErrorId of a failure. A unit that fails is reported and the others are still handled.

    This script is an example of a user's own script; examples/Invoke-CoolingPolicy.Tests.ps1
    shows how to test it against the simulator.
.PARAMETER Address
    Units to handle. Takes the Address of piped objects (Get-MideaDevice, Find-MideaDevice).
    Every saved unit (Save-MideaDevice) when neither given nor piped.
.PARAMETER HotAbove
    A room above this temperature, in °C, is hot: an idle unit is switched on.
.PARAMETER ColdBelow
    A room below this temperature, in °C, is cold: a cooling unit is switched off. Must be lower
    than -HotAbove.
.PARAMETER TargetTemperature
    The target, in °C, of a unit switched on.
.PARAMETER TimeoutSeconds
    How long to wait for each unit.
.EXAMPLE
    ./Invoke-CoolingPolicy.ps1 -WhatIf

    Shows what the policy would do to every saved unit, and changes nothing.
.EXAMPLE
    Get-MideaDevice | Where-Object Name -Like 'office*' | ./Invoke-CoolingPolicy.ps1 -HotAbove 27 -TargetTemperature 24

    Applies the policy to some saved units only.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(ValueFromPipelineByPropertyName)]
    [string[]] $Address,
    [double] $HotAbove = 26,
    [double] $ColdBelow = 21,
    [ValidateRange(16, 30)]
    [double] $TargetTemperature = 24,
    [int] $TimeoutSeconds = 5
)

begin {
    if ($ColdBelow -ge $HotAbove) {
        throw "-ColdBelow ($ColdBelow) must be lower than -HotAbove ($HotAbove)."
    }
    $anyAddress = $false

    function Get-Decision($State) {
        $room = $State.IndoorTemperature
        # A missing reading is not a cold room: without this, $null -lt 21 would be true.
        if ($null -eq $room) { return 'NoReading' }
        if ($room -gt $HotAbove -and -not $State.Power) { return 'SwitchOn' }
        if ($room -lt $ColdBelow -and $State.Power -and $State.Mode -eq 'Cool') { return 'SwitchOff' }
        'NoChange'
    }

    function Invoke-UnitPolicy([string] $UnitAddress) {
        # Errors are collected rather than thrown, so one failing unit does not stop the others.
        $failure = $null
        $state = Get-MideaState -Address $UnitAddress -TimeoutSeconds $TimeoutSeconds -ErrorAction SilentlyContinue -ErrorVariable failure
        $decision = if ($state) { Get-Decision $state } else { 'Unreachable' }

        $change = switch ($decision) {
            'SwitchOn' { @{ Power = $true; Mode = 'Cool'; TargetTemperature = $TargetTemperature } }
            'SwitchOff' { @{ Power = $false } }
        }
        $applied = $false
        if ($change) {
            # Set-MideaState answers -WhatIf and -Confirm itself. -PassThru returns the new state
            # only when the change was made, so no output means skipped or failed.
            $after = Set-MideaState -Address $UnitAddress @change -TimeoutSeconds $TimeoutSeconds -WhatIf:$WhatIfPreference -PassThru `
                -ErrorAction SilentlyContinue -ErrorVariable failure
            $applied = $null -ne $after
        }

        [pscustomobject]@{
            Address         = $UnitAddress
            RoomTemperature = $state.IndoorTemperature
            Decision        = $decision
            Applied         = $applied
            # The ErrorId alone (DeviceUnreachable, DeviceTimeout...), without the cmdlet's name.
            Error           = if ($failure) { ($failure[0].FullyQualifiedErrorId -split ',')[0] }
        }
    }
}

process {
    foreach ($unit in $Address) {
        $anyAddress = $true
        Invoke-UnitPolicy $unit
    }
}

end {
    # Saved units only when nothing was named. An empty pipeline (a filter that matched no unit)
    # must not turn into "every unit".
    if (-not $anyAddress -and -not $MyInvocation.ExpectingInput) {
        # ForEach-Object, not (Get-MideaDevice).Address: on an array, .Address is the array's own
        # Address() method rather than each unit's address.
        foreach ($unit in (Get-MideaDevice | ForEach-Object Address)) { Invoke-UnitPolicy $unit }
    }
}
